"""How a section lists its items: pagination by `?trang=`, choice filters and RSS 2.0 feeds.

`SectionIndexPage` is the index page of a mandated section: it lists what `listing()`
returns for the request, a page at a time, and the same items, filtered the same way, at
its `rss/` route (`<link rel="alternate">` in its template points to it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES
from core.models import NFCTextMixin

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
    """The `rss/` route of a listing page (see SectionIndexPage, which has it).

    The page defines `feed_items(request)` (the listed pages, filtered as the listing is,
    newest first) and `feed_item(item, request)` (one FeedItem).
    """

    feed_limit = FEED_LIMIT
    has_feed = True

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
        if not self.has_feed:
            raise Http404
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


@dataclass
class Listing:
    """What an index page lists for one request: its items, filtered and in order, and
    what its template needs to show the filters (choices, the selected values, a form)."""

    items: QuerySet
    context: dict[str, Any] = field(default_factory=dict)


class SectionIndexPage(NFCTextMixin, FeedPageMixin, Page):
    """The index page of a mandated section, one per home page: an intro, then the items
    `listing()` returns, `per_page` at a time (`?trang=`), as `items` in the template, with
    `page_query` for the pagination links; the same items are the `rss/` feed.

    Subclasses define `listing(request)` and `feed_item(item, request)`; their other routes
    (schedules, forms) render without the listing.
    """

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    per_page = 10

    class Meta:
        abstract = True

    def listing(self, request: HttpRequest) -> Listing:
        raise NotImplementedError

    def feed_items(self, request: HttpRequest) -> QuerySet:
        return self.listing(request).items

    @path("")
    def index_route(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        request.is_preview = getattr(request, "is_preview", False)  # as Wagtail's own route
        listing = self.listing(request)
        return self.render(
            request,
            context_overrides={
                **listing.context,
                "items": paginate(request, listing.items, self.per_page),
                "page_query": query_without_page(request),
            },
        )
