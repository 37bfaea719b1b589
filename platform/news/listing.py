"""Helpers every listing page uses: pagination by `?trang=` and RSS 2.0 feeds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

PAGE_PARAM = "trang"


def paginate(request: HttpRequest, items, per_page: int = 10) -> PaginatorPage:
    """The requested page of `items`; bad or out-of-range numbers fall back sensibly."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def query_without_page(request: HttpRequest) -> str:
    """The current query string minus the page number, for pagination links."""
    params = request.GET.copy()
    params.pop(PAGE_PARAM, None)
    return params.urlencode()


@dataclass
class FeedItem:
    title: str
    link: str  # absolute URL
    description: str = ""
    pubdate: date | datetime | None = None
    categories: tuple[str, ...] = ()


def _aware(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    if timezone.is_naive(value):
        value = timezone.make_aware(value)
    return value


def feed_title(page, request: HttpRequest) -> str:
    """“Văn bản – Sở A”: a feed reader shows feeds of many portals side by side."""
    site = page.get_site()
    name = site.site_name if site is not None else ""
    return f"{page.title} – {name}" if name else page.title


def rss_response(
    title: str, link: str, description: str, feed_url: str, items: Iterable[FeedItem]
) -> HttpResponse:
    feed = Rss201rev2Feed(
        title=title, link=link, description=description or title, language="vi",
        feed_url=feed_url,
    )
    for item in items:
        feed.add_item(
            title=item.title, link=item.link, description=item.description,
            pubdate=_aware(item.pubdate), unique_id=item.link, categories=item.categories,
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
