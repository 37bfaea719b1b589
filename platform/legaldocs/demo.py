"""Demo legal documents and a gazette issue for one portal (run inside the portal's schema)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from core.text import unaccent

from .models import (
    DocumentType,
    GazetteEntry,
    GazetteIndexPage,
    GazetteIssuePage,
    IssuingAuthority,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    LegalField,
    RelationKind,
    ValidityStatus,
)

# A one-page PDF, enough for a download link with a real size and format.
_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _attach(page: LegalDocumentPage, filename: str) -> None:
    document = get_document_model()(title=page.number or page.title)
    document.file.save(filename, ContentFile(_PDF), save=False)
    document.save()
    LegalDocumentAttachment.objects.create(page=page, document=document, label="Toàn văn")


def load_demo_content(portal) -> None:
    index = LegalDocumentIndexPage.objects.filter(depth=3).first()
    if index is None or LegalDocumentPage.objects.child_of(index).exists():
        return
    province_ubnd, _c = IssuingAuthority.objects.get_or_create(
        name="Ủy ban nhân dân tỉnh Lai Châu", defaults={"short_name": "UBND tỉnh", "sort_order": 1}
    )
    government, _c = IssuingAuthority.objects.get_or_create(
        name="Chính phủ", defaults={"short_name": "CP", "sort_order": 0}
    )
    digital, _c = LegalField.objects.get_or_create(name="Thông tin và truyền thông")
    admin_reform, _c = LegalField.objects.get_or_create(name="Cải cách hành chính")
    economy, _c = LegalField.objects.get_or_create(name="Kế hoạch và đầu tư")

    specs = [
        dict(
            title="Quyết định ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Lai Châu",
            doc_type=DocumentType.QUYET_DINH, number="43/2020/QĐ-UBND", issuer=province_ubnd,
            legal_field=digital, issue_date=date(2020, 10, 15), effective_date=date(2020, 10, 26),
            status=ValidityStatus.PARTLY_EXPIRED, signer="Tống Thanh Hải",
            signer_title="Phó Chủ tịch UBND tỉnh",
            summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Lai Châu.",
        ),
        dict(
            title="Nghị định quy định về cung cấp thông tin và dịch vụ công trực tuyến",
            doc_type=DocumentType.NGHI_DINH, number="42/2022/NĐ-CP", issuer=government,
            legal_field=digital, issue_date=date(2022, 6, 24), effective_date=date(2022, 8, 1),
            status=ValidityStatus.IN_FORCE, signer="Lê Minh Khái", signer_title="Phó Thủ tướng",
            summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan "
            "nhà nước trên môi trường mạng.",
        ),
        dict(
            title="Quyết định sửa đổi, bổ sung Quy chế hoạt động của Cổng thông tin điện tử tỉnh",
            doc_type=DocumentType.QUYET_DINH, number="12/2024/QĐ-UBND", issuer=province_ubnd,
            legal_field=digital, issue_date=date(2024, 3, 18), effective_date=date(2024, 4, 1),
            status=ValidityStatus.IN_FORCE, signer="Hà Trọng Hải",
            signer_title="Phó Chủ tịch UBND tỉnh",
            summary="Sửa đổi, bổ sung một số điều của Quy chế ban hành kèm theo Quyết định số "
            "43/2020/QĐ-UBND.",
        ),
        dict(
            title="Chỉ thị về đẩy mạnh cải cách hành chính, chuyển đổi số năm 2025",
            doc_type=DocumentType.CHI_THI, number="05/CT-UBND", issuer=province_ubnd,
            legal_field=admin_reform, issue_date=date(2025, 2, 10),
            effective_date=date(2025, 2, 10), status=ValidityStatus.IN_FORCE,
            signer="Lê Văn Lương", signer_title="Chủ tịch UBND tỉnh",
            summary="Đẩy mạnh cải cách thủ tục hành chính, nâng cao chất lượng cung cấp dịch vụ "
            "công trực tuyến toàn trình.",
        ),
        dict(
            title="Kế hoạch thu hút đầu tư năm 2026",
            doc_type=DocumentType.KE_HOACH, number="156/KH-UBND", issuer=province_ubnd,
            legal_field=economy, issue_date=date(2026, 1, 20), effective_date=date(2026, 1, 20),
            status=ValidityStatus.IN_FORCE, signer="Lê Văn Lương",
            signer_title="Chủ tịch UBND tỉnh",
            summary="Kế hoạch xúc tiến, thu hút đầu tư vào tỉnh Lai Châu năm 2026.",
        ),
    ]
    if portal.kind != "province":
        unit, _c = IssuingAuthority.objects.get_or_create(
            name=portal.name, defaults={"sort_order": 2}
        )
        abbr = unaccent(portal.code).upper()
        specs.append(
            dict(
                title=f"Kế hoạch chuyển đổi số năm 2026 của {portal.name}",
                doc_type=DocumentType.KE_HOACH, number=f"18/KH-{abbr}", issuer=unit,
                legal_field=digital, issue_date=date(2026, 1, 8), effective_date=date(2026, 1, 8),
                status=ValidityStatus.IN_FORCE, signer="Nguyễn Văn Thủ trưởng",
                signer_title="Thủ trưởng đơn vị",
                summary=f"Triển khai nhiệm vụ chuyển đổi số năm 2026 tại {portal.name}.",
            )
        )
    today = timezone.localdate()
    specs.append(
        dict(
            title="Dự thảo Quyết định quy định quản lý, vận hành Cổng thông tin điện tử",
            doc_type=DocumentType.QUYET_DINH, number="", issuer=province_ubnd, legal_field=digital,
            status=ValidityStatus.NOT_YET, is_draft=True, comment_start=today - timedelta(days=3),
            comment_end=today + timedelta(days=27),
            summary="Dự thảo thay thế Quyết định số 43/2020/QĐ-UBND, lấy ý kiến góp ý rộng rãi.",
        )
    )
    created: dict[str, LegalDocumentPage] = {}
    for spec in specs:
        page = index.add_child(
            instance=LegalDocumentPage(live=True, first_published_at=timezone.now(), **spec)
        )
        created[page.number or "draft"] = page
        _attach(page, f"{unaccent(page.number or 'du-thao').replace('/', '-')}.pdf")
    LegalDocumentRelation.objects.create(
        page=created["12/2024/QĐ-UBND"], target=created["43/2020/QĐ-UBND"], kind=RelationKind.AMENDS
    )

    gazette = GazetteIndexPage.objects.filter(depth=3).first()
    if gazette is not None and not GazetteIssuePage.objects.child_of(gazette).exists():
        issue = gazette.add_child(
            instance=GazetteIssuePage(
                title="Công báo tỉnh Lai Châu số 05 năm 2024", number="05/2024",
                issue_date=date(2024, 3, 29), live=True,
            )
        )
        GazetteEntry.objects.create(page=issue, document=created["12/2024/QĐ-UBND"], sort_order=0)
        GazetteEntry.objects.create(
            page=issue, sort_order=1,
            title="Nghị quyết số 08/2024/NQ-HĐND ngày 20/3/2024 của HĐND tỉnh",
            summary="Quy định mức chi hỗ trợ công tác chuyển đổi số trên địa bàn tỉnh.",
        )
