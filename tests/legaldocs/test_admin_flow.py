"""Gazette issues and legal documents created in the admin are published and listed."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tests.legaldocs.factories import IssuingAuthorityFactory, LegalDocumentPageFactory
from tests.support.admin import admin_client, inline_formset, publish_in_admin, rich_text, section_id
from tests.support.portals import client_for, feed_titles


def test_gazette_issue_created_in_the_admin_lists_its_documents(province):
    from legaldocs.models import GazetteIssuePage

    document = LegalDocumentPageFactory(
        portal=province, number="45/2023/NQ-HĐND", summary="Hỗ trợ phát triển vùng chè tập trung"
    )
    client = admin_client(province)
    publish_in_admin(client, "legaldocs", "gazetteissuepage", section_id(province, "cong-bao"), {
        "title": "Công báo số 05 năm 2024", "slug": "so-05-2024", "number": "05/2024",
        "issue_date": "29/03/2024", "file": "",
        "entries": inline_formset([
            {"document": document.pk, "title": "", "summary": ""},
            {"document": "", "title": "Quyết định số 28/2024/QĐ-UBND",
             "summary": "Phân cấp quản lý an toàn thực phẩm."},
        ]),
    })
    with schema_context(province.schema_name):
        issue = GazetteIssuePage.objects.get(slug="so-05-2024")
        assert issue.live and issue.entries.count() == 2
        url = issue.url
    public = client_for(province)
    html = public.get(url).content.decode()
    assert "45/2023/NQ-HĐND" in html and "Hỗ trợ phát triển vùng chè tập trung" in html
    assert "Phân cấp quản lý an toàn thực phẩm." in html
    assert "Công báo số 05/2024" in public.get("/cong-bao/").content.decode()


def test_document_created_in_the_admin_is_listed_filtered_and_fed(portal_a, portal_b):
    authority = IssuingAuthorityFactory(portal=portal_a)
    client = admin_client(portal_a)
    publish_in_admin(client, "legaldocs", "legaldocumentpage", section_id(portal_a, "van-ban"), {
        "title": "Chỉ thị về phòng, chống sạt lở đất mùa mưa bão", "slug": "03-ct-ubnd",
        "doc_type": "chi-thi", "number": "03/CT-UBND", "issuer": authority.pk,
        "legal_field": "", "summary": "Chủ động phòng, chống sạt lở đất, lũ quét.",
        "issue_date": "02/06/2025", "effective_date": "02/06/2025", "expiry_date": "",
        "status": "con-hieu-luc", "signer": "", "signer_title": "", "body": rich_text(""),
        "attachments": inline_formset([]), "relations": inline_formset([]),
        "comment_start": "", "comment_end": "",
    })
    public = client_for(portal_a)
    assert "03/CT-UBND" in public.get("/van-ban/").content.decode()
    assert "03/CT-UBND" in public.get("/van-ban/?loai=chi-thi").content.decode()
    assert "03/CT-UBND" not in public.get("/van-ban/?loai=quyet-dinh").content.decode()
    titles = feed_titles(portal_a, "/van-ban/rss/")
    assert any("03/CT-UBND" in title for title in titles)
    assert not any("03/CT-UBND" in title for title in feed_titles(portal_b, "/van-ban/rss/"))
