"""The daily work of one portal, as plain functions of its schema: a scheduler can call
`run_daily(schema)` as the `run_daily` command does for every active portal.

Cron (after midnight, Vietnam time):  5 0 * * *  cd /srv/cong && .venv/bin/python manage.py run_daily
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django_tenants.utils import schema_context

from django.utils import timezone

from . import ledger
from .reminders import send_digests


@dataclass
class DailyReport:
    schema: str
    validity_changes: int = 0
    clocks: int = 0
    digests: int = 0


def run_daily(schema_name: str, today: dt.date | None = None, send_mail: bool = True) -> DailyReport:
    """Legal documents' validity from their dates; every clock recomputed into the ledger
    (overdue items, stale sections); the day's reminder digests."""
    from legaldocs.validity import update_validity

    today = today or timezone.localdate()
    report = DailyReport(schema_name)
    with schema_context(schema_name):
        report.validity_changes = update_validity(today)
        report.clocks = ledger.resync(today)
        if send_mail:
            report.digests = send_digests(today)
    return report
