"""Demo direction, schedules and law dissemination for one portal (inside its schema).

Run after legaldocs.demo: the pages here link to the demo documents when they exist.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from django.utils import timezone

from wagtail.rich_text import RichText

from direction.models import (
    DirectionIndexPage,
    DirectivePage,
    EnterpriseSanctionPage,
    LawDisseminationDocument,
    LawDisseminationIndexPage,
    LawDisseminationPage,
    PetitionResponsePage,
    ScheduleEntry,
    Week,
)
from legaldocs.models import LegalDocumentPage


def _document(number: str) -> LegalDocumentPage | None:
    return LegalDocumentPage.objects.filter(number=number).first()


def load_demo_content(portal) -> None:
    direction = DirectionIndexPage.objects.filter(depth=3).first()
    if direction is None or direction.get_children().exists():
        return
    week = Week.containing(timezone.localdate())
    work = [
        (0, time(7, 30), "Giao ban lãnh đạo đầu tuần", "Phòng họp số 1",
         "Lãnh đạo đơn vị, trưởng các phòng chuyên môn"),
        (1, time(8, 0), "Làm việc với Đoàn kiểm tra công tác cải cách hành chính", "Hội trường",
         "Lãnh đạo đơn vị, Văn phòng"),
        (2, time(14, 0), "Dự hội nghị trực tuyến về chuyển đổi số", "Điểm cầu trực tuyến của tỉnh",
         "Lãnh đạo đơn vị, Trung tâm Chuyển đổi số"),
        (3, time(8, 0), "Kiểm tra tiến độ dự án hạ tầng số tại cơ sở", "Xã Phong Thổ",
         "Lãnh đạo đơn vị, phòng Kế hoạch – Tài chính"),
        (4, time(15, 0), "Họp Ban Biên tập Cổng thông tin điện tử", "Phòng họp số 2",
         "Ban Biên tập"),
    ]
    for offset, start, content, place, participants in work:
        ScheduleEntry.objects.create(
            kind=ScheduleEntry.Kind.WORK, date=week.monday + timedelta(days=offset),
            start_time=start, content=content, place=place, participants=participants,
            leader=f"Lãnh đạo {portal.name}",
        )
    ScheduleEntry.objects.create(
        kind=ScheduleEntry.Kind.RECEPTION, date=week.monday + timedelta(days=2),
        start_time=time(8, 0), end_time=time(11, 0), place="Trụ sở tiếp công dân",
        content="Tiếp công dân định kỳ", leader=f"Người đứng đầu {portal.name}",
    )

    directive = _document("05/CT-UBND")
    direction.add_child(instance=DirectivePage(
        title="Chỉ thị về đẩy mạnh cải cách hành chính, chuyển đổi số năm 2025", live=True,
        date=date(2025, 2, 10), document=directive,
        summary="Yêu cầu các cơ quan, đơn vị đẩy mạnh cải cách thủ tục hành chính và cung cấp "
        "dịch vụ công trực tuyến toàn trình.",
    ))
    direction.add_child(instance=PetitionResponsePage(
        title="Trả lời kiến nghị của cử tri về cải tạo đường liên bản", live=True,
        petitioner="Cử tri xã Phong Thổ", petition_date=date(2025, 11, 5),
        petition="Đề nghị sớm cải tạo tuyến đường liên bản bị sạt lở sau mùa mưa.",
        responder=portal.name, response_date=date(2025, 11, 25),
        response=RichText("<p>Tuyến đường đã được đưa vào kế hoạch sửa chữa năm 2026 từ nguồn "
                          "vốn sự nghiệp giao thông.</p>"),
    ))
    direction.add_child(instance=EnterpriseSanctionPage(
        title="Tặng Bằng khen cho Công ty Cổ phần Chè Tam Đường", live=True,
        kind=EnterpriseSanctionPage.Kind.REWARD, enterprise="Công ty Cổ phần Chè Tam Đường",
        tax_code="6200012345", address="Huyện Tam Đường, tỉnh Lai Châu",
        decision_number="215/QĐ-UBND", decision_date=date(2025, 12, 30),
        measure="Bằng khen của Chủ tịch UBND tỉnh",
        reason="Có thành tích xuất sắc trong sản xuất, kinh doanh và xây dựng thương hiệu chè "
        "Lai Châu năm 2025.",
    ))

    dissemination = LawDisseminationIndexPage.objects.filter(depth=3).first()
    if dissemination is not None and not dissemination.get_children().exists():
        article = dissemination.add_child(instance=LawDisseminationPage(
            title="Những điểm mới của Nghị định 42/2022/NĐ-CP về cung cấp thông tin trên môi "
            "trường mạng", live=True,
            summary="Nghị định quy định mức độ dịch vụ công trực tuyến “toàn trình” và “một "
            "phần”, thay thế Nghị định 43/2011/NĐ-CP.",
            body=[("paragraph", RichText(
                "<p>Từ ngày 01/8/2022, dịch vụ công trực tuyến chỉ còn hai mức độ: toàn trình và "
                "một phần. Cổng thông tin điện tử phải công khai đầy đủ thông tin theo quy "
                "định.</p>"
            ))],
        ))
        decree = _document("42/2022/NĐ-CP")
        if decree is not None:
            LawDisseminationDocument.objects.create(page=article, document=decree)
