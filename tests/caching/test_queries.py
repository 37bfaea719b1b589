"""Lean uncached pages: every public page type renders in at most 12 SQL statements once the
process has served the portal before (its Site, locales, menus, settings and view restrictions
are kept per portal: core.serving, core.caching.memo), whatever the page lists.

The page cache is off here: these are the renders a cache miss costs.
"""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.db import connection

from tests.caching.conftest import CODE
from tests.support.pages import SECTION_PAGE_TYPES
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12

PAGE_TYPES = [
    *SECTION_PAGE_TYPES,
    "participation.questionindexpage", "participation.consultationindexpage",
    "participation.consultationpage",
    # The English tree.
    "en:home.homepage", "en:introduction.introductionindexpage", "en:introduction.leaderspage",
    "en:contacts.contactspage", "en:services.publicserviceindexpage",
    "en:services.publicservicepage",
]
# Routes of pages, filtered listings, feeds, search and the sitemap.
OTHER_VIEWS = {
    "news.newsindexpage:page-2": ("news.newsindexpage", "?trang=2"),
    "news.newsindexpage:rss": ("news.newsindexpage", "rss/"),
    "news.newsarticlepage:print": ("news.newsarticlepage", "in/"),
    "legaldocs.legaldocumentindexpage:filtered": (
        "legaldocs.legaldocumentindexpage", "?q=quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh",
    ),
    "direction.directionindexpage:work-schedule": ("direction.directionindexpage", "lich-cong-tac/"),
    "participation.questionindexpage:lookup": ("participation.questionindexpage", "tra-cuu/"),
    "search": (None, "/tim-kiem/?q=chuy%E1%BB%83n+%C4%91%E1%BB%95i+s%E1%BB%91"),
    "en:search": (None, "/en/search/?q=introduction"),
    "sitemap": (None, "/sitemap.xml"),
}


@pytest.fixture(scope="module")
def page_urls(demo_portal, django_db_blocker) -> dict[str, str]:
    """One page of every type (the first in tree order), by `[language:]app_label.model`."""
    from wagtail.models import Page

    urls: dict[str, str] = {}
    with django_db_blocker.unblock(), schema_context(CODE):
        pages = Page.objects.live().public().filter(depth__gte=2).order_by("depth", "path")
        for page in pages.select_related("content_type", "locale"):
            key = f"{page.content_type.app_label}.{page.content_type.model}"
            if page.locale.language_code != "vi":
                key = f"{page.locale.language_code}:{key}"
            urls.setdefault(key, page.specific.get_url())
    connection.set_schema_to_public()
    for key, (base, suffix) in OTHER_VIEWS.items():
        urls[key] = (urls[base] if base else "") + suffix
    return urls


@pytest.mark.parametrize("page_type", PAGE_TYPES + list(OTHER_VIEWS))
def test_an_uncached_page_costs_at_most_12_queries(
    page_type, page_urls, demo_portal, settings, django_assert_max_num_queries
):
    settings.CONG_PAGE_CACHE = False
    assert page_type in page_urls, f"the demo content has no {page_type}"
    client = client_for(demo_portal)
    url = page_urls[page_type]
    assert client.get(url).status_code == 200  # the process now knows the portal
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200


def test_listing_more_items_costs_no_more_queries(
    demo_portal, page_urls, settings, django_capture_on_commit_callbacks
):
    """No query per listed item: the news section with more articles costs the same."""
    from django.test.utils import CaptureQueriesContext

    from tests.news.factories import NewsArticlePageFactory

    settings.CONG_PAGE_CACHE = False
    client = client_for(demo_portal)
    client.get("/tin-tuc/")
    with CaptureQueriesContext(connection) as before:
        client.get("/tin-tuc/")
    with django_capture_on_commit_callbacks(execute=True), schema_context(CODE):
        for number in range(8):
            NewsArticlePageFactory(title=f"Tin thêm số {number}")
    client.get("/tin-tuc/")
    with CaptureQueriesContext(connection) as after:
        html = client.get("/tin-tuc/").content.decode()
    assert "Tin thêm số 7" in html
    assert len(after.captured_queries) == len(before.captured_queries)
