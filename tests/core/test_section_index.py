"""core.listing.SectionIndexPage: filters, pagination by `?trang=` and the RSS feed, the same
on every section that lists items."""

from __future__ import annotations

import datetime
import re

import pytest
from django_tenants.utils import schema_context

from django.apps import apps

from tests.news.factories import NewsArticlePageFactory, NewsCategoryFactory
from tests.planning.factories import PlanningItemPageFactory
from tests.support.portals import client_for, feed_titles

LISTING_SECTIONS = {
    "news.NewsIndexPage": "/tin-tuc/",
    "legaldocs.LegalDocumentIndexPage": "/van-ban/",
    "legaldocs.GazetteIndexPage": "/cong-bao/",
    "direction.DirectionIndexPage": "/chi-dao-dieu-hanh/",
    "direction.LawDisseminationIndexPage": "/pho-bien-phap-luat/",
    "planning.PlanningIndexPage": "/quy-hoach-ke-hoach/",
    "projects.ProjectIndexPage": "/du-an-dau-thau/",
    "science.ScienceIndexPage": "/khoa-hoc-cong-nghe/",
    "portal_statistics.StatisticsIndexPage": "/thong-ke/",
    "budget.BudgetIndexPage": "/cong-khai-ngan-sach/",
    "services.PublicServiceIndexPage": "/dich-vu-cong/",
}


@pytest.mark.parametrize("model", sorted(LISTING_SECTIONS))
def test_every_listing_section_is_built_on_the_one_base(model):
    from core.listing import SectionIndexPage

    page_model = apps.get_model(model)
    assert issubclass(page_model, SectionIndexPage)
    assert page_model.max_count_per_parent == 1
    assert page_model.allowed_parent_page_models() == [apps.get_model("home.HomePage")]
    assert "intro" in {field.name for field in page_model._meta.get_fields()}


def _add_plan(number: int, kind: str):
    """“Kế hoạch số NN”, approved NN days into 2026."""
    return PlanningItemPageFactory(
        title=f"Kế hoạch số {number:02d}", kind=kind,
        approval_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
    )


def _titles(html: str) -> list[str]:
    return re.findall(r">(Kế hoạch số \d+)</a>", html)


def test_filter_pagination_and_feed_through_http(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        for number in range(1, 13):
            _add_plan(number, "quy-hoach-su-dung-dat")
        _add_plan(13, "moi-truong")
    client = client_for(portal_a)

    first = client.get("/quy-hoach-ke-hoach/?loai=quy-hoach-su-dung-dat").content.decode()
    assert _titles(first) == [f"Kế hoạch số {n:02d}" for n in range(12, 2, -1)]  # newest first
    assert 'href="?loai=quy-hoach-su-dung-dat&amp;trang=2" rel="next"' in first
    assert "Trang 1/2" in first

    second = client.get("/quy-hoach-ke-hoach/?loai=quy-hoach-su-dung-dat&trang=2").content.decode()
    assert _titles(second) == ["Kế hoạch số 02", "Kế hoạch số 01"]
    assert 'href="?loai=quy-hoach-su-dung-dat&amp;trang=1" rel="prev"' in second
    # A page number past the end shows the last page; one that is not a number, the first.
    assert _titles(client.get("/quy-hoach-ke-hoach/?trang=99").content.decode()) == [
        "Kế hoạch số 03", "Kế hoạch số 02", "Kế hoạch số 01",
    ]
    assert "Trang 1/2" in client.get("/quy-hoach-ke-hoach/?trang=abc").content.decode()
    # An unknown kind is no filter at all.
    assert len(_titles(client.get("/quy-hoach-ke-hoach/?loai=khong-co").content.decode())) == 10

    environment = client.get("/quy-hoach-ke-hoach/?loai=moi-truong").content.decode()
    assert _titles(environment) == ["Kế hoạch số 13"]
    assert 'href="/quy-hoach-ke-hoach/rss/?loai=moi-truong"' in environment  # the filtered feed

    assert feed_titles(portal_a, "/quy-hoach-ke-hoach/rss/?loai=moi-truong") == ["Kế hoạch số 13"]
    all_items = feed_titles(portal_a, "/quy-hoach-ke-hoach/rss/")
    assert all_items[0] == "Kế hoạch số 13" and len(all_items) == 13
    assert feed_titles(portal_b, "/quy-hoach-ke-hoach/rss/") == []


def test_news_category_filter_and_its_feed(portal_a):
    with schema_context(portal_a.schema_name):
        economy = NewsCategoryFactory(name="Kinh tế – Xã hội")
        NewsArticlePageFactory(title="Giá chè búp tươi ổn định", category=economy)
        NewsArticlePageFactory(title="Lịch tiếp công dân tháng Ba")
    client = client_for(portal_a)
    html = client.get("/tin-tuc/?chuyen-muc=kinh-te-xa-hoi").content.decode()
    assert "Giá chè búp tươi ổn định" in html and "Lịch tiếp công dân" not in html
    assert 'href="/tin-tuc/rss/?chuyen-muc=kinh-te-xa-hoi"' in html
    assert feed_titles(portal_a, "/tin-tuc/rss/?chuyen-muc=kinh-te-xa-hoi") == [
        "Giá chè búp tươi ổn định"
    ]
    assert client.get("/tin-tuc/?chuyen-muc=khong-co").status_code == 404
    assert client.get("/tin-tuc/rss/?chuyen-muc=khong-co").status_code == 404


def test_other_routes_of_an_index_page_keep_working(province):
    client = client_for(province)
    assert client.get("/chi-dao-dieu-hanh/lich-cong-tac/").status_code == 200
    assert client.get("/chi-dao-dieu-hanh/lich-tiep-cong-dan/").status_code == 200
    # The gazette is a listing without a feed, as before.
    assert client.get("/cong-bao/").status_code == 200
    assert client.get("/cong-bao/rss/").status_code == 404
