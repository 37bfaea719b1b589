"""Listing helpers shared by the section index pages."""

from __future__ import annotations

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_PARAM = "trang"  # the same page parameter as the search page


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int = 10) -> PaginatorPage:
    """The requested page of `queryset`; out-of-range or invalid numbers give the nearest."""
    return Paginator(queryset, per_page).get_page(request.GET.get(PAGE_PARAM))


def page_query(request: HttpRequest) -> str:
    """The current query string without the page number, for the shared pagination links."""
    query = request.GET.copy()
    query.pop(PAGE_PARAM, None)
    return query.urlencode()


def choice_filter(request: HttpRequest, param: str, choices: list[tuple[str, str]]) -> str:
    """The value of `param` if it is one of `choices`, else "" (no filter)."""
    value = request.GET.get(param, "")
    return value if value in {key for key, _label in choices} else ""
