"""Demo budget disclosures for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from budget.models import BudgetDisclosurePage, BudgetIndexPage, DisclosureKind
from demo.introduction import agency_name, publish_child


def load_demo_content(portal: Any) -> None:
    index = BudgetIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    publish_child(index, BudgetDisclosurePage(
        title="Công khai dự toán ngân sách năm 2026", slug="du-toan-2026", year=2026,
        disclosure_kind=DisclosureKind.ESTIMATE, decision_number="15/QĐ-UBND",
        decision_date=datetime.date(2026, 1, 5),
        summary=f"Công khai số liệu dự toán ngân sách năm 2026 của {agency_name(portal)}.",
    ))
    publish_child(index, BudgetDisclosurePage(
        title="Công khai tình hình thực hiện dự toán quý I năm 2026", slug="thuc-hien-quy-1-2026",
        year=2026, disclosure_kind=DisclosureKind.QUARTERLY, quarter=1,
        decision_number="102/QĐ-UBND", decision_date=datetime.date(2026, 4, 12),
    ))
