"""Demo legal documents and gazette issues for one portal (run inside the portal's schema).

The province portal gets a database of some forty documents of every common form, issuer,
field, year and validity status, each with a one-page PDF; member portals get the documents
they apply plus a few of their own. Running it twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from wagtail.documents import get_document_model

from core.text import unaccent
from demo.pdf import legal_document_pdf, make_pdf
from legaldocs.models import (
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
from legaldocs.validity import update_validity

T = DocumentType
S = ValidityStatus

# key → (name, short name, sort order)
ISSUERS = {
    "qh": ("Quốc hội", "QH", 0),
    "cp": ("Chính phủ", "CP", 1),
    "ttg": ("Thủ tướng Chính phủ", "TTg", 2),
    "hdnd": ("Hội đồng nhân dân tỉnh Lai Châu", "HĐND tỉnh", 3),
    "ubnd": ("Ủy ban nhân dân tỉnh Lai Châu", "UBND tỉnh", 4),
    "ct": ("Chủ tịch Ủy ban nhân dân tỉnh Lai Châu", "Chủ tịch UBND tỉnh", 5),
}
FIELDS = {
    "tttt": "Thông tin và truyền thông",
    "cchc": "Cải cách hành chính",
    "khdt": "Kế hoạch và đầu tư",
    "dat": "Đất đai",
    "nn": "Nông nghiệp và phát triển nông thôn",
    "tc": "Tài chính – Ngân sách",
    "gd": "Giáo dục – Đào tạo",
    "yt": "Y tế",
    "gt": "Giao thông vận tải",
    "dl": "Văn hóa, thể thao và du lịch",
    "mt": "Tài nguyên và môi trường",
    "ct": "Công thương",
    "ld": "Lao động, người có công và xã hội",
    "xd": "Xây dựng",
}
# key → (signer, title)
SIGNERS = {
    "ct": ("Lê Văn Lương", "Chủ tịch UBND tỉnh"),
    "pct1": ("Hà Trọng Hải", "Phó Chủ tịch UBND tỉnh"),
    "pct2": ("Tống Thanh Hải", "Phó Chủ tịch UBND tỉnh"),
    "pct3": ("Giàng A Tính", "Phó Chủ tịch UBND tỉnh"),
    "hdnd": ("Vũ Văn Hoàn", "Chủ tịch HĐND tỉnh"),
    "cp": ("Lê Minh Khái", "Phó Thủ tướng"),
    "ttg": ("Phạm Minh Chính", "Thủ tướng Chính phủ"),
    "qh": ("Vương Đình Huệ", "Chủ tịch Quốc hội"),
}


@dataclass
class Doc:
    doc_type: str
    number: str
    issuer: str
    field: str
    issued: date
    summary: str
    signer: str = "ct"
    effective: date | None = None  # the issue date when None
    status: str = S.IN_FORCE
    expiry: date | None = None
    gazette: int | None = None  # the demo gazette issue carrying it
    relations: list[tuple[str, str]] = field(default_factory=list)  # (kind, target number)


# Documents every portal has: the province's rules about the portals themselves, and the
# province's directives every agency applies. The direction demo links to 05/CT-UBND and
# 42/2022/NĐ-CP.
COMMON = [
    Doc(T.QUYET_DINH, "43/2020/QĐ-UBND", "ubnd", "tttt", date(2020, 10, 15),
        "Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh Lai Châu.",
        signer="pct2", effective=date(2020, 10, 26), status=S.PARTLY_EXPIRED),
    Doc(T.NGHI_DINH, "42/2022/NĐ-CP", "cp", "tttt", date(2022, 6, 24),
        "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước "
        "trên môi trường mạng.", signer="cp", effective=date(2022, 8, 1)),
    Doc(T.QUYET_DINH, "12/2024/QĐ-UBND", "ubnd", "tttt", date(2024, 3, 18),
        "Sửa đổi, bổ sung một số điều của Quy chế hoạt động của Cổng thông tin điện tử tỉnh "
        "ban hành kèm theo Quyết định số 43/2020/QĐ-UBND.",
        signer="pct1", effective=date(2024, 4, 1), gazette=1,
        relations=[(RelationKind.AMENDS, "43/2020/QĐ-UBND")]),
    Doc(T.CHI_THI, "05/CT-UBND", "ubnd", "cchc", date(2025, 2, 10),
        "Về đẩy mạnh cải cách hành chính, chuyển đổi số và cung cấp dịch vụ công trực tuyến "
        "toàn trình năm 2025."),
    Doc(T.KE_HOACH, "156/KH-UBND", "ubnd", "khdt", date(2026, 1, 20),
        "Kế hoạch xúc tiến, thu hút đầu tư vào tỉnh Lai Châu năm 2026."),
]

# The rest of the province's database.
PROVINCE = [
    Doc(T.LUAT, "72/2020/QH14", "qh", "mt", date(2020, 11, 17),
        "Luật Bảo vệ môi trường.", signer="qh", effective=date(2022, 1, 1)),
    Doc(T.LUAT, "31/2024/QH15", "qh", "dat", date(2024, 1, 18),
        "Luật Đất đai.", signer="qh", effective=date(2024, 8, 1)),
    Doc(T.NGHI_DINH, "102/2024/NĐ-CP", "cp", "dat", date(2024, 7, 30),
        "Quy định chi tiết thi hành một số điều của Luật Đất đai.", signer="cp",
        effective=date(2024, 8, 1)),
    Doc(T.QUYET_DINH, "1006/QĐ-TTg", "ttg", "khdt", date(2023, 9, 16),
        "Phê duyệt Quy hoạch tỉnh Lai Châu thời kỳ 2021–2030, tầm nhìn đến năm 2050.",
        signer="ttg"),
    Doc(T.NGHI_QUYET, "45/2023/NQ-HĐND", "hdnd", "nn", date(2023, 12, 8),
        "Quy định chính sách hỗ trợ phát triển vùng chè tập trung trên địa bàn tỉnh Lai Châu "
        "giai đoạn 2024–2030.", signer="hdnd", effective=date(2024, 1, 1), gazette=1),
    Doc(T.NGHI_QUYET, "08/2024/NQ-HĐND", "hdnd", "tttt", date(2024, 3, 20),
        "Quy định mức chi hỗ trợ công tác chuyển đổi số trên địa bàn tỉnh Lai Châu.",
        signer="hdnd", effective=date(2024, 4, 1), gazette=1),
    Doc(T.NGHI_QUYET, "20/2024/NQ-HĐND", "hdnd", "nn", date(2024, 7, 12),
        "Quy định chính sách hỗ trợ phát triển cây mắc ca và cây quế trên địa bàn tỉnh giai "
        "đoạn 2024–2030.", signer="hdnd", effective=date(2024, 8, 1), gazette=2),
    Doc(T.NGHI_QUYET, "31/2024/NQ-HĐND", "hdnd", "tc", date(2024, 12, 10),
        "Phê chuẩn dự toán thu, chi ngân sách địa phương và phân bổ ngân sách cấp tỉnh năm "
        "2025.", signer="hdnd", effective=date(2025, 1, 1), gazette=3),
    Doc(T.NGHI_QUYET, "12/2025/NQ-HĐND", "hdnd", "gd", date(2025, 7, 10),
        "Quy định mức hỗ trợ tiền ăn trưa cho trẻ em mẫu giáo và học sinh bán trú tại các xã "
        "đặc biệt khó khăn.", signer="hdnd", effective=date(2025, 9, 1)),
    Doc(T.QUYET_DINH, "35/2019/QĐ-UBND", "ubnd", "gt", date(2019, 9, 25),
        "Ban hành Quy định quản lý, bảo trì hệ thống đường giao thông nông thôn trên địa bàn "
        "tỉnh Lai Châu.", signer="pct2", status=S.EXPIRED, expiry=date(2025, 5, 1)),
    Doc(T.QUYET_DINH, "18/2025/QĐ-UBND", "ubnd", "gt", date(2025, 4, 18),
        "Ban hành Quy định quản lý, vận hành, bảo trì đường giao thông nông thôn, đường liên "
        "bản trên địa bàn tỉnh Lai Châu.", signer="pct3", effective=date(2025, 5, 1),
        relations=[(RelationKind.REPLACES, "35/2019/QĐ-UBND")]),
    Doc(T.QUYET_DINH, "21/2023/QĐ-UBND", "ubnd", "dat", date(2023, 6, 2),
        "Ban hành Bảng giá đất điều chỉnh trên địa bàn tỉnh Lai Châu giai đoạn 2020–2024.",
        signer="pct1", status=S.EXPIRED, effective=date(2023, 6, 15), expiry=date(2024, 12, 31)),
    Doc(T.QUYET_DINH, "47/2024/QĐ-UBND", "ubnd", "dat", date(2024, 10, 4),
        "Quy định hạn mức giao đất ở, công nhận quyền sử dụng đất ở và diện tích tối thiểu "
        "được tách thửa trên địa bàn tỉnh Lai Châu.", signer="pct1",
        effective=date(2024, 10, 15), gazette=3,
        relations=[(RelationKind.GUIDES, "31/2024/QH15")]),
    Doc(T.QUYET_DINH, "52/2024/QĐ-UBND", "ubnd", "dat", date(2024, 12, 20),
        "Ban hành Bảng giá đất trên địa bàn tỉnh Lai Châu áp dụng từ ngày 01/01/2025.",
        signer="pct1", effective=date(2025, 1, 1), status=S.PARTLY_EXPIRED, gazette=3,
        relations=[(RelationKind.REPLACES, "21/2023/QĐ-UBND")]),
    Doc(T.QUYET_DINH, "09/2024/QĐ-UBND", "ubnd", "dl", date(2024, 2, 28),
        "Ban hành Quy chế quản lý hoạt động du lịch cộng đồng tại các bản văn hóa trên địa bàn "
        "tỉnh (Sìn Hồ, Tam Đường, Phong Thổ).", signer="pct3", effective=date(2024, 3, 10),
        gazette=1),
    Doc(T.QUYET_DINH, "27/2024/QĐ-UBND", "ubnd", "ct", date(2024, 6, 14),
        "Quy định về quản lý an toàn đập, hồ chứa thủy điện trên địa bàn tỉnh Lai Châu.",
        signer="pct2", effective=date(2024, 6, 25), gazette=2),
    Doc(T.QUYET_DINH, "30/2024/QĐ-UBND", "ubnd", "mt", date(2024, 7, 22),
        "Quy định thu gom, vận chuyển và xử lý chất thải rắn sinh hoạt trên địa bàn tỉnh Lai "
        "Châu.", signer="pct2", effective=date(2024, 8, 5), gazette=2),
    Doc(T.QUYET_DINH, "04/2026/QĐ-UBND", "ubnd", "yt", date(2026, 2, 5),
        "Quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo "
        "hiểm y tế tại các cơ sở y tế công lập.", signer="pct3", effective=date(2026, 7, 1),
        status=S.NOT_YET),
    Doc(T.QUYET_DINH, "15/2025/QĐ-UBND", "ubnd", "ld", date(2025, 3, 27),
        "Quy định mức hỗ trợ đào tạo nghề cho lao động nông thôn, người dân tộc thiểu số trên "
        "địa bàn tỉnh.", signer="pct3", effective=date(2025, 4, 10)),
    Doc(T.QUYET_DINH, "1234/QĐ-UBND", "ct", "khdt", date(2025, 9, 12),
        "Phê duyệt danh mục dự án kêu gọi đầu tư vào nông nghiệp công nghệ cao, du lịch và năng "
        "lượng tái tạo giai đoạn 2025–2030.", signer="ct"),
    Doc(T.QUYET_DINH, "2156/QĐ-UBND", "ct", "xd", date(2025, 12, 15),
        "Phê duyệt đồ án điều chỉnh Quy hoạch chung đô thị Than Uyên đến năm 2040.",
        signer="pct1"),
    Doc(T.QUYET_DINH, "185/QĐ-UBND", "ct", "dat", date(2026, 2, 12),
        "Phê duyệt kế hoạch sử dụng đất năm 2026 của các huyện, thành phố.", signer="pct1"),
    Doc(T.CHI_THI, "02/CT-UBND", "ubnd", "mt", date(2024, 4, 8),
        "Về tăng cường công tác phòng cháy, chữa cháy rừng mùa khô năm 2024.", signer="ct",
        status=S.EXPIRED, expiry=date(2024, 12, 31)),
    Doc(T.CHI_THI, "03/CT-UBND", "ubnd", "mt", date(2025, 6, 2),
        "Về chủ động phòng, chống, ứng phó thiên tai, sạt lở đất, lũ quét mùa mưa bão năm "
        "2025."),
    Doc(T.CHI_THI, "01/CT-UBND", "ubnd", "gd", date(2026, 1, 6),
        "Về tăng cường công tác bảo đảm an toàn cho học sinh bán trú trong mùa rét đậm, rét "
        "hại.", signer="pct3"),
    Doc(T.KE_HOACH, "3120/KH-UBND", "ubnd", "tttt", date(2024, 9, 18),
        "Kế hoạch triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác "
        "thực điện tử (Đề án 06) năm 2024–2025.", signer="pct2"),
    Doc(T.KE_HOACH, "412/KH-UBND", "ubnd", "dl", date(2025, 2, 20),
        "Kế hoạch tổ chức Lễ hội Trà Tam Đường và Tuần Văn hóa – Du lịch Lai Châu năm 2025.",
        signer="pct3"),
    Doc(T.THONG_BAO, "98/TB-UBND", "ubnd", "nn", date(2025, 10, 30),
        "Kết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra vùng trồng sâm Lai Châu và thảo quả "
        "tại huyện Sìn Hồ, Phong Thổ.", signer="ct"),
    Doc(T.CONG_VAN, "2745/UBND-KTN", "ubnd", "nn", date(2025, 8, 19),
        "Về việc khắc phục hậu quả mưa lũ, sạt lở đất tại các xã vùng cao huyện Mường Tè, Sìn "
        "Hồ.", signer="pct1"),
    Doc(T.CONG_VAN, "318/UBND-TH", "ubnd", "cchc", date(2026, 2, 3),
        "Về việc công khai thủ tục hành chính và tiếp nhận hồ sơ trực tuyến năm 2026.",
        signer="pct2"),
    Doc(T.BAO_CAO, "420/BC-UBND", "ubnd", "khdt", date(2025, 12, 3),
        "Báo cáo tình hình kinh tế – xã hội năm 2025 và phương hướng, nhiệm vụ năm 2026.",
        signer="ct"),
    Doc(T.HUONG_DAN, "15/HD-UBND", "ubnd", "tc", date(2025, 1, 14),
        "Hướng dẫn công khai ngân sách nhà nước đối với các cấp ngân sách và đơn vị dự toán.",
        signer="pct1"),
]

# Drafts published for comments: one open now, one whose period has ended.
DRAFTS = [
    ("Dự thảo Quyết định quy định quản lý, vận hành Cổng thông tin điện tử",
     "Dự thảo thay thế Quyết định số 43/2020/QĐ-UBND, lấy ý kiến góp ý rộng rãi.", "tttt",
     -3, 27),
    ("Dự thảo Nghị quyết quy định chính sách hỗ trợ phát triển du lịch cộng đồng",
     "Dự thảo Nghị quyết của HĐND tỉnh về hỗ trợ homestay, bản du lịch cộng đồng giai đoạn "
     "2026–2030.", "dl", -60, -30),
]

GAZETTE_ISSUES = [
    (1, "05/2024", date(2024, 3, 29)),
    (2, "14/2024", date(2024, 8, 9)),
    (3, "01/2025", date(2025, 1, 6)),
]
# Documents carried in a gazette issue that are not in this demo database.
GAZETTE_EXTRA = {
    2: [("Quyết định số 28/2024/QĐ-UBND ngày 01/7/2024 của UBND tỉnh",
         "Quy định phân cấp quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh.")],
}


def _member_docs(portal) -> list[Doc]:
    abbr = unaccent(portal.code).upper()
    return [
        Doc(T.KE_HOACH, f"18/KH-{abbr}", "own", "tttt", date(2026, 1, 8),
            f"Kế hoạch chuyển đổi số năm 2026 của {portal.name}.", signer="own"),
        Doc(T.QUYET_DINH, f"25/QĐ-{abbr}", "own", "cchc", date(2025, 12, 22),
            f"Ban hành Quy chế làm việc của {portal.name}.", signer="own"),
        Doc(T.THONG_BAO, f"07/TB-{abbr}", "own", "cchc", date(2026, 2, 16),
            f"Thông báo lịch tiếp công dân định kỳ năm 2026 của {portal.name}.", signer="own"),
        Doc(T.BAO_CAO, f"112/BC-{abbr}", "own", "khdt", date(2025, 12, 10),
            f"Báo cáo kết quả thực hiện nhiệm vụ năm 2025 và phương hướng năm 2026 của "
            f"{portal.name}.", signer="own"),
    ]


def _slug(number: str) -> str:
    return unaccent(number).lower().replace("/", "-").replace(".", "-")


def _published_at(day: date, delay_days: int) -> datetime:
    return timezone.make_aware(datetime.combine(day + timedelta(days=delay_days), time(9, 0)))


def _pdf_document(title: str, filename: str, content: bytes):
    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def _attach(page: LegalDocumentPage) -> None:
    slug = page.slug if not page.is_draft else f"du-thao-{page.pk}"
    document = _pdf_document(page.number or page.title, f"{slug}.pdf", legal_document_pdf(page))
    LegalDocumentAttachment.objects.create(page=page, document=document, label="Toàn văn")


def load_demo_content(portal) -> None:
    index = LegalDocumentIndexPage.objects.filter(depth=3).first()
    if index is None or LegalDocumentPage.objects.child_of(index).exists():
        return
    issuers = {
        key: IssuingAuthority.objects.get_or_create(
            name=name, defaults={"short_name": short, "sort_order": order}
        )[0]
        for key, (name, short, order) in ISSUERS.items()
    }
    fields = {key: LegalField.objects.get_or_create(name=name)[0] for key, name in FIELDS.items()}
    signers = dict(SIGNERS)
    if portal.kind == "province":
        docs = COMMON + PROVINCE
    else:
        issuers["own"] = IssuingAuthority.objects.get_or_create(
            name=portal.name, defaults={"sort_order": 10}
        )[0]
        signers["own"] = ("Nguyễn Văn Thành", "Thủ trưởng đơn vị")
        docs = COMMON + _member_docs(portal)

    created: dict[str, LegalDocumentPage] = {}
    for n, doc in enumerate(sorted(docs, key=lambda d: d.issued)):
        signer, signer_title = signers[doc.signer]
        # Published on the portal one to three days after issue (the limit is two or eight
        # working days, REQUIREMENTS.md §4).
        published = _published_at(doc.issued, 1 + n % 3)
        page = index.add_child(instance=LegalDocumentPage(
            title=doc.summary.rstrip(".")[:255], slug=_slug(doc.number), live=True,
            doc_type=doc.doc_type, number=doc.number, issuer=issuers[doc.issuer],
            legal_field=fields[doc.field], summary=doc.summary, issue_date=doc.issued,
            effective_date=doc.effective or doc.issued, expiry_date=doc.expiry,
            status=doc.status, signer=signer, signer_title=signer_title,
            first_published_at=published, last_published_at=published,
        ))
        _attach(page)
        created[doc.number] = page
    for doc in docs:
        for kind, target in doc.relations:
            if target in created:
                LegalDocumentRelation.objects.create(
                    page=created[doc.number], target=created[target], kind=kind
                )
    # The amended, replaced and repealed documents follow their relations (legaldocs.validity).
    update_validity()

    today = timezone.localdate()
    drafts = DRAFTS if portal.kind == "province" else DRAFTS[:1]
    for title, summary, field_key, start, end in drafts:
        page = index.add_child(instance=LegalDocumentPage(
            title=title, live=True, doc_type=DocumentType.QUYET_DINH, number="",
            issuer=issuers["ubnd"], legal_field=fields[field_key], summary=summary,
            status=ValidityStatus.NOT_YET, is_draft=True,
            comment_start=today + timedelta(days=start), comment_end=today + timedelta(days=end),
            first_published_at=timezone.now(), last_published_at=timezone.now(),
        ))
        _attach(page)

    _load_gazette(docs, created)


def _load_gazette(docs: list[Doc], created: dict[str, LegalDocumentPage]) -> None:
    gazette = GazetteIndexPage.objects.filter(depth=3).first()
    if gazette is None or GazetteIssuePage.objects.child_of(gazette).exists():
        return
    for key, number, issued in GAZETTE_ISSUES:
        in_issue = [created[d.number] for d in docs if d.gazette == key and d.number in created]
        title = f"Công báo tỉnh Lai Châu số {number}"
        lines = [f"{d.display_name}: {d.summary}" for d in in_issue]
        lines += [f"{t}: {s}" for t, s in GAZETTE_EXTRA.get(key, [])]
        published = _published_at(issued, 1)
        issue = gazette.add_child(instance=GazetteIssuePage(
            title=title, slug=f"so-{_slug(number)}", number=number, issue_date=issued,
            live=True, first_published_at=published, last_published_at=published,
            file=_pdf_document(
                title, f"cong-bao-{_slug(number)}.pdf",
                make_pdf(title, [f"Ngay phat hanh: {issued:%d/%m/%Y}", "", *lines]),
            ),
        ))
        for order, page in enumerate(in_issue):
            GazetteEntry.objects.create(page=issue, document=page, sort_order=order)
        for order, (title_, summary) in enumerate(GAZETTE_EXTRA.get(key, []), len(in_issue)):
            GazetteEntry.objects.create(page=issue, title=title_, summary=summary, sort_order=order)
