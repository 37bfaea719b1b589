"""Search within the current portal (its own schema)."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from wagtail.models import Page

from core.text import nfc


def search(request: HttpRequest) -> HttpResponse:
    query = nfc(request.GET.get("q", "")).strip()[:200]
    results = Page.objects.live().public().specific().search(query) if query else Page.objects.none()
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("trang", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(request, "search/search.html", {"query": query, "results": page})
