"""Demo statistics release (n) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from demo.introduction import agency_name, publish_child
from stats.models import StatisticsIndexPage, StatisticsReleasePage


def load_demo_content(portal: Any) -> None:
    index = StatisticsIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    publish_child(index, StatisticsReleasePage(
        title="Kết quả điều tra hộ nghèo, hộ cận nghèo năm 2025", slug="ho-ngheo-2025",
        subject="Lao động, xã hội",
        summary=f"Kết quả rà soát hộ nghèo, hộ cận nghèo năm 2025 của {agency_name(portal)}.",
        period_start=datetime.date(2025, 9, 1), period_end=datetime.date(2025, 11, 30),
        publication_decision_number="25/QĐ-UBND",
        publication_decision_date=datetime.date(2026, 1, 8),
        methodology="<p>Rà soát theo chuẩn nghèo đa chiều giai đoạn 2022–2025.</p>",
        analysis="<p>Tỷ lệ hộ nghèo giảm 4,2 điểm phần trăm so với năm 2024.</p>",
    ))
    if portal.kind != "province":
        return
    publish_child(index, StatisticsReleasePage(
        title="Kết quả điều tra lao động – việc làm tỉnh Lai Châu năm 2025",
        slug="lao-dong-viec-lam-2025", subject="Dân số, lao động",
        summary="Lực lượng lao động từ 15 tuổi trở lên, tỷ lệ lao động qua đào tạo, tỷ lệ thất "
        "nghiệp khu vực thành thị.",
        period_start=datetime.date(2025, 1, 1), period_end=datetime.date(2025, 12, 31),
        publication_decision_number="12/QĐ-CTK",
        publication_decision_date=datetime.date(2026, 2, 25),
        methodology="<p>Điều tra chọn mẫu 1.800 hộ tại 60 địa bàn theo phương pháp của Tổng cục "
                    "Thống kê.</p>",
        analysis="<p>Tỷ lệ lao động qua đào tạo đạt 58,2%; nông, lâm nghiệp vẫn chiếm 68% lao "
                 "động có việc làm, chủ yếu trồng chè, thảo quả, mắc ca.</p>",
    ))
