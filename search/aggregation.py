"""What the province home page gathers from its member portals through the shared index.

The content app whose pages are the member portals' news says so in its
`AppConfig.ready()`: `register_member_news("news.NewsArticlePage")`. `search` names no
content model itself.

A member's news published, changed or withdrawn purges the province home page, which lists it
(`province_pages_showing`, registered with the page cache in `SearchConfig.ready()`).
"""

from __future__ import annotations

from collections.abc import Iterable

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


def province_pages_showing(page) -> Iterable[tuple[str, list[str]]]:
    """(schema, page cache tags) of the pages of other portals that list `page`: the home
    pages of the province portal, when `page` is member news."""
    from tenants.current import schema_name
    from tenants.models import Portal

    label = member_news_type()
    model = page.specific_class
    if not label or model is None or f"{model._meta.app_label}.{model._meta.model_name}" != label:
        return []
    provinces = Portal.objects.filter(kind=Portal.Kind.PROVINCE).exclude(schema_name=schema_name())
    return [(schema, ["home"]) for schema in provinces.values_list("schema_name", flat=True)]
