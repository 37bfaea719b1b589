"""Demo strategy and planning items (đ) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from demo.introduction import agency_name, publish_child
from planning.models import PlanningIndexPage, PlanningItemPage, PlanningKind


def load_demo_content(portal: Any) -> None:
    index = PlanningIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    issuer = "Ủy ban nhân dân tỉnh Lai Châu"
    publish_child(index, PlanningItemPage(
        title="Kế hoạch sử dụng đất năm 2026", slug="ke-hoach-su-dung-dat-2026",
        kind=PlanningKind.LAND_USE, decision_number="185/QĐ-UBND",
        approval_date=datetime.date(2026, 2, 12), approving_authority=issuer,
        summary=f"Phê duyệt kế hoạch sử dụng đất năm 2026 trên địa bàn của {agency_name(portal)}.",
        body="<p>Diện tích các loại đất phân bổ trong năm kế hoạch; vị trí, diện tích đất "
             "thu hồi, chuyển mục đích sử dụng.</p>",
    ))
    publish_child(index, PlanningItemPage(
        title="Danh mục dự án kêu gọi đầu tư giai đoạn 2026–2030",
        slug="du-an-keu-goi-dau-tu-2026-2030", kind=PlanningKind.INVESTMENT_CALLS,
        decision_number="412/QĐ-UBND", approval_date=datetime.date(2026, 3, 20),
        approving_authority=issuer,
        summary="Các dự án nông nghiệp công nghệ cao, du lịch sinh thái và năng lượng tái tạo.",
    ))
    if portal.kind != "province":
        return
    for title, slug, kind, number, day, summary in PROVINCE_ITEMS:
        publish_child(index, PlanningItemPage(
            title=title, slug=slug, kind=kind, decision_number=number, approval_date=day,
            approving_authority=issuer, summary=summary,
        ))


PROVINCE_ITEMS = [
    ("Quy hoạch tỉnh Lai Châu thời kỳ 2021–2030, tầm nhìn đến năm 2050",
     "quy-hoach-tinh-2021-2030", PlanningKind.STRATEGY, "1006/QĐ-TTg", datetime.date(2023, 9, 16),
     "Phát triển Lai Châu theo ba trụ cột: nông nghiệp hàng hóa (chè, mắc ca, dược liệu), du "
     "lịch và năng lượng tái tạo."),
    ("Điều chỉnh Quy hoạch chung đô thị Than Uyên đến năm 2040", "quy-hoach-than-uyen-2040",
     PlanningKind.CONSTRUCTION_URBAN, "2156/QĐ-UBND", datetime.date(2025, 12, 15),
     "Đô thị loại IV, trung tâm kinh tế phía Nam của tỉnh, quy mô 22.000 dân đến năm 2040."),
    ("Phương án khai thác khoáng sản đất hiếm và vật liệu xây dựng thông thường",
     "khai-thac-khoang-san", PlanningKind.NATURAL_RESOURCES, "532/QĐ-UBND",
     datetime.date(2025, 4, 3),
     "Khoanh định khu vực khai thác, vùng cấm và tạm cấm hoạt động khoáng sản trên địa bàn."),
    ("Kế hoạch thu gom, xử lý chất thải rắn sinh hoạt giai đoạn 2025–2030",
     "chat-thai-ran-2025-2030", PlanningKind.ENVIRONMENT, "910/QĐ-UBND",
     datetime.date(2025, 6, 20),
     "Danh mục bãi chôn lấp, lò đốt cấp huyện; các điểm có nguy cơ ô nhiễm ở Sìn Hồ, Mường Tè."),
    ("Chính sách ưu đãi đầu tư vào du lịch sinh thái, nghỉ dưỡng", "uu-dai-du-lich",
     PlanningKind.INVESTMENT_INCENTIVES, "88/QĐ-UBND", datetime.date(2026, 1, 12),
     "Miễn, giảm tiền thuê đất và hỗ trợ hạ tầng cho dự án du lịch tại Sìn Hồ, Tam Đường."),
]
