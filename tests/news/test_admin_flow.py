"""An editor publishes a news article through the admin; it renders, is listed and fed."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tests.news.factories import NewsCategoryFactory
from tests.support.admin import admin_client, publish_in_admin, rich_text, section_id, streamfield
from tests.support.portals import client_for, feed_titles

TITLE = "Tam Đường ra quân thu hái chè vụ xuân"


def test_article_created_in_the_admin_is_published_listed_and_fed(portal_a, portal_b):
    from news.models import NewsArticlePage

    economy = NewsCategoryFactory(portal=portal_a, name="Kinh tế")
    notices = NewsCategoryFactory(portal=portal_a, name="Thông báo")
    client = admin_client(portal_a)
    publish_in_admin(client, "news", "newsarticlepage", section_id(portal_a, "tin-tuc"), {
        "title": TITLE, "slug": "thu-hai-che-vu-xuan", "category": economy.pk,
        "publish_date": "20/03/2026 08:30", "featured_image": "",
        "summary": "Các hợp tác xã chè bắt đầu thu hái vụ xuân.",
        "body": streamfield([("paragraph", rich_text("<p>Giá chè búp tươi ổn định.</p>"))]),
        "source_name": "", "source_author": "", "source_date": "", "source_url": "",
    })
    with schema_context(portal_a.schema_name):
        page = NewsArticlePage.objects.get(slug="thu-hai-che-vu-xuan")
        assert page.live and page.category == economy
        url = page.url
    public = client_for(portal_a)
    assert "Giá chè búp tươi ổn định." in public.get(url).content.decode()
    assert TITLE in public.get("/tin-tuc/").content.decode()
    assert TITLE in public.get(f"/tin-tuc/?chuyen-muc={economy.slug}").content.decode()
    assert TITLE not in public.get(f"/tin-tuc/?chuyen-muc={notices.slug}").content.decode()
    assert TITLE in feed_titles(portal_a, "/tin-tuc/rss/")
    assert TITLE not in feed_titles(portal_b, "/tin-tuc/rss/")
    assert TITLE not in client_for(portal_b).get("/tin-tuc/").content.decode()
