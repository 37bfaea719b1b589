"""Public budget disclosure."""

from __future__ import annotations

import datetime

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError

from tests.budget.factories import BudgetDisclosurePageFactory
from tests.support.portals import client_for


def test_disclosures_are_filtered_by_year_and_kind(province, portal_a):
    with schema_context(province.schema_name):
        BudgetDisclosurePageFactory(
            title="Dự toán ngân sách năm 2026", slug="du-toan-2026", year=2026,
            disclosure_kind="du-toan", decision_number="15/QĐ-UBND",
            decision_date=datetime.date(2026, 1, 5),
        )
        BudgetDisclosurePageFactory(
            title="Quyết toán ngân sách năm 2024", year=2024,
            disclosure_kind="quyet-toan", decision_number="990/QĐ-UBND",
            decision_date=datetime.date(2025, 12, 20),
        )
        BudgetDisclosurePageFactory(
            title="Thực hiện dự toán quý I năm 2026", year=2026, quarter=1,
            disclosure_kind="thuc-hien-quy", decision_number="102/QĐ-UBND",
            decision_date=datetime.date(2026, 4, 12),
        )
    client = client_for(province)
    y2026 = client.get("/cong-khai-ngan-sach/?nam=2026").content.decode()
    assert "Dự toán ngân sách năm 2026" in y2026 and "quý I năm 2026" in y2026
    assert "Quyết toán ngân sách năm 2024" not in y2026
    assert "Tình hình thực hiện dự toán quý – quý 1" in y2026
    final = client.get("/cong-khai-ngan-sach/?loai=quyet-toan").content.decode()
    assert "Quyết toán ngân sách năm 2024" in final and "Dự toán ngân sách năm 2026" not in final
    assert "990/QĐ-UBND ngày 20/12/2025" in final
    page = client.get("/cong-khai-ngan-sach/du-toan-2026/").content.decode()
    assert 'Ngày quyết định: <time datetime="2026-01-05">05/01/2026</time>' in page
    other = client_for(portal_a).get("/cong-khai-ngan-sach/").content.decode()
    assert "Quyết toán ngân sách năm 2024" not in other


def test_quarter_goes_with_quarterly_reports_only(province):
    quarterly = BudgetDisclosurePageFactory.build(disclosure_kind="thuc-hien-quy")
    with pytest.raises(ValidationError) as exc:
        quarterly.clean()
    assert exc.value.message_dict["quarter"] == ["Hãy chọn quý của báo cáo thực hiện dự toán."]
    estimate = BudgetDisclosurePageFactory.build(disclosure_kind="du-toan", quarter=2)
    with pytest.raises(ValidationError):
        estimate.clean()
