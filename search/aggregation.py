"""What the province portal gathers from its member portals through the shared index: the
home page's member news, and its finders' whole-province scope (`province_items`).

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


# The finders' scope switch, as on the search page: `?pham-vi=tinh` on the province portal.
SCOPE_PARAM = "pham-vi"
SCOPE_PROVINCE = "tinh"
# The most results a finder lists from the whole province (newest first, or best first with
# words); narrowing the filters reaches the others.
MAX_PROVINCE_ITEMS = 500


def can_aggregate(request) -> bool:
    """Whether the request's portal is the province's, whose finders can list every portal's
    items."""
    portal = getattr(request, "tenant", None)
    return bool(portal is not None and getattr(portal, "is_province", False))


def province_scope(request) -> bool:
    """The province portal's finder asked for the whole province."""
    return can_aggregate(request) and request.GET.get(SCOPE_PARAM) == SCOPE_PROVINCE


def province_items(
    request,
    content_type: str,
    *,
    text: str = "",
    filters: dict[str, str] | None = None,
    date_from=None,
    date_to=None,
) -> list:
    """Items of `content_type` (a page model's `app_label.model`) from every active portal,
    the province's own and its members', out of the shared index: `search.backends.base.Hit`s
    whose `url` is on each portal's own domain. Best first with `text`, else newest first;
    `filters` are facets the type declares (key → value)."""
    from django.conf import settings
    from django.utils.translation import get_language

    from .backends import get_backend
    from .backends.base import SearchQuery
    from .tuning import alternatives, tuning_for

    query = SearchQuery(
        text=text,
        portal=None,
        content_type=content_type,
        language=get_language() or settings.LANGUAGE_CODE,
        filters=dict(filters or {}),
        date_from=date_from,
        date_to=date_to,
        limit=MAX_PROVINCE_ITEMS,
    )
    if query.text:
        from django.db import connection

        query.alternatives = tuple(alternatives(query.text, tuning_for(connection.schema_name).synonyms))
    return get_backend().search(query).hits
