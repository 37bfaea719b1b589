"""Every portal is born with the mandated sections, in navigation order."""

from __future__ import annotations

import pytest

from tests.support.portals import client_for

SECTIONS_EVERYWHERE = ["/tin-tuc/", "/chi-dao-dieu-hanh/", "/pho-bien-phap-luat/", "/van-ban/"]


@pytest.mark.parametrize("path", SECTIONS_EVERYWHERE)
def test_member_and_province_portals_have_the_sections(province, portal_a, portal_b, path):
    for portal in (province, portal_a, portal_b):
        assert client_for(portal).get(path).status_code == 200, (portal.code, path)


def test_gazette_is_on_the_province_portal_only(province, portal_a, portal_b):
    assert client_for(province).get("/cong-bao/").status_code == 200
    assert client_for(portal_a).get("/cong-bao/").status_code == 404
    assert client_for(portal_b).get("/cong-bao/").status_code == 404


def test_main_navigation_lists_the_sections_in_tree_order(province):
    html = client_for(province).get("/").content.decode()
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    order = ["/tin-tuc/", "/chi-dao-dieu-hanh/", "/pho-bien-phap-luat/", "/van-ban/", "/cong-bao/"]
    positions = [nav.index(f'href="{path}"') for path in order]
    assert positions == sorted(positions)
    assert "Tin tức – Sự kiện" in nav


def test_section_page_has_landmarks_breadcrumbs_and_current_item(portal_a):
    html = client_for(portal_a).get("/van-ban/").content.decode()
    assert '<html lang="vi">' in html
    assert 'href="#noi-dung"' in html and '<main id="noi-dung"' in html
    assert 'role="banner"' in html and 'role="contentinfo"' in html
    assert 'href="/van-ban/" aria-current="page"' in html
    crumbs = html.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert 'href="/"' in crumbs and "Trang chủ" in crumbs


def test_home_page_keeps_its_title_and_shows_latest_news_and_documents(portal_a):
    from tests.legaldocs.factories import LegalDocumentPageFactory
    from tests.news.factories import NewsArticlePageFactory

    NewsArticlePageFactory(portal=portal_a, title="Hội nghị tổng kết công tác năm")
    LegalDocumentPageFactory(portal=portal_a, number="77/2025/QĐ-UBND", summary="Quy định về quản lý chợ")
    html = client_for(portal_a).get("/").content.decode()
    assert f"<h1>{portal_a.name}</h1>" in html
    assert "Hội nghị tổng kết công tác năm" in html
    assert "77/2025/QĐ-UBND" in html
    assert 'action="/tim-kiem/"' in html
