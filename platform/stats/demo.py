"""Demo statistics release (n) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from introduction.demo import agency_name, publish_child

from .models import StatisticsIndexPage, StatisticsReleasePage


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
