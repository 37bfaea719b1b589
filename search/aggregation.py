"""What the province home page gathers from its member portals through the shared index.

The content app whose pages are the member portals' news says so in its
`AppConfig.ready()`: `register_member_news("news.NewsArticlePage")`. `search` names no
content model itself.
"""

from __future__ import annotations

_member_news: list[str] = []


def register_member_news(model: str | type) -> None:
    """`model` (a page class or `"app_label.ModelName"`) is what `{% latest_member_news %}`
    lists. Registering another model replaces it."""
    if isinstance(model, str):
        label = model.lower()
    else:
        label = f"{model._meta.app_label}.{model._meta.model_name}"
    _member_news[:] = [label]


def member_news_type() -> str:
    """The content type of member news (`app_label.model`), "" when none is registered."""
    return _member_news[0] if _member_news else ""
