"""What is due soon and what is overdue in the current portal: the dashboard's queues and
the reminder digests read the same lists, from the ledger (one query)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from tenants.current import current_portal
from workdays.calendar import WorkingCalendar
from workdays.models import calendar_for_schema

from .clocks import rule_label
from .province.models import ClockRecord

Kind = ClockRecord.Kind


@dataclass
class Entry:
    record: ClockRecord
    days_left: int  # working days to the due date; negative once overdue

    @property
    def rule_label(self) -> str:
        return rule_label(self.record.rule)


@dataclass
class Queues:
    today: dt.date
    due_soon: list[Entry] = field(default_factory=list)  # due within the warning window
    overdue: list[Entry] = field(default_factory=list)  # not posted, past due
    stale: list[Entry] = field(default_factory=list)  # kept-current sections untouched too long

    def __bool__(self) -> bool:
        return bool(self.due_soon or self.overdue or self.stale)

    @property
    def count(self) -> int:
        return len(self.due_soon) + len(self.overdue) + len(self.stale)


def queues(soon_days: int, today: dt.date | None = None,
           calendar: WorkingCalendar | None = None) -> Queues:
    today = today or timezone.localdate()
    result = Queues(today)
    portal = current_portal(active_only=False)
    if portal is None:
        return result
    calendar = calendar or calendar_for_schema()
    open_records = ClockRecord.objects.filter(portal=portal, posted_on=None).order_by("due_date", "pk")
    for record in open_records:
        if record.kind == Kind.SECTION:
            if record.due_date < today:
                result.stale.append(Entry(record, -(today - record.due_date).days))
            continue
        if record.due_date < today:
            left = -max(1, calendar.working_days_between(record.due_date, today))
            result.overdue.append(Entry(record, left))
            continue
        left = calendar.working_days_between(today, record.due_date)
        if left <= soon_days:
            result.due_soon.append(Entry(record, left))
    return result
