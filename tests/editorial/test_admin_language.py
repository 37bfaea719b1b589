"""The admin in Vietnamese: its page titles name the portal's admin, not Wagtail; page slugs
are plain ASCII."""

from __future__ import annotations

import pytest

from tests.support.admin import admin_client
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def test_admin_titles_name_the_portal_admin_not_wagtail(portal_a):
    login = client_for(portal_a).get("/admin/login/").content.decode()
    assert "Quản trị Cổng thông tin</title>" in login
    browser = admin_client(portal_a)
    for path in ("/admin/", "/admin/pages/", "/admin/images/"):
        html = browser.get(path).content.decode()
        assert "- Wagtail</title>" not in html, path
        assert "Quản trị Cổng thông tin</title>" in html, path


def test_page_slugs_are_ascii_even_when_typed_with_accents(portal_a, settings):
    from django_tenants.utils import schema_context

    from tests.news.factories import NewsArticlePageFactory

    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False  # the admin's slug field: ASCII
    page = NewsArticlePageFactory(portal=portal_a, title="Thông báo đóng điện đường dây")
    typed = NewsArticlePageFactory(portal=portal_a, title="Lịch họp", slug="lịch-họp-đột-xuất")
    with schema_context(portal_a.schema_name):
        page.refresh_from_db()
        typed.refresh_from_db()
    assert page.slug.startswith("thong-bao-dong-dien")
    assert typed.slug == "lich-hop-dot-xuat"
