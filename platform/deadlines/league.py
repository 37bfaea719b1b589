"""The province's league table: every portal's posting record, read from the ledger.

One aggregate query for the table (plus one for the portals), one for the monthly chart,
whatever the number of portals and items: see benchmarks/league_table.py.

Counted over the clocks due in the period: *posted* items (pages and obligations), those
posted on time and late, those *overdue now* (not posted, due date passed). *On time %* is
on time ÷ (posted + overdue): an item not yet due and not posted is not counted either way.
*Q&A on time %* likewise over questions answered or past their deadline. *Stale sections*
are kept-current sections untouched longer than the threshold today, whatever the period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone

from tenants.models import Portal

from .province.models import ClockRecord

K = ClockRecord.Kind
POSTING_KINDS = (K.PAGE, K.OBLIGATION)


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date

    @classmethod
    def last_months(cls, today: dt.date, months: int = 12) -> Period:
        year, month = today.year, today.month - (months - 1)
        while month < 1:
            year, month = year - 1, month + 12
        return cls(dt.date(year, month, 1), today)

    def months(self) -> list[dt.date]:
        result, day = [], self.start.replace(day=1)
        while day <= self.end:
            result.append(day)
            day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return result


@dataclass
class PortalFigures:
    portal: Portal
    posted: int = 0
    on_time: int = 0
    late: int = 0
    overdue: int = 0
    questions: int = 0  # answered or past the deadline
    questions_on_time: int = 0
    stale: int = 0

    @staticmethod
    def _percent(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def on_time_percent(self) -> float | None:
        return self._percent(self.on_time, self.posted + self.overdue)

    @property
    def questions_percent(self) -> float | None:
        return self._percent(self.questions_on_time, self.questions)


def member_portals(kind: str | None = None):
    portals = Portal.objects.filter(status=Portal.Status.ACTIVE).exclude(kind=Portal.Kind.PLATFORM)
    if kind:
        portals = portals.filter(kind=kind)
    return portals.order_by("kind", "name")


def league_table(
    period: Period, kind: str | None = None, today: dt.date | None = None
) -> list[PortalFigures]:
    today = today or timezone.localdate()
    portals = list(member_portals(kind))
    in_period = Q(due_date__range=(period.start, period.end))
    posting = in_period & Q(kind__in=POSTING_KINDS)
    posted = posting & Q(posted_on__isnull=False)
    overdue = Q(posted_on__isnull=True, due_date__lt=today)
    question = in_period & Q(kind=K.QUESTION)
    rows = (
        ClockRecord.objects.filter(portal__in=[p.pk for p in portals])
        .values("portal_id")
        .annotate(
            posted=Count("pk", filter=posted),
            on_time=Count("pk", filter=posted & Q(late_days=0)),
            late=Count("pk", filter=posted & Q(late_days__gt=0)),
            overdue=Count("pk", filter=posting & overdue),
            questions=Count("pk", filter=question & (Q(posted_on__isnull=False) | overdue)),
            questions_on_time=Count("pk", filter=question & Q(posted_on__isnull=False, late_days=0)),
            stale=Count("pk", filter=Q(kind=K.SECTION, due_date__lt=today)),
        )
    )
    figures = {p.pk: PortalFigures(p) for p in portals}
    for row in rows:
        target = figures[row.pop("portal_id")]
        for name, value in row.items():
            setattr(target, name, value)
    return list(figures.values())


SORTS = {
    "ten": lambda f: f.portal.name,
    "da-dang": lambda f: f.posted,
    "dung-han": lambda f: -1 if f.on_time_percent is None else f.on_time_percent,
    "tre-han": lambda f: f.late,
    "qua-han": lambda f: f.overdue,
    "hoi-dap": lambda f: -1 if f.questions_percent is None else f.questions_percent,
    "chuyen-muc": lambda f: f.stale,
}


def sort_figures(figures: list[PortalFigures], key: str) -> tuple[list[PortalFigures], str]:
    """Sorted by `key` (`-key` descending); an unknown key sorts by name."""
    name = key.lstrip("-")
    if name not in SORTS:
        return sorted(figures, key=SORTS["ten"]), "ten"
    return sorted(figures, key=SORTS[name], reverse=key.startswith("-")), key


def monthly_on_time(period: Period, portals: list[Portal], today: dt.date | None = None) -> dict:
    """{portal id: {first day of month: on-time % or None}} by due month, one query."""
    today = today or timezone.localdate()
    posting = Q(kind__in=POSTING_KINDS, due_date__range=(period.start, period.end))
    counted = Q(posted_on__isnull=False) | Q(due_date__lt=today)
    rows = (
        ClockRecord.objects.filter(posting, counted, portal__in=[p.pk for p in portals])
        .annotate(month=TruncMonth("due_date"))
        .values("portal_id", "month")
        .annotate(total=Count("pk"), on_time=Count("pk", filter=Q(posted_on__isnull=False, late_days=0)))
    )
    result: dict[int, dict[dt.date, float | None]] = {p.pk: {} for p in portals}
    for row in rows:
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        result[row["portal_id"]][month] = round(100 * row["on_time"] / row["total"], 1)
    return result


def portal_records(portal: Portal, period: Period):
    """The clocks behind a portal's figures, for the drill-down."""
    return ClockRecord.objects.filter(portal=portal).filter(
        Q(due_date__range=(period.start, period.end)) | Q(kind=K.SECTION)
    ).order_by("kind", "-due_date", "pk")
