"""Every page type (the demo portal of this package has one of each) carries the print, PDF
and share links and the Open Graph / Twitter card tags, and loads no script of another site.
"""

from __future__ import annotations

import re

import pytest
from django_tenants.utils import schema_context

from django.db import connection

from tests.caching.conftest import CODE
from tests.support.pages import SECTION_PAGE_TYPES
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

OG_PROPERTIES = ("og:title", "og:description", "og:url", "og:image", "og:locale", "og:site_name")


@pytest.fixture(scope="module")
def urls_by_type(demo_portal, django_db_blocker) -> dict[str, str]:
    from wagtail.models import Page

    urls: dict[str, str] = {}
    with django_db_blocker.unblock(), schema_context(CODE):
        pages = Page.objects.live().public().filter(depth__gte=2, locale__language_code="vi")
        for page in pages.select_related("content_type").order_by("depth", "path"):
            key = f"{page.content_type.app_label}.{page.content_type.model}"
            urls.setdefault(key, page.specific.get_url())
    connection.set_schema_to_public()
    return urls


@pytest.mark.parametrize("page_type", SECTION_PAGE_TYPES)
def test_every_page_type_has_share_links_and_open_graph_tags(page_type, urls_by_type, demo_portal):
    assert page_type in urls_by_type, f"the demo content has no {page_type}"
    url = urls_by_type[page_type]
    response = client_for(demo_portal).get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for prop in OG_PROPERTIES:
        match = re.search(rf'<meta property="{prop}" content="([^"]*)">', html)
        assert match and match.group(1).strip(), f"{page_type}: no {prop}"
    assert re.search(r'<meta name="description" content="[^"]+">', html), f"{page_type}: no description"
    assert f'content="http://{demo_portal.primary_domain}{url}"' in html  # og:url: this page
    assert '<meta name="twitter:card"' in html
    for share in ("facebook.com/sharer/sharer.php", "sp.zalo.me/share_inline", "mailto:?subject=",
                  "data-copy-link=", "data-print", "/tai-pdf/"):
        assert share in html, f"{page_type}: no {share}"
    for src in re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html):
        assert src.startswith("/static/"), f"{page_type}: third-party script {src}"


def test_the_disclosure_list_of_the_demo_links_to_pages_that_answer(urls_by_type, demo_portal):
    client = client_for(demo_portal)
    html = client.get(urls_by_type["disclosure.disclosurelistpage"]).content.decode()
    table = html.split('class="data-table disclosure-table"', 1)[1].split("</table>", 1)[0]
    links = set(re.findall(r'<a href="(/[^"]*)"', table))
    assert len(links) >= 10
    for link in links:
        assert client.get(link).status_code == 200, link
    assert "Thông báo tuyển dụng công chức, viên chức" in table  # the demo's own rows
