"""The admin forms of every content type open, and images render with alt text."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from tests.news.factories import NewsArticlePageFactory
from tests.support.factories import ImageFactory
from tests.support.portals import client_for

PAGE_TYPES = [
    ("tin-tuc", "news", "newsarticlepage"),
    ("van-ban", "legaldocs", "legaldocumentpage"),
    ("cong-bao", "legaldocs", "gazetteissuepage"),
    ("chi-dao-dieu-hanh", "direction", "directivepage"),
    ("chi-dao-dieu-hanh", "direction", "petitionresponsepage"),
    ("chi-dao-dieu-hanh", "direction", "enterprisesanctionpage"),
    ("pho-bien-phap-luat", "direction", "lawdisseminationpage"),
]
SNIPPETS = [
    "news/newscategory", "legaldocs/issuingauthority", "legaldocs/legalfield",
    "direction/scheduleentry",
]


@pytest.fixture
def admin_client(province, make_local_user):
    user = make_local_user(province, "quantri.noidung", is_superuser=True, is_staff=True)
    with schema_context(province.schema_name):
        client = client_for(province)
        client.force_login(user)
    return client


def test_every_page_type_can_be_added_in_the_admin(province, admin_client):
    from wagtail.models import Page

    for slug, app, model in PAGE_TYPES:
        with schema_context(province.schema_name):
            parent = Page.objects.get(depth=3, slug=slug)
        response = admin_client.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/")
        assert response.status_code == 200, (app, model)


def test_snippet_admin_pages_open(admin_client):
    for snippet in SNIPPETS:
        assert admin_client.get(f"/admin/snippets/{snippet}/").status_code == 200, snippet
        assert admin_client.get(f"/admin/snippets/{snippet}/add/").status_code == 200, snippet


def test_images_render_with_alt_text(portal_a):
    with schema_context(portal_a.schema_name):
        image = ImageFactory(
            title="Ảnh hội nghị", description="Toàn cảnh hội nghị",
            file__width=40, file__height=30, file__filename="hoi-nghi.png",
        )
        article = NewsArticlePageFactory(
            title="Hội nghị có ảnh", featured_image=image,
            body=[("image", {"image": image, "caption": "Quang cảnh", "alt": "Đại biểu dự họp"})],
        )
        url = article.url
    html = client_for(portal_a).get(url).content.decode()
    assert 'alt="Toàn cảnh hội nghị"' in html
    assert 'alt="Đại biểu dự họp"' in html and "Quang cảnh" in html
