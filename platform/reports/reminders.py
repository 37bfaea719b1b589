"""Reminders before each report's due date, to the board head of every portal that has not
submitted yet: from `CONG_REPORT_REMIND_DAYS` days before the due date until the day
itself, once per portal and period (`ReportReminder`); a day's run that finds the reminder
sent sends nothing."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import connection
from django.template.loader import render_to_string
from django.utils import timezone

from accounts.roles import BOARD_HEAD
from tenants.models import Portal

from .models import PeriodicReport, ReportReminder
from .periods import ReportPeriod, periods_of, required_kinds


def periods_due_soon(today: dt.date, province: bool) -> list[tuple[ReportPeriod, dt.date]]:
    window = dt.timedelta(days=settings.CONG_REPORT_REMIND_DAYS)
    found = []
    for kind in required_kinds():
        for year in (today.year - 1, today.year):
            for period in periods_of(kind, year):
                due = period.due_date(province)
                if due - window <= today <= due:
                    found.append((period, due))
    return found


def board_heads() -> list:
    """Active board heads of the current portal with an e-mail address."""
    return list(
        get_user_model().objects.filter(is_active=True, groups__name=BOARD_HEAD)
        .exclude(email="").exclude(username__startswith="@").distinct().order_by("pk")
    )


def send_reminders(today: dt.date | None = None) -> int:
    """Send what is due today in every active portal; returns the number of e-mails."""
    today = today or timezone.localdate()
    sent = 0
    portals = Portal.objects.filter(status=Portal.Status.ACTIVE).exclude(kind=Portal.Kind.PLATFORM)
    for portal in portals.order_by("pk"):
        for period, due in periods_due_soon(today, portal.is_province):
            submitted = PeriodicReport.objects.filter(
                portal=portal, kind=period.kind, year=period.year, part=period.number,
                status=PeriodicReport.Status.SUBMITTED,
            ).exists()
            if submitted or ReportReminder.objects.filter(portal=portal, period_key=period.key).exists():
                continue
            sent += _remind(portal, period, due, today)
    connection.set_schema_to_public()
    return sent


def _remind(portal: Portal, period: ReportPeriod, due: dt.date, today: dt.date) -> int:
    with schema_context(portal.schema_name):
        heads = board_heads()
    if not heads:
        return 0
    context = {"portal": portal, "period": period, "due": due,
               "admin_url": portal.url("/admin/bao-cao/")}
    subject, _sep, body = render_to_string("reports/email/reminder.txt", context).strip().partition("\n")
    for user in heads:
        EmailMessage(subject=subject.strip(), body=body.strip(),
                     from_email=settings.DEFAULT_FROM_EMAIL, to=[user.email]).send()
    ReportReminder.objects.create(
        portal=portal, period_key=period.key, due_date=due, sent_on=today,
        recipients=", ".join(u.email for u in heads),
    )
    return len(heads)
