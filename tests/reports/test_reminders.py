"""Reminders before a report's due date: to the board head, once per period, none after
submission."""

from __future__ import annotations

import datetime as dt

from django.core import mail
from django.core.management import call_command

from accounts.roles import APPROVER, BOARD_HEAD
from reports.models import ReportReminder
from reports.periods import Kind, ReportPeriod
from reports.reminders import send_reminders

D = dt.date


def test_reminders_are_sent_before_the_due_date_once(portal_a, portal_b, make_local_user, settings):
    settings.CONG_REPORT_KINDS = ["quarter"]
    settings.CONG_REPORT_REMIND_DAYS = 5
    make_local_user(portal_a, "truongban.soa", BOARD_HEAD, email="tb@soa.vn")
    make_local_user(portal_a, "pheduyet.soa", APPROVER, email="pd@soa.vn")
    make_local_user(portal_b, "truongban.xab", BOARD_HEAD, email="tb@xab.vn")
    third = ReportPeriod(Kind.QUARTER, 2026, 3)
    assert third.due_date() == D(2026, 10, 15)

    # Portal B has already submitted.
    from django_tenants.utils import schema_context

    from reports.service import create_report

    with schema_context(portal_b.schema_name):
        report = create_report(third, D(2026, 10, 9))
    report.number = "1/BC"
    report.submit(by="truongban.xab")

    mail.outbox.clear()
    assert send_reminders(D(2026, 10, 9)) == 0  # six days before: not yet
    assert send_reminders(D(2026, 10, 10)) == 1  # five days before
    assert [m.to for m in mail.outbox] == [["tb@soa.vn"]]
    assert "quý III năm 2026" in mail.outbox[0].subject
    assert "15/10/2026" in mail.outbox[0].subject
    assert "/admin/bao-cao/" in mail.outbox[0].body

    assert send_reminders(D(2026, 10, 10)) == 0  # again the same day
    call_command("send_report_reminders")  # the periodic job's command, on another day
    send_reminders(D(2026, 10, 15))  # the due date itself: already reminded
    send_reminders(D(2026, 10, 16))  # after it: nothing
    assert len(mail.outbox) == 1
    assert list(ReportReminder.objects.filter(portal__code__in=["soa", "xab"]).values_list(
        "portal__code", "period_key", "due_date")) == [("soa", "2026-q3", D(2026, 10, 15))]


def test_the_demo_submits_last_quarter_s_report_in_every_portal(portal_a, portal_b):
    from demo.reports import last_quarter, load_demo_reports
    from reports.service import consolidate

    assert last_quarter(D(2026, 12, 3)) == ReportPeriod(Kind.QUARTER, 2026, 3)
    assert last_quarter(D(2027, 2, 1)) == ReportPeriod(Kind.QUARTER, 2026, 4)
    made = load_demo_reports([portal_a, portal_b], D(2026, 12, 3))
    assert [r.portal.code for r in made] == ["soa", "xab"] and all(r.is_submitted for r in made)
    assert load_demo_reports([portal_a], D(2026, 12, 3)) == []  # run again: kept as submitted
    result = consolidate(ReportPeriod(Kind.QUARTER, 2026, 3))
    assert {u.portal.code for u in result.submitted} == {"soa", "xab"}
