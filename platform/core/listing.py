"""Helpers every listing page uses: pagination by `?trang=`, choice filters and RSS 2.0 feeds.

`FeedPageMixin` gives a section index page an `rss/` route that lists the same items as the
page, with the same filters, so every listing has its feed (`<link rel="alternate">` in its
template points to it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

PAGE_PARAM = "trang"  # the same page parameter as the search page
FEED_LIMIT = 30


def paginate(request: HttpRequest, items, per_page: int = 10) -> PaginatorPage:
    """The requested page of `items`; bad or out-of-range numbers fall back sensibly."""
    return Paginator(items, per_page).get_page(request.GET.get(PAGE_PARAM))


def query_without_page(request: HttpRequest) -> str:
    """The current query string minus the page number, for pagination links."""
    params = request.GET.copy()
    params.pop(PAGE_PARAM, None)
    return params.urlencode()


page_query = query_without_page


def choice_filter(request: HttpRequest, param: str, choices: list[tuple[str, str]]) -> str:
    """The value of `param` if it is one of `choices`, else "" (no filter)."""
    value = request.GET.get(param, "")
    return value if value in {key for key, _label in choices} else ""


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
            pubdate=_aware(item.pubdate), unique_id=item.link,
            categories=tuple(c for c in item.categories if c),
        )
    response = HttpResponse(content_type="application/rss+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response


class FeedPageMixin(RoutablePageMixin):
    """An `rss/` route for a listing page.

    The page defines `feed_items(request)` (the listed pages, filtered as the listing is,
    newest first) and `feed_item(item, request)` (one FeedItem). The listing itself stays
    where it was (`get_context`, or the page's own `""` route).
    """

    feed_limit = FEED_LIMIT

    def feed_items(self, request: HttpRequest):
        raise NotImplementedError

    def feed_item(self, item, request: HttpRequest) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request),
            description=getattr(item, "summary", "") or item.search_description,
            pubdate=item.first_published_at,
        )

    @path("rss/")
    def rss(self, request: HttpRequest) -> HttpResponse:
        page_url = self.get_full_url(request)
        return rss_response(
            title=feed_title(self, request),
            link=page_url,
            description=self.search_description or self.title,
            feed_url=page_url + "rss/",
            items=(
                self.feed_item(item, request)
                for item in self.feed_items(request)[: self.feed_limit]
            ),
        )
