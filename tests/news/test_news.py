"""News: listing by category, RSS, print view, source citation."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.news.factories import NewsArticlePageFactory, NewsCategoryFactory
from tests.support.portals import client_for


@pytest.fixture
def categories(portal_a):
    return (
        NewsCategoryFactory(portal=portal_a, name="Tin hoạt động"),
        NewsCategoryFactory(portal=portal_a, name="Thông báo"),
    )


def test_category_slug_is_unaccented(categories):
    assert categories[0].slug == "tin-hoat-dong"


def test_listing_filters_by_category(portal_a, categories):
    activity, notices = categories
    NewsArticlePageFactory(portal=portal_a, title="Đoàn công tác thăm mô hình chè", category=activity)
    NewsArticlePageFactory(portal=portal_a, title="Thông báo tuyển dụng viên chức", category=notices)
    client = client_for(portal_a)
    html = client.get("/tin-tuc/").content.decode()
    assert "Đoàn công tác thăm mô hình chè" in html and "Thông báo tuyển dụng viên chức" in html
    html = client.get("/tin-tuc/?chuyen-muc=thong-bao").content.decode()
    assert "Thông báo tuyển dụng viên chức" in html
    assert "Đoàn công tác thăm mô hình chè" not in html
    assert client.get("/tin-tuc/?chuyen-muc=khong-co").status_code == 404


def test_listing_is_paginated_newest_first(portal_a):
    now = timezone.now()
    with schema_context(portal_a.schema_name):
        for i in range(12):
            NewsArticlePageFactory(title=f"Tin số {i:02d}", publish_date=now - timedelta(hours=i))
    client = client_for(portal_a)
    first = client.get("/tin-tuc/").content.decode()
    second = client.get("/tin-tuc/?trang=2").content.decode()
    assert "Tin số 00" in first and "Tin số 09" in first and "Tin số 10" not in first
    assert "Tin số 10" in second and "Tin số 11" in second and "Tin số 00" not in second
    assert first.index("Tin số 00") < first.index("Tin số 01")
    assert "trang=2" in first


def test_rss_is_valid_xml_with_the_items(portal_a, categories):
    NewsArticlePageFactory(portal=portal_a, title="Khai mạc Tuần Văn hóa – Du lịch", category=categories[0])
    NewsArticlePageFactory(portal=portal_a, title="Thông báo nghỉ Tết", category=categories[1])
    response = client_for(portal_a).get("/tin-tuc/rss/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    items = root.findall("./channel/item")
    titles = {item.findtext("title") for item in items}
    assert titles == {"Khai mạc Tuần Văn hóa – Du lịch", "Thông báo nghỉ Tết"}
    links = [item.findtext("link") for item in items]
    assert all(link.startswith("http://soa.laichau.test/tin-tuc/") for link in links)
    response = client_for(portal_a).get("/tin-tuc/rss/?chuyen-muc=thong-bao")
    filtered = ET.fromstring(response.content).findall("./channel/item")
    assert [i.findtext("title") for i in filtered] == ["Thông báo nghỉ Tết"]


def test_reused_content_needs_a_complete_citation(portal_a):
    from news.models import NewsArticlePage

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Tin lấy lại từ báo tỉnh")
        article.is_reused = True
        article.source_name = "Báo Lai Châu"
        with pytest.raises(ValidationError) as excinfo:
            article.full_clean()
        errors = excinfo.value.message_dict
        assert set(errors) == {"is_reused", "source_author", "source_date", "source_url"}
        assert "phải ghi rõ nguồn" in errors["is_reused"][0]
        article.source_author = "Hoàng Văn Tác"
        article.source_date = date(2026, 1, 2)
        article.source_url = "https://baolaichau.vn/bai-goc"
        article.full_clean()
        article.save()
        assert NewsArticlePage.objects.get(pk=article.pk).is_reused


def test_text_is_stored_nfc_and_slug_unaccented(portal_a):
    import unicodedata

    decomposed = unicodedata.normalize("NFD", "Tiếp nhận hồ sơ trực tuyến")
    article = NewsArticlePageFactory(
        portal=portal_a, title=decomposed, summary=unicodedata.normalize("NFD", "Người dân")
    )
    assert article.title == unicodedata.normalize("NFC", decomposed)
    assert article.summary == "Người dân"
    assert article.slug == "tiep-nhan-ho-so-truc-tuyen"


def test_article_page_and_print_view(portal_a):
    from wagtail.rich_text import RichText

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(
            title="Bế mạc kỳ họp thứ mười",
            body=[("paragraph", RichText("<p>Nội dung chi tiết của kỳ họp.</p>")),
                  ("quote", {"text": "Đoàn kết, đổi mới", "attribution": "Chủ tọa"})],
            is_reused=True, source_name="Báo Lai Châu", source_author="P.V.",
            source_date=date(2026, 1, 5), source_url="https://baolaichau.vn/x",
        )
        url = article.url
    client = client_for(portal_a)
    html = client.get(url).content.decode()
    assert "Nội dung chi tiết của kỳ họp." in html and "Đoàn kết, đổi mới" in html
    assert "05/01/2026" in html and "Báo Lai Châu" in html
    assert f'href="{url}in/"' in html
    for print_url in (f"{url}in/", f"{url}?in=1"):
        response = client.get(print_url)
        assert response.status_code == 200
        printed = response.content.decode()
        assert "print.css" in printed and 'class="print-view"' in printed
        assert "Nội dung chi tiết của kỳ họp." in printed
        assert 'class="main-nav"' not in printed
