"""The public search page of every portal (`/tim-kiem/`) and its suggestions
(`/tim-kiem/goi-y/`).

In-portal search is always restricted to the current portal's documents. The province
portal also offers the whole province (`pham-vi=tinh`), optionally narrowed to some member
portals (`cong=<code>`); results link to each portal's own domain. With a type chosen
(`loai=<app_label.model>`), the facets and date range that type declares
(`search.facets`) are offered, each through its own URL parameter.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.listing import PAGE_PARAM, query_without_page
from core.text import nfc

from .backends import get_backend
from .backends.base import SearchQuery, SearchResults
from .facets import Declared, declared_for_type
from .tuning import Tuning, alternatives, best_bet_path, tuning_for

PER_PAGE = 10
SCOPE_PROVINCE = "tinh"
MAX_PAGE = 100


class _Window:
    """The hits of one page, standing in for the whole result list for Django's Paginator."""

    def __init__(self, total: int, hits: list) -> None:
        self.total = total
        self.hits = hits

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, _slice):
        return self.hits


def _pageable(results: SearchResults) -> int:
    """How many results the pages reach: those the backend can rank, at most MAX_PAGE pages."""
    return min(results.reachable, MAX_PAGE * PER_PAGE)


def _date(value: str) -> datetime.date | None:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def date_inputs(request: HttpRequest, declared: Declared, query: SearchQuery) -> list[dict]:
    """The chosen type's date range as the form shows it: each input's parameter, label and
    value (a date as dd/mm/yyyy, whatever the browser's language; what was typed when it is
    no date) and, when it is no date, why (the range then leaves it out)."""
    declared_range = declared.date_range
    if declared_range is None:
        return []
    inputs = []
    for param, label, day in (
        (declared_range.param_from, declared_range.label_from, query.date_from),
        (declared_range.param_to, declared_range.label_to, query.date_to),
    ):
        typed = nfc(request.GET.get(param, "")).strip()[:40]
        error = ""
        if typed and day is None:
            error = _(
                "“%(typed)s” không phải là ngày hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2025."
            ) % {"typed": typed}
        inputs.append({
            "param": param, "label": label, "error": error,
            "value": day.strftime("%d/%m/%Y") if day else typed,
        })
    if query.date_from and query.date_to and query.date_from > query.date_to:
        inputs[1]["error"] = _("Ngày cuối phải bằng hoặc sau ngày đầu.")
    return inputs


def _page_number(request: HttpRequest) -> int:
    try:
        return max(1, min(int(request.GET.get(PAGE_PARAM, 1)), MAX_PAGE))
    except ValueError:
        return 1


def build_query(request: HttpRequest, tuning: Tuning | None = None) -> tuple[SearchQuery, bool]:
    """The search the request asks for, and whether it is province-wide. The facets and
    date range are those the chosen type declares; other parameters are ignored."""
    if tuning is None:
        tuning = tuning_for(connection.schema_name)
    portal = getattr(request, "tenant", None)
    params = request.GET
    province_wide = bool(
        portal is not None and portal.is_province and params.get("pham-vi") == SCOPE_PROVINCE
    )
    query = SearchQuery(
        text=params.get("q", ""),
        portal=None if province_wide else connection.schema_name,
        portals=tuple(c for c in params.getlist("cong") if c) if province_wide else (),
        content_type=params.get("loai", "").strip()[:100],
        # The language of the page searched from: /en/search/ finds the English pages.
        language=get_language() or settings.LANGUAGE_CODE,
    )
    if query.text:
        # The portal searched from says which words are synonyms (the province's, for the
        # whole province).
        query.alternatives = tuple(alternatives(query.text, tuning.synonyms))
    declared = declared_for_type(query.content_type)
    for facet in declared.filters:
        value = nfc(params.get(facet.param, "")).strip()[:255]
        if value:
            query.filters[facet.key] = value
    if declared.date_range is not None:
        query.date_from = _date(params.get(declared.date_range.param_from, ""))
        query.date_to = _date(params.get(declared.date_range.param_to, ""))
    return query, province_wide


