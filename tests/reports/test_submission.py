"""The board head's report from creation to submission; frozen afterwards; the province's
consolidation in the console; who may do what."""

from __future__ import annotations

import io

import pytest
from django_tenants.utils import schema_context

from accounts.roles import BOARD_HEAD, EDITOR
from reports.models import PeriodicReport, ReportFrozen
from reports.periods import Kind, ReportPeriod
from reports.service import consolidate, create_report
from tenants.models import PlatformRole
from tests.reports.helpers import TODAY, fill_quarter
from tests.support.accounts import console_login
from tests.support.admin import assert_refused, signed_in

QUARTER = ReportPeriod(Kind.QUARTER, 2026, 3)
NARRATIVE = {
    "number": "12/BC-BBT", "place": "Lai Châu", "report_date": "03/12/2026",
    "achievements": "Cổng hoạt động ổn định.", "difficulties": "Thiếu biên tập viên.",
    "proposals": "Bổ sung kinh phí.", "recipients": "Ban Biên tập Cổng tỉnh\nLưu: VT",
    "signer_name": "Nguyễn Văn Trưởng", "signer_title": "Trưởng Ban Biên tập",
}


def _submit_in_admin(portal, make_local_user, username="truongban.soa"):
    head = make_local_user(portal, username, BOARD_HEAD)
    browser = signed_in(portal, head)
    assert browser.get("/admin/bao-cao/").status_code == 200
    response = browser.post("/admin/bao-cao/tao/", {"period": QUARTER.key})
    assert response.status_code == 302
    report = PeriodicReport.objects.get(portal=portal, kind=Kind.QUARTER, year=2026, part=3)
    url = f"/admin/bao-cao/{report.pk}/"
    draft = browser.get(url).content.decode()
    assert 'name="achievements"' in draft and "Câu hỏi, phản ánh tiếp nhận" in draft
    assert "Số liệu từ 01/07/2026 đến 30/09/2026." in draft
    assert browser.post(url, NARRATIVE).status_code == 302
    assert browser.get(f"{url}nop/").status_code == 200  # the confirmation
    assert browser.post(f"{url}nop/").status_code == 302
    report.refresh_from_db()
    return browser, report


def _member_report(portal, **figures) -> PeriodicReport:
    with schema_context(portal.schema_name):
        report = create_report(QUARTER, TODAY)
    report.number = "3/BC-UBND"
    report.submit(by="truongban.xab")
    return report


def test_a_submitted_report_is_frozen_and_reaches_the_consolidation(
    province, portal_a, portal_b, make_local_user, make_platform_user
):
    fill_quarter(portal_a)
    browser, report = _submit_in_admin(portal_a, make_local_user)
    assert report.is_submitted and report.submitted_by == "truongban.soa"
    assert report.number == "12/BC-BBT" and report.figures["questions"]["received"] == 4
    shown = browser.get(f"/admin/bao-cao/{report.pk}/").content.decode()
    assert "Đã nộp lúc" in shown and 'name="achievements"' not in shown  # read-only now
    assert "12/BC-BBT" in browser.get("/admin/bao-cao/").content.decode()
    frozen_figures = report.figures

    # Editing afterwards: refused over HTTP with the reason, and by the model.
    url = f"/admin/bao-cao/{report.pk}/"
    for target in (url, f"{url}nop/", f"{url}cap-nhat-so-lieu/"):
        response = browser.post(target, {**NARRATIVE, "achievements": "Sửa lại"})
        assert response.status_code == 403
        assert "Báo cáo đã nộp, không thể sửa" in response.content.decode()
    report.refresh_from_db()
    assert report.achievements == "Cổng hoạt động ổn định." and report.figures == frozen_figures
    report.achievements = "Sửa trong mã"
    with pytest.raises(ReportFrozen):
        report.save()
    with pytest.raises(ReportFrozen):
        report.delete()
    with pytest.raises(ReportFrozen):
        report.submit(by="ai.khac")

    # Another member submits too; the province has not.
    other = _member_report(portal_b)
    result = consolidate(QUARTER)
    assert sorted(u.portal.code for u in result.submitted) == ["soa", "xab"]
    assert [u.portal.code for u in result.missing] == ["tinhthu"]
    totals = result.totals
    for key in ("questions", "consultations", "services", "security"):
        for name, value in totals[key].items():
            assert value == report.figures[key][name] + other.figures[key][name], (key, name)
    news = {r["slug"]: r["published"] for r in totals["sections"]}["tin-tuc"]
    assert news == sum(r["published"] for r in report.figures["sections"] if r["slug"] == "tin-tuc") == 3

    # The province board sees who has not submitted, and the sums.
    make_platform_user("bbt.tinh", PlatformRole.Role.PROVINCE_BOARD)
    console, _response = console_login("bbt.tinh")
    page = console.get("/bao-cao/?ky=2026-q3")
    assert page.status_code == 200
    html = page.content.decode()
    missing = html.split('class="missing-reports"')[1].split("</ul>")[0]
    assert "Cổng thông tin điện tử tỉnh Thử" in missing and "Sở A" not in missing
    assert "12/BC-BBT" in html and "3/BC-UBND" in html
    single = console.get(f"/bao-cao/{report.pk}/tai-ve.docx")
    assert single.status_code == 200 and single["Content-Type"].endswith("document")

    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(console.get("/bao-cao/?ky=2026-q3&xuat=xlsx").content))
    rows = [row for row in workbook.active.iter_rows(values_only=True)]
    received = next(r for r in rows if r[0] == "Câu hỏi, phản ánh tiếp nhận")
    assert received[1] == totals["questions"]["received"] == 4 + other.figures["questions"]["received"]
    assert any(r[0] == "Sở A" and r[1] == "12/BC-BBT" for r in rows)
    assert any(r[0] == "Cổng thông tin điện tử tỉnh Thử" and r[1] == "Chưa nộp" for r in rows)


def test_who_may_see_and_change_reports(portal_a, portal_b, make_local_user):
    head_a = make_local_user(portal_a, "truongban.soa", BOARD_HEAD)
    with schema_context(portal_a.schema_name):
        report = create_report(QUARTER, TODAY)
    url = f"/admin/bao-cao/{report.pk}/"

    # An editor of the portal: no reports at all, not even in the menu.
    editor = signed_in(portal_a, make_local_user(portal_a, "bientap.soa", EDITOR))
    assert "/admin/bao-cao/" not in editor.get("/admin/").content.decode()
    assert "/admin/bao-cao/" in signed_in(portal_a, head_a).get("/admin/").content.decode()
    assert_refused(editor.get("/admin/bao-cao/"))
    assert_refused(editor.get(url))
    assert_refused(editor.post(url, NARRATIVE))
    assert_refused(editor.post("/admin/bao-cao/tao/", {"period": "2026-q2"}))

    # The board head of another portal: this report does not exist there.
    other_head = signed_in(portal_b, make_local_user(portal_b, "truongban.xab", BOARD_HEAD))
    assert other_head.get("/admin/bao-cao/").status_code == 200
    assert other_head.get(url).status_code == 404
    assert other_head.get(f"{url}tai-ve.docx").status_code == 404
    assert other_head.post(f"{url}nop/").status_code == 404

    # A member's editor on the console: no account there.
    console, response = console_login("bientap.soa")
    assert console.get("/bao-cao/").status_code == 302
    assert console.get(f"/bao-cao/{report.pk}/tai-ve.docx").status_code == 302

    # The head may.
    assert signed_in(portal_a, head_a).post(url, NARRATIVE).status_code == 302
    report.refresh_from_db()
    assert report.signer_name == "Nguyễn Văn Trưởng"
