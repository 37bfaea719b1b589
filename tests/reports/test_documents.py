"""The DOCX and the XLSX open with their own libraries and hold the figures and the national
header."""

from __future__ import annotations

import io

from django_tenants.utils import schema_context

from accounts.roles import BOARD_HEAD
from reports.periods import Kind, ReportPeriod
from reports.service import create_report
from tests.reports.helpers import TODAY, fill_quarter
from tests.support.admin import signed_in

QUARTER = ReportPeriod(Kind.QUARTER, 2026, 3)


def _docx_text(content: bytes) -> str:
    from docx import Document

    document = Document(io.BytesIO(content))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def test_docx_and_xlsx_hold_the_header_and_the_figures(portal_a, make_local_user):
    fill_quarter(portal_a)
    with schema_context(portal_a.schema_name):
        report = create_report(QUARTER, TODAY)
    report.number, report.place = "12/BC-BBT", "Lai Châu"
    report.report_date = TODAY
    report.achievements = "Cổng hoạt động ổn định."
    report.signer_name = "Nguyễn Văn Trưởng"
    report.recipients = "=HYPERLINK(\"http://x\")\nLưu: VT"
    report.save()
    browser = signed_in(portal_a, make_local_user(portal_a, "truongban.soa", BOARD_HEAD))

    response = browser.get(f"/admin/bao-cao/{report.pk}/tai-ve.docx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-soa-2026-q3.docx"'
    text = _docx_text(response.content)
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập – Tự do – Hạnh phúc", "SỞ A",
        "Số: 12/BC-BBT", "Lai Châu, ngày 03 tháng 12 năm 2026", "BÁO CÁO",
        "Tình hình hoạt động Cổng thông tin điện tử quý III năm 2026",
        "Câu hỏi, phản ánh tiếp nhận | 4", "Trả lời đúng hạn | 2", "Hồ sơ tiếp nhận | 40",
        "Cổng hoạt động ổn định.", "Nơi nhận:", "Nguyễn Văn Trưởng",
    ):
        assert expected in text, expected
    assert "Tin tức – Sự kiện | 3 | 0 | 0 | 0 | 0 | —" in text

    from openpyxl import load_workbook

    response = browser.get(f"/admin/bao-cao/{report.pk}/tai-ve.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [row for row in sheet.iter_rows(values_only=True)]
    assert rows[1][0] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    values = {row[0]: row[1] for row in rows if row and row[0] and len(row) > 1}
    assert values["Câu hỏi, phản ánh tiếp nhận"] == 4
    assert values["Quá hạn chưa trả lời"] == 1
    assert values["Góp ý nhận được"] == 2
    assert values["Lần đăng nhập sai"] == 2


def test_the_yearly_report_to_the_ministry_is_the_consolidation(province, portal_a, portal_b):
    from reports.documents import docx_bytes
    from reports.service import consolidate

    year = ReportPeriod(Kind.YEAR, 2026)
    fill_quarter(portal_a)
    for portal, number in ((portal_a, "7/BC-BBT"), (province, "25/BC-BBT")):
        with schema_context(portal.schema_name):
            report = create_report(year, TODAY)
        report.number = number
        if portal == province:
            report.achievements = "Toàn tỉnh hoàn thành kế hoạch năm."
            report.signer_name = "Hoàng Thị Tỉnh"
        report.submit(by="truongban")
    member = report.__class__.objects.get(portal=portal_a, kind=Kind.YEAR, year=2026)

    result = consolidate(year)
    assert [u.portal.code for u in result.missing] == ["xab"]
    text = _docx_text(docx_bytes(result.document()))
    received = member.figures["questions"]["received"]
    assert received == 6  # every question of 2026 in portal A
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 25/BC-BBT",
        "Tổng hợp tình hình hoạt động Cổng thông tin điện tử năm 2026",
        "Toàn tỉnh hoàn thành kế hoạch năm.", "Hoàng Thị Tỉnh",
        f"Câu hỏi, phản ánh tiếp nhận | {received}", "Sở A | 7/BC-BBT", "Xã B | Chưa nộp",
    ):
        assert expected in text, expected
