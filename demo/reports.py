"""One submitted quarterly report per demo portal (the last quarter that has ended), so the
portals' "Báo cáo định kỳ" and the console's consolidation show something on first run."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.db import connection
from django.utils import timezone

from reports.models import PeriodicReport
from reports.periods import Kind, ReportPeriod
from reports.service import create_report
from tenants.models import Portal


def last_quarter(today: dt.date) -> ReportPeriod:
    quarter = (today.month - 1) // 3  # the quarter before today's, 0 meaning last year's fourth
    return ReportPeriod(Kind.QUARTER, today.year, quarter) if quarter else ReportPeriod(
        Kind.QUARTER, today.year - 1, 4
    )


def load_demo_reports(portals: list[Portal], today: dt.date | None = None) -> list[PeriodicReport]:
    today = today or timezone.localdate()
    period = last_quarter(today)
    made = []
    for number, portal in enumerate(portals, start=1):
        with schema_context(portal.schema_name):
            report = create_report(period, today)
        if report.is_submitted:
            continue
        report.number = f"{number}/BC-BBT"
        report.report_date = today
        report.achievements = (
            "Cổng thông tin điện tử hoạt động ổn định, thông tin được cập nhật thường xuyên; "
            "các câu hỏi của người dân được trả lời trong thời hạn."
        )
        report.difficulties = "Đội ngũ biên tập viên còn kiêm nhiệm; kinh phí nhuận bút còn hạn chế."
        report.proposals = "Đề nghị Ban Biên tập Cổng tỉnh tổ chức tập huấn nghiệp vụ biên tập."
        report.signer_name = "Lê Văn Trưởng"
        report.submit(by=f"truongban.{portal.code}")
        made.append(report)
    connection.set_schema_to_public()
    return made
