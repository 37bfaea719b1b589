"""The province's league table: the figures are the items in each portal's schema; sorting,
filters, drill-down, exports (formula-safe) and the chart; the rules table."""

from __future__ import annotations

import csv
import datetime as dt
import io

from django_tenants.utils import schema_context

from django.utils import timezone

from deadlines.league import Period, league_table
from tenants.models import PlatformRole
from tests.deadlines.helpers import planning_item
from tests.support.accounts import console_login

D = dt.date


def console_as(user):
    """A browser signed in to the console as `user`, the second step answered."""
    browser, _response = console_login(user.username)
    return browser


def _fill(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        planning_item("Đúng hạn 1", D(2026, 2, 12), D(2026, 3, 2))
        planning_item("Đúng hạn 2", D(2026, 3, 2), D(2026, 3, 5))
        planning_item("=HYPERLINK(\"http://x\")", D(2026, 2, 12), D(2026, 3, 6))  # 3 days late
        planning_item("Chưa đăng", D(2026, 4, 1), None)  # overdue
    with schema_context(portal_b.schema_name):
        planning_item("Trễ ở xã", D(2026, 2, 12), D(2026, 3, 20))


def _counted_in_schema(portal, today):
    """What the league table must say, counted from the portal's own pages."""
    from planning.models import PlanningItemPage

    with schema_context(portal.schema_name):
        pages = list(PlanningItemPage.objects.all())
    posted = [p for p in pages if p.first_published_at]
    overdue = [p for p in pages if not p.first_published_at]
    late = [p for p in posted if timezone.localtime(p.first_published_at).date() > D(2026, 3, 3)
            and p.approval_date == D(2026, 2, 12)]
    return len(posted), len(late), len(overdue)


def test_the_league_table_matches_the_items_in_each_schema(province, portal_a, portal_b):
    _fill(portal_a, portal_b)
    today = D(2026, 12, 3)
    figures = {f.portal.code: f for f in league_table(Period(D(2026, 1, 1), today), today=today)}
    a, b = figures["soa"], figures["xab"]
    assert (a.posted, a.late, a.overdue) == _counted_in_schema(portal_a, today) == (3, 1, 1)
    assert (a.on_time, a.on_time_percent) == (2, 50.0)
    assert (b.posted, b.late, b.overdue, b.on_time_percent) == (1, 1, 0, 0.0)
    assert figures["tinhthu"].posted == 0
    communes = league_table(Period(D(2026, 1, 1), today), kind="commune", today=today)
    assert [f.portal.code for f in communes] == ["xab"]


def test_the_console_page_sorts_drills_down_and_exports_safely(
    province, portal_a, portal_b, make_platform_user
):
    _fill(portal_a, portal_b)
    browser = console_as(make_platform_user("bbt.thu", PlatformRole.Role.PROVINCE_BOARD))
    period = "tu-ngay=01/01/2026&den-ngay=31/12/2026"
    html = browser.get(f"/thoi-han/?{period}&sap-xep=-tre-han").content.decode()
    assert html.index('data-portal="soa"') < html.index('data-portal="tinhthu"')
    assert "<svg" in html and "Bảng số liệu của biểu đồ" in html and "<script" not in html
    assert "Sở A, 03/2026: 66.7%" in html  # two of three on time in March
    communes = browser.get(f"/thoi-han/?{period}&loai=commune").content.decode()
    assert 'data-portal="xab"' in communes and 'data-portal="soa"' not in communes

    drill = browser.get(f"/thoi-han/cong/soa/?{period}").content.decode()
    assert "Chưa đăng" in drill and "quá hạn chưa đăng" in drill and "trễ 3 ngày làm việc" in drill
    assert "Trễ ở xã" not in drill

    exported = browser.get(f"/thoi-han/cong/soa/?{period}&xuat=csv")
    rows = list(csv.reader(io.StringIO(exported.content.decode("utf-8-sig"))))
    titles = [row[1] for row in rows[1:]]
    assert "'=HYPERLINK(\"http://x\")" in titles

    xlsx = browser.get(f"/thoi-han/?{period}&xuat=xlsx")
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["Sở A"][2:7] == (3, 2, 1, 1, 50.0)


def test_the_board_edits_the_rules_and_operators_only_read_them(db, make_platform_user):
    from deadlines import rules

    board = console_as(make_platform_user("bbt.thu", PlatformRole.Role.PROVINCE_BOARD))
    operator = console_as(make_platform_user("vanhanh", PlatformRole.Role.OPERATOR))
    assert "Lưu thời hạn" not in operator.get("/thoi-han/quy-dinh/").content.decode()
    assert operator.post("/thoi-han/quy-dinh/", {"preset": "kien-giang"}).status_code == 403
    board.post("/thoi-han/quy-dinh/", {"preset": "kien-giang"})
    assert rules.province_limits()[rules.LEGAL_APPLYING] == 10
    form = {spec.key: str(spec.kien_giang) for spec in rules.RULES}
    form[rules.PLANNING] = "0"
    page = board.post("/thoi-han/quy-dinh/", form).content.decode()
    assert "Nhập số ngày từ 1 đến 365." in page
    form[rules.PLANNING] = "7"
    board.post("/thoi-han/quy-dinh/", form)
    assert rules.province_limits()[rules.PLANNING] == 7


def test_questions_count_answered_on_time_and_reach_the_reminders(portal_a, make_local_user):
    from django.core import mail
    from django.core.exceptions import ValidationError

    from deadlines.daily import run_daily
    from deadlines.queues import queues
    from participation.models import ParticipationSettings, Question
    from tests.deadlines.helpers import at

    make_local_user(portal_a, "pheduyet.soa", "Thành viên Ban Biên tập", email="pd@soa.vn")
    with schema_context(portal_a.schema_name):
        Question.objects.create(
            title="Hỏi về thủ tục cấp phép", body="…", received_at=at(D(2026, 11, 2)),
            deadline=at(D(2026, 11, 20), 17), status="published",
            approved_at=at(D(2026, 11, 19)), answered_at=at(D(2026, 11, 18)),
        )
        Question.objects.create(
            title="Hỏi về đất đai", body="…", received_at=at(D(2026, 11, 2)),
            deadline=at(D(2026, 11, 20), 17), status="published", approved_at=at(D(2026, 11, 25)),
        )
        Question.objects.create(
            title="Hỏi về học phí", body="…", received_at=at(D(2026, 11, 16)),
            deadline=at(D(2026, 12, 7), 17), status="assigned",
        )
        Question.objects.create(title="Câu hỏi bị từ chối", body="…", received_at=at(D(2026, 11, 2)),
                                deadline=at(D(2026, 11, 20), 17), status="refused")
        due = [e.record.title for e in queues(3, D(2026, 12, 3)).due_soon]
        assert due == ["Hỏi về học phí"]
        settings = ParticipationSettings()
        settings.answer_days = 20
        try:
            settings.clean()
        except ValidationError as exc:
            assert "answer_days" in exc.message_dict
        else:
            raise AssertionError("a longer Q&A limit than the province's was accepted")
    figures = {f.portal.code: f for f in league_table(Period(D(2026, 11, 1), D(2026, 12, 31)),
                                                      today=D(2026, 12, 3))}
    assert (figures["soa"].questions, figures["soa"].questions_on_time) == (2, 1)
    assert figures["soa"].questions_percent == 50.0
    mail.outbox.clear()
    run_daily(portal_a.schema_name, D(2026, 12, 7))  # the due date of the open question
    assert "Hỏi về học phí" in mail.outbox[0].body
