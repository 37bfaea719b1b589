"""Demo investment projects (h) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from demo.introduction import agency_name, publish_child
from projects.models import (
    FundingType,
    ProcurementNotice,
    ProjectField,
    ProjectIndexPage,
    ProjectPage,
    ProjectStatus,
    ProjectType,
)


def load_demo_content(portal: Any) -> None:
    """One project in each status, the one in progress with two procurement notices."""
    index = ProjectIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    sponsor = (
        agency_name(portal) if portal.kind in {"commune", "district"}
        else "Ban Quản lý dự án đầu tư xây dựng các công trình dân dụng và công nghiệp tỉnh"
    )
    publish_child(index, ProjectPage(
        title="Đường giao thông liên xã Nậm Tăm – Pa Khóa", slug="duong-nam-tam-pa-khoa",
        objective="Kết nối giao thông giữa các xã vùng cao, phục vụ phát triển kinh tế – xã hội.",
        field=ProjectField.TRANSPORT, project_type=ProjectType.GROUP_B,
        location="Xã Nậm Tăm, xã Pa Khóa",
        start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2027, 12, 31),
        budget=86_500_000_000, funding_type=FundingType.CENTRAL_BUDGET, sponsor=sponsor,
        status=ProjectStatus.IN_PROGRESS, decision_number="1023/QĐ-UBND",
        approval_date=datetime.date(2025, 4, 18),
        procurement_notices=[
            ProcurementNotice(
                kind=ProcurementNotice.Kind.PLAN, title="Kế hoạch lựa chọn nhà thầu",
                notice_date=datetime.date(2025, 5, 5),
            ),
            ProcurementNotice(
                kind=ProcurementNotice.Kind.RESULT,
                title="Kết quả lựa chọn nhà thầu gói thầu số 05",
                package="Gói thầu số 05: Thi công xây dựng công trình",
                notice_date=datetime.date(2025, 7, 2),
            ),
        ],
    ))
    publish_child(index, ProjectPage(
        title="Trường Phổ thông dân tộc bán trú Tiểu học", slug="truong-ptdtbt-tieu-hoc",
        objective="Xây dựng 12 phòng học và nhà bán trú cho học sinh.",
        field=ProjectField.EDUCATION, project_type=ProjectType.GROUP_C,
        start_date=datetime.date(2023, 3, 1), end_date=datetime.date(2024, 8, 15),
        budget=14_750_000_000, funding_type=FundingType.LOCAL_BUDGET, sponsor=sponsor,
        status=ProjectStatus.COMPLETED, decision_number="256/QĐ-UBND",
        approval_date=datetime.date(2022, 11, 30),
    ))
    publish_child(index, ProjectPage(
        title="Trạm y tế và nhà văn hóa trung tâm", slug="tram-y-te-nha-van-hoa",
        objective="Nâng cao chất lượng khám chữa bệnh ban đầu và sinh hoạt cộng đồng.",
        field=ProjectField.HEALTH, project_type=ProjectType.GROUP_C,
        budget=9_200_000_000, funding_type=FundingType.MIXED, sponsor=sponsor,
        status=ProjectStatus.PREPARING, decision_number="88/QĐ-UBND",
        approval_date=datetime.date(2026, 1, 22),
    ))
    if portal.kind != "province":
        return
    publish_child(index, ProjectPage(
        title="Hạ tầng khu du lịch sinh thái cao nguyên Sìn Hồ", slug="ha-tang-du-lich-sin-ho",
        objective="Đầu tư đường nội khu, điểm ngắm cảnh và nhà đón tiếp khách, thu hút nhà đầu "
        "tư vào du lịch nghỉ dưỡng.",
        field=ProjectField.CULTURE, project_type=ProjectType.GROUP_B, location="Xã Sìn Hồ",
        start_date=datetime.date(2026, 6, 1), end_date=datetime.date(2028, 12, 31),
        budget=120_000_000_000, funding_type=FundingType.PPP, sponsor=sponsor,
        status=ProjectStatus.PREPARING, decision_number="1234/QĐ-UBND",
        approval_date=datetime.date(2025, 9, 12),
    ))
    publish_child(index, ProjectPage(
        title="Tái định cư thủy điện Lai Châu – điểm Nậm Nhùn", slug="tai-dinh-cu-nam-nhun",
        objective="Ổn định đời sống 420 hộ dân tái định cư, hoàn thiện hạ tầng điện, nước, "
        "trường học.",
        field=ProjectField.SOCIAL, project_type=ProjectType.GROUP_B,
        location="Xã Nậm Hàng, xã Lê Lợi", start_date=datetime.date(2019, 3, 1),
        end_date=datetime.date(2024, 12, 31), budget=265_400_000_000,
        funding_type=FundingType.CENTRAL_BUDGET, sponsor=sponsor,
        status=ProjectStatus.COMPLETED, decision_number="512/QĐ-UBND",
        approval_date=datetime.date(2018, 11, 20),
    ))
    publish_child(index, ProjectPage(
        title="Cấp nước sinh hoạt nông thôn các xã vùng cao", slug="cap-nuoc-nong-thon-vung-cao",
        objective="Cấp nước sạch cho 6.800 hộ dân nông thôn vùng cao.",
        field=ProjectField.AGRICULTURE, project_type=ProjectType.GROUP_B,
        location="Xã Phong Thổ, xã Sìn Hồ", start_date=datetime.date(2024, 1, 1),
        end_date=datetime.date(2027, 6, 30), budget=182_000_000_000,
        funding_type=FundingType.ODA, donor="Ngân hàng Thế giới (WB)", sponsor=sponsor,
        status=ProjectStatus.IN_PROGRESS, decision_number="1876/QĐ-UBND",
        approval_date=datetime.date(2023, 10, 5),
    ))
