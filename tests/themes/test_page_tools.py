"""Print, PDF and share on a page: “Tải PDF” renders the page on the server (a real PDF whose
text holds the Vietnamese title), only for live public pages, kept per revision; the share
links and Open Graph tags point at the page and load no script of another site."""

from __future__ import annotations

import io
import re

import pytest
from django_tenants.utils import schema_context

from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.news.factories import NewsArticlePageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

TITLE = "Quyết định về việc ban hành Quy chế quản lý đường bộ tỉnh Lai Châu"


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_a_legal_document_downloads_as_a_pdf_with_its_vietnamese_title(portal_a):
    page = LegalDocumentPageFactory(portal=portal_a, number="15/2026/QĐ-UBND", title=TITLE)
    with schema_context(portal_a.schema_name):
        path = page.url
    client = client_for(portal_a)
    html = client.get(path).content.decode()
    assert f'href="/tai-pdf/{page.pk}/"' in html

    response = client.get(f"/tai-pdf/{page.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    disposition = response["Content-Disposition"]
    assert 'filename="quyet-dinh-ve-viec-ban-hanh-quy-che-quan-ly-duong-bo-tinh-lai-chau.pdf"' in disposition
    assert "filename*=UTF-8''Quy%E1%BA%BFt%20%C4%91%E1%BB%8Bnh" in disposition
    text = pdf_text(response.content)
    assert TITLE in text
    assert "15/2026/QĐ-UBND" in text
    assert "sở a" in text.lower()  # the portal's name heads the printed page
    assert f"http://{portal_a.primary_domain}{path}" in text.replace(" ", "")  # its address

    # Kept for the revision: the same bytes without rendering again.
    from django.core.cache import cache

    from themes.pdf import cache_key

    with schema_context(portal_a.schema_name):
        page.refresh_from_db()
        assert cache.get(cache_key(page)) == response.content


def test_a_kept_pdf_is_served_without_loading_the_layout(portal_a, monkeypatch):
    """A worker serving a kept PDF does not load WeasyPrint (half a second): only laying one
    out does."""
    import sys

    page = LegalDocumentPageFactory(portal=portal_a, title=TITLE)
    client = client_for(portal_a)
    laid_out = client.get(f"/tai-pdf/{page.pk}/").content
    monkeypatch.setitem(sys.modules, "themes.pdf_layout", None)  # importing it now fails
    kept = client.get(f"/tai-pdf/{page.pk}/")
    assert kept.status_code == 200 and kept.content == laid_out
    with schema_context(portal_a.schema_name):
        page.save_revision().publish()  # a new revision: laid out again
    with pytest.raises(ImportError):
        client.get(f"/tai-pdf/{page.pk}/")


def test_no_pdf_of_a_draft_a_restricted_page_or_another_portals_page(portal_a, portal_b):
    from wagtail.models import PageViewRestriction

    draft = NewsArticlePageFactory(portal=portal_a, live=False)
    secret = NewsArticlePageFactory(portal=portal_a, title="Tin nội bộ")
    with schema_context(portal_a.schema_name):
        PageViewRestriction.objects.create(
            page=secret, restriction_type=PageViewRestriction.PASSWORD, password="matkhau123"
        )
    other = NewsArticlePageFactory(portal=portal_b)
    client = client_for(portal_a)
    for page in (draft, secret):
        assert client.get(f"/tai-pdf/{page.pk}/").status_code == 404
    # Page ids are per schema: another portal's page id names nothing public here, or a
    # page of this portal; never the other portal's page.
    response = client.get(f"/tai-pdf/{other.pk}/")
    assert response.status_code == 404 or other.title.encode() not in response.content


def test_share_links_and_open_graph_tags_of_a_news_article(portal_a):
    article = NewsArticlePageFactory(
        portal=portal_a, title="Khai mạc Hội chợ nông sản Lai Châu", summary="Hơn 200 gian hàng.",
    )
    with schema_context(portal_a.schema_name):
        path = article.url
    html = client_for(portal_a).get(path).content.decode()
    url = f"http://{portal_a.primary_domain}{path}"
    assert '<meta property="og:title" content="Khai mạc Hội chợ nông sản Lai Châu">' in html
    assert '<meta property="og:description" content="Hơn 200 gian hàng.">' in html
    assert '<meta name="description" content="Hơn 200 gian hàng.">' in html
    assert f'<meta property="og:url" content="{url}">' in html
    assert '<meta property="og:locale" content="vi_VN">' in html
    assert '<meta property="og:site_name" content="Sở A">' in html
    image = f"http://{portal_a.primary_domain}/anh-chia-se/{article.pk}/"
    assert f'<meta property="og:image" content="{image}">' in html
    assert '<meta name="twitter:card"' in html
    assert "https://www.facebook.com/sharer/sharer.php?u=" in html
    assert "https://sp.zalo.me/share_inline?d=" in html
    assert "mailto:?subject=" in html
    assert f'data-copy-link="{url}"' in html
    assert "Tải PDF" in html
    # No script but the portal's own.
    for src in re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html):
        assert src.startswith("/static/"), src
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline script"


def test_the_card_image_is_the_portal_emblem_without_a_page_image(portal_a):
    article = NewsArticlePageFactory(portal=portal_a, featured_image=None)
    response = client_for(portal_a).get(f"/anh-chia-se/{article.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith("emblem.svg") or "/media/" in response["Location"]
