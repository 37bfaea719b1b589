"""What the province portal gathers from its member portals through the shared index: the
home page's member news, and its finders' whole-province scope (`province_items`).

The content app whose pages are the member portals' news says so in its
`AppConfig.ready()`: `register_member_news("news.NewsArticlePage")`. `search` names no
content model itself.

A member's news published, changed or withdrawn purges the province home page, which lists it
(`province_pages_showing`, registered with the page cache in `SearchConfig.ready()`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

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
# The most results a finder pages through from the whole province (the search server's
# default result window); narrowing the filters reaches the others. The embedded backend
# reaches fewer past its count cap (see docs/search.md).
MAX_PROVINCE_ITEMS = 10_000


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
) -> ProvinceItems:
    """Items of `content_type` (a page model's `app_label.model`) from every active portal,
    the province's own and its members', out of the shared index: `search.backends.base.Hit`s
    whose `url` is on each portal's own domain. Best first with `text`, else newest first;
    `filters` are facets the type declares (key → value)."""
    from django.conf import settings
    from django.utils.translation import get_language

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
    )
    if query.text:
        from django.db import connection

        query.alternatives = tuple(alternatives(query.text, tuning_for(connection.schema_name).synonyms))
    return ProvinceItems(query)


class ProvinceItems(Sequence):
    """A finder's whole-province results, read from the shared index one page at a time
    (what the paginator slices): a search each page, and one for how many there are."""

    def __init__(self, query) -> None:
        self.query = query
        self._length: int | None = None

    def _search(self, offset: int, limit: int):
        from .backends import get_backend

        return get_backend().search(dataclasses.replace(self.query, offset=offset, limit=limit))

    def __len__(self) -> int:
        if self._length is None:
            results = self._search(0, 1)
            self._length = min(results.reachable or results.total, MAX_PROVINCE_ITEMS)
        return self._length

    def __getitem__(self, index):
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if start >= stop:
                return []
            return self._search(start, stop - start).hits[::step]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self._search(index, 1).hits[0]