def facet_filters(declared: Declared, query: SearchQuery, results: SearchResults) -> list[dict]:
    """The chosen type's facets as the page offers them: heading, parameter, counted values
    and the value chosen."""
    return [
        {
            "label": facet.heading(declared.model),
            "param": facet.param,
            "values": results.facets.get(facet.key, []),
            "selected": query.filters.get(facet.key, ""),
        }
        for facet in declared.filters
    ]


def best_bet(request: HttpRequest, text: str, tuning: Tuning):
    """The live, public page of this portal its board pinned for these words, or None."""
    from wagtail.models import Page, Site

    path = best_bet_path(text, tuning) if text else ""
    site = Site.find_for_request(request) if path else None
    if site is None:
        return None
    root = site.root_page
    url_path = root.url_path.rstrip("/") + "/" + path.strip("/") + "/"
    if path.strip("/") == "":
        url_path = root.url_path
    return Page.objects.live().public().filter(url_path=url_path).specific().first()


def search(request: HttpRequest) -> HttpResponse:
    tuning = tuning_for(connection.schema_name)
    query, province_wide = build_query(request, tuning)
    pinned = best_bet(request, query.text, tuning)
    number = _page_number(request)
    results = SearchResults()
    searched = not (query.is_empty and not query.content_type)
    if searched:
        query.offset, query.limit = (number - 1) * PER_PAGE, PER_PAGE
        results = get_backend().search(query)
        last = max(1, -(-_pageable(results) // PER_PAGE))
        if number > last:
            number = last
            query.offset = (number - 1) * PER_PAGE
            results = get_backend().search(query)
    paged = Paginator(_Window(_pageable(results), results.hits), PER_PAGE).get_page(number)
    for hit in results.hits:
        hit.details = declared_for_type(hit.content_type).result_details(hit.facets)
    declared = declared_for_type(query.content_type)
    number_found_label = ""
    if results.number_match and results.hits:
        found = declared_for_type(results.hits[0].content_type)
        if found.identifier is not None:
            number_found_label = found.identifier.found_label or found.identifier.heading(found.model)
    portal = getattr(request, "tenant", None)
    dates = date_inputs(request, declared, query)
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "query": query.text,
            "search": query,
            "searched": searched,
            "results": paged,
            "hits": results.hits,
            "total": results.total,
            # More than `total` matched: only the best `reachable` can be paged through.
            "capped": results.capped,
            "reachable": results.reachable,
            "facet_sample": results.facet_sample,
            "facets": results.facets,
            "number_match": results.number_match,
            # What introduces the results of an exact identifier lookup.
            "number_found_label": number_found_label,
            "province_wide": province_wide,
            "can_search_province": bool(portal is not None and portal.is_province),
            "scope_province": SCOPE_PROVINCE,
            # The chosen type's facets and date range.
            "facet_filters": facet_filters(declared, query, results),
            "date_range": declared.date_range,
            "date_inputs": dates,
            "date_errors": [date for date in dates if date["error"]],
            "page_query": query_without_page(request),
            # The page the board pinned for these words, above the results.
            "best_bet": pinned,
        },
    )


def autocomplete(request: HttpRequest) -> JsonResponse:
    text = " ".join(nfc(request.GET.get("q", "")).split())[:100]
    portal = getattr(request, "tenant", None)
    province_wide = bool(
        portal is not None and portal.is_province and request.GET.get("pham-vi") == SCOPE_PROVINCE
    )
    suggestions = []
    if len(text) >= 2:
        suggestions = get_backend().autocomplete(
            text,
            None if province_wide else connection.schema_name,
            language=get_language() or settings.LANGUAGE_CODE,
        )
    return JsonResponse(
        {
            "query": text,
            "suggestions": [
                {"title": s.title, "url": s.url, "portal": s.portal_name, "type": s.type_label}
                for s in suggestions
            ],
        },
        json_dumps_params={"ensure_ascii": False},
        headers={"Cache-Control": "max-age=60"},
    )
