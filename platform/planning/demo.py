"""Demo strategy and planning items (đ) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from introduction.demo import agency_name, publish_child

from .models import PlanningIndexPage, PlanningItemPage, PlanningKind


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
