"""A province document applying to communes gives every commune portal an obligation, and
no department; a member fulfils it in one click or records that it does not apply."""

from __future__ import annotations

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from deadlines.models import Obligation
from deadlines.province.models import ClockRecord
from tenants.provisioning import PortalSpec
from tests.support.admin import admin_client
from tests.support.portals import create_active_portal

D = dt.date


@pytest.fixture
def second_commune(db):
    return create_active_portal(PortalSpec(code="xac", name="Xã C", kind="commune"))


def _province_document(province, applies_to_kinds=(), applies_to_portals=()):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    from legaldocs.models import (
        IssuingAuthority,
        LegalDocumentAttachment,
        LegalDocumentIndexPage,
        LegalDocumentPage,
    )

    with schema_context(province.schema_name):
        issuer, _c = IssuingAuthority.objects.get_or_create(name="UBND tỉnh Thử")
        page = LegalDocumentPage(
            title="Quy định về quản lý chợ trên địa bàn tỉnh", slug="qd-cho", doc_type="quyet-dinh",
            number="31/2026/QĐ-UBND", issuer=issuer, summary="Quy định về quản lý chợ.",
            issue_date=D(2026, 11, 26), effective_date=D(2026, 12, 10),
            applies_to_kinds=list(applies_to_kinds), applies_to_portals=list(applies_to_portals),
        )
        LegalDocumentIndexPage.objects.get(depth=3).add_child(instance=page)
        document = get_document_model()(title="Toàn văn 31/2026")
        document.file.save("qd-31-2026.pdf", ContentFile(b"%PDF-1.4 toan van"), save=False)
        document.save()
        LegalDocumentAttachment.objects.create(page=page, document=document, label="Toàn văn")
        page.save_revision().publish()
        return page


def test_a_document_for_communes_reaches_every_commune_and_no_department(
    province, portal_a, portal_b, second_commune
):
    page = _province_document(province, applies_to_kinds=["commune"])
    for commune in (portal_b, second_commune):
        with schema_context(commune.schema_name):
            obligation = Obligation.objects.get()
            assert obligation.source_page_id == page.pk and obligation.number == "31/2026/QĐ-UBND"
            # 26/11/2026 + 8 working days (24/11 is a holiday, before): 27/11, 30/11, 1–4/12, 7–8/12.
            assert obligation.due_date == D(2026, 12, 8)
        assert ClockRecord.objects.filter(portal=commune, kind="obligation").count() == 1
    with schema_context(portal_a.schema_name):
        assert not Obligation.objects.exists()
    with schema_context(province.schema_name):
        assert not Obligation.objects.exists()
    # Publishing again refreshes, never duplicates.
    with schema_context(province.schema_name):
        page.save_revision().publish()
    with schema_context(portal_b.schema_name):
        assert Obligation.objects.count() == 1


def test_chosen_portals_get_it_too(province, portal_a, portal_b):
    _province_document(province, applies_to_portals=["soa"])
    with schema_context(portal_a.schema_name):
        assert Obligation.objects.count() == 1
    with schema_context(portal_b.schema_name):
        assert not Obligation.objects.exists()


def test_one_click_creates_the_page_with_the_file_and_a_link_back(
    province, portal_b, make_local_user
):
    from legaldocs.models import LegalDocumentPage

    _province_document(province, applies_to_kinds=["commune"])
    client = admin_client(portal_b, "truongban.xab")
    dashboard = client.get("/admin/").content.decode()
    assert "31/2026/QĐ-UBND" in dashboard and "Tạo trang văn bản" in dashboard
    with schema_context(portal_b.schema_name):
        obligation = Obligation.objects.get()
    response = client.post(f"/admin/thoi-han/van-ban-tinh/{obligation.pk}/tao-trang/")
    assert response.status_code == 302
    with schema_context(portal_b.schema_name):
        obligation.refresh_from_db()
        assert obligation.status == "done" and obligation.decided_by == "truongban.xab"
        copy = LegalDocumentPage.objects.get(pk=obligation.page_id)
        assert copy.live and copy.number == "31/2026/QĐ-UBND" and copy.issuer.name == "UBND tỉnh Thử"
        assert copy.source_url.endswith("/van-ban/qd-cho/")
        attachment = copy.attachments.get()
        assert attachment.label == "Toàn văn"
        with attachment.document.file.open("rb") as handle:
            assert handle.read() == b"%PDF-1.4 toan van"
    # The obligation's clock gives way to the page's.
    assert not ClockRecord.objects.filter(portal=portal_b, kind="obligation").exists()
    record = ClockRecord.objects.get(portal=portal_b, kind="page", object_id=copy.pk)
    assert record.rule == "legal_applying" and record.due_date == D(2026, 12, 8)


def test_not_applicable_is_recorded_with_who_when_and_why(province, portal_b, make_local_user):
    _province_document(province, applies_to_kinds=["commune"])
    client = admin_client(portal_b, "pheduyet.xab")
    with schema_context(portal_b.schema_name):
        obligation = Obligation.objects.get()
    client.post(f"/admin/thoi-han/van-ban-tinh/{obligation.pk}/khong-ap-dung/", {"reason": ""})
    with schema_context(portal_b.schema_name):
        assert Obligation.objects.get().status == "open"  # a reason is required
    client.post(f"/admin/thoi-han/van-ban-tinh/{obligation.pk}/khong-ap-dung/",
                {"reason": "Xã không có chợ"})
    with schema_context(portal_b.schema_name):
        obligation.refresh_from_db()
    assert (obligation.status, obligation.reason, obligation.decided_by) == (
        "not_applicable", "Xã không có chợ", "pheduyet.xab"
    )
    assert obligation.decided_at is not None
    assert not ClockRecord.objects.filter(portal=portal_b, kind="obligation").exists()
