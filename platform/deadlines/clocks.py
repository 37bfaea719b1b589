"""What a mandated item declares about its time limit, and what follows from it.

A page model declares its clock once, beside its fields, as it declares `search_facets`:

    posting_clock = PostingClock(rule=rules.PLANNING, event="approval_date")

`event` names the attribute (a field or a property) holding the source event's date; a tuple
names several, the first that is set wins (a science programme's acceptance restarts the
clock its approval started). `rule` is a rule key, or a function of the item returning one
(a legal document is due in 2 working days at the agency that issued it, in 8 elsewhere).
`skip_if` names a boolean attribute that, when true, means the item has no clock (a draft
published for comments).

The index page of a "kept current" section declares `kept_current = KeptCurrent()`: it has
no posting limit, but becomes stale when nothing in it changed for the threshold.

Nothing else is needed: `deadlines` finds the declarations, keeps the ledger, shows the
clock in the editor, the admin and (if the portal wishes) on the public page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workdays.calendar import WorkingCalendar

from . import rules


@dataclass(frozen=True)
class PostingClock:
    rule: str | Callable[[Any], str]
    event: str | tuple[str, ...]
    skip_if: str = ""

    def rule_for(self, item: Any) -> str:
        return self.rule(item) if callable(self.rule) else self.rule

    def event_date(self, item: Any) -> dt.date | None:
        names = (self.event,) if isinstance(self.event, str) else self.event
        for name in names:
            value = getattr(item, name, None)
            if callable(value):
                value = value()
            if isinstance(value, dt.datetime):
                value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
            if value:
                return value
        return None

    def applies_to(self, item: Any) -> bool:
        return not (self.skip_if and getattr(item, self.skip_if, False))


@dataclass(frozen=True)
class KeptCurrent:
    """A section kept current and accurate (Decree 43 art. 10 a, b, c, k): stale once
    nothing in it changed for the rule's number of days."""

    rule: str = rules.KEPT_CURRENT


def clock_of(model_or_item: Any) -> PostingClock | None:
    clock = getattr(model_or_item, "posting_clock", None)
    return clock if isinstance(clock, PostingClock) else None


def kept_current_of(model_or_item: Any) -> KeptCurrent | None:
    declared = getattr(model_or_item, "kept_current", None)
    return declared if isinstance(declared, KeptCurrent) else None


# --- Status ---------------------------------------------------------------------------------


class Status:
    ON_TIME = "on_time"
    LATE = "late"
    PENDING = "pending"  # not posted, not due soon
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"  # not posted, past due (a draft or a registered obligation)


STATUS_LABELS = {
    Status.ON_TIME: _("đúng hạn"),
    Status.LATE: _("trễ hạn"),
    Status.PENDING: _("chưa đến hạn"),
    Status.DUE_SOON: _("sắp đến hạn"),
    Status.OVERDUE: _("quá hạn chưa đăng"),
}


def due_date(event: dt.date, days: int, calendar: WorkingCalendar) -> dt.date:
    """The last day of a `days`-working-day limit running from `event`: the `days`-th working
    day after it (the event's own day is not counted)."""
    if days < 1:
        raise ValueError("days must be at least 1")
    day = event
    for _n in range(days):
        day = calendar.next_working_day(day)
    return day


def late_by(due: dt.date, day: dt.date, calendar: WorkingCalendar) -> int:
    """Working days `day` is past `due` (0 when not past it). A day off after the due date
    still counts as late: at least 1."""
    if day <= due:
        return 0
    return max(1, calendar.working_days_between(due, day))


@dataclass(frozen=True)
class ClockState:
    rule: str
    limit_days: int
    event_date: dt.date
    due_date: dt.date
    posted_on: dt.date | None
    status: str
    late_days: int = 0
    days_left: int | None = None  # working days until the due date, when not posted

    @property
    def label(self) -> str:
        if self.status == Status.LATE:
            return ngettext(
                "trễ %(days)d ngày làm việc", "trễ %(days)d ngày làm việc", self.late_days
            ) % {"days": self.late_days}
        if self.status == Status.OVERDUE:
            return ngettext(
                "quá hạn chưa đăng (%(days)d ngày làm việc)",
                "quá hạn chưa đăng (%(days)d ngày làm việc)",
                self.late_days,
            ) % {"days": self.late_days}
        return str(STATUS_LABELS[self.status])

    @property
    def is_problem(self) -> bool:
        return self.status in (Status.LATE, Status.OVERDUE)


def clock_state(
    rule: str, limit_days: int, event: dt.date, posted_on: dt.date | None, today: dt.date,
    calendar: WorkingCalendar, soon_days: int = 3,
) -> ClockState:
    due = due_date(event, limit_days, calendar)
    if posted_on is not None:
        late = late_by(due, posted_on, calendar)
        status = Status.LATE if late else Status.ON_TIME
        return ClockState(rule, limit_days, event, due, posted_on, status, late)
    if today > due:
        return ClockState(
            rule, limit_days, event, due, None, Status.OVERDUE, late_by(due, today, calendar)
        )
    left = calendar.working_days_between(today, due)
    status = Status.DUE_SOON if left <= soon_days else Status.PENDING
    return ClockState(rule, limit_days, event, due, None, status, 0, left)


def posted_on(page: Any) -> dt.date | None:
    first = getattr(page, "first_published_at", None)
    return timezone.localtime(first).date() if first else None


def rule_label(key: str) -> str:
    spec = rules.RULES_BY_KEY.get(key)
    return str(spec.label) if spec else key
