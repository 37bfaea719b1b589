"""Editors create documents through the real Wagtail admin."""

from __future__ import annotations

from django_tenants.utils import schema_context

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from tests.legaldocs.factories import IssuingAuthorityFactory, LegalFieldFactory
from tests.support.admin import section_id
from tests.support.factories import DocumentFactory
from tests.support.portals import client_for


def test_superuser_creates_a_legal_document_in_the_admin(portal_a, make_local_user):
    from legaldocs.models import LegalDocumentPage

    user = make_local_user(portal_a, "bientap.admin", is_superuser=True, is_staff=True)
    authority, field = IssuingAuthorityFactory(portal=portal_a), LegalFieldFactory(portal=portal_a)
    file = DocumentFactory(
        portal=portal_a, title="Toàn văn", file__data=b"%PDF-1.4\nabc", file__filename="toan-van.pdf"
    )
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user)
    add_url = f"/admin/pages/add/legaldocs/legaldocumentpage/{section_id(portal_a, 'van-ban')}/"
    assert client.get(add_url).status_code == 200
    data = nested_form_data({
        "title": "Quyết định ban hành Quy chế phối hợp",
        "slug": "quyet-dinh-quy-che-phoi-hop",
        "doc_type": "quyet-dinh",
        "number": "21/2025/QĐ-UBND",
        "issuer": authority.pk,
        "legal_field": field.pk,
        "summary": "Ban hành Quy chế phối hợp cung cấp thông tin",
        "issue_date": "05/03/2025",
        "effective_date": "15/03/2025",
        "expiry_date": "",
        "status": "con-hieu-luc",
        "signer": "Lê Văn Ký",
        "signer_title": "Chủ tịch",
        "body": rich_text(""),
        "attachments": inline_formset([{"document": file.pk, "label": "Toàn văn"}]),
        "relations": inline_formset([]),
        "comment_start": "",
        "comment_end": "",
        "action-publish": "publish",
    })
    response = client.post(add_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(portal_a.schema_name):
        page = LegalDocumentPage.objects.get(number="21/2025/QĐ-UBND")
        assert page.live
        assert page.issue_date.isoformat() == "2025-03-05"
        assert page.attachments.get().document_id == file.pk
        url = page.url
    html = client_for(portal_a).get(url).content.decode()
    assert "21/2025/QĐ-UBND" in html and "05/03/2025" in html


def test_admin_refuses_a_malformed_number_in_vietnamese(portal_a, make_local_user):
    user = make_local_user(portal_a, "bientap.sai", is_superuser=True, is_staff=True)
    authority = IssuingAuthorityFactory(portal=portal_a)
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user)
    data = nested_form_data({
        "title": "Văn bản sai số", "slug": "van-ban-sai-so", "doc_type": "quyet-dinh",
        "number": "số 21 năm 2025", "issuer": authority.pk, "summary": "Sai",
        "issue_date": "05/03/2025", "status": "con-hieu-luc", "body": rich_text(""),
        "attachments": inline_formset([]), "relations": inline_formset([]),
        "action-publish": "publish",
    })
    response = client.post(
        f"/admin/pages/add/legaldocs/legaldocumentpage/{section_id(portal_a, 'van-ban')}/", data
    )
    assert response.status_code == 200
    assert "Số ký hiệu không hợp lệ" in response.content.decode()
