"""Reporting periods: a quarter, a half-year or a year, and their due dates.

Due dates are settings (defaults from the regulations, docs/architecture.md "Periodic
reports"):
- `CONG_REPORT_DUE_DAY` (15): quarterly and half-yearly reports by that day of the month
  after the period (Lai Châu art. 26);
- `CONG_REPORT_YEAR_DUE` ((11, 15)): a member's yearly report by 15 November, so that the
  province can consolidate and report to the Ministry before 1 December (Decree 43 art. 30);
- `CONG_REPORT_YEAR_DUE_PROVINCE` ((11, 30)): the province's yearly report to the Ministry;
- `CONG_REPORT_KINDS` (("quarter", "year")): the periods the province requires;
- `CONG_REPORT_REMIND_DAYS` (5): reminders start that many days before a due date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUARTER = "quarter", _("Quý")
    HALF = "half", _("6 tháng")
    YEAR = "year", _("Năm")


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
SPAN = {Kind.QUARTER: 3, Kind.HALF: 6, Kind.YEAR: 12}
COUNT = {Kind.QUARTER: 4, Kind.HALF: 2, Kind.YEAR: 1}


@dataclass(frozen=True)
class ReportPeriod:
    kind: str
    year: int
    number: int = 1

    def __post_init__(self) -> None:
        if self.kind not in SPAN or not 1 <= self.number <= COUNT[self.kind]:
            raise ValueError(f"no such period: {self.kind} {self.number}/{self.year}")

    @property
    def start(self) -> dt.date:
        return dt.date(self.year, 1 + (self.number - 1) * SPAN[self.kind], 1)

    @property
    def end(self) -> dt.date:
        month = self.number * SPAN[self.kind]
        if month == 12:
            return dt.date(self.year, 12, 31)
        return dt.date(self.year, month + 1, 1) - dt.timedelta(days=1)

    @property
    def key(self) -> str:
        """Used in addresses and file names: 2026-q3, 2026-h1, 2026-nam."""
        suffix = {Kind.QUARTER: f"q{self.number}", Kind.HALF: f"h{self.number}", Kind.YEAR: "nam"}
        return f"{self.year}-{suffix[self.kind]}"

    @classmethod
    def from_key(cls, key: str) -> ReportPeriod:
        year, _sep, part = (key or "").partition("-")
        if not year.isdigit() or not 2000 <= int(year) <= 2100:
            raise ValueError(key)
        if part == "nam":
            return cls(Kind.YEAR, int(year))
        kinds = {"q": Kind.QUARTER, "h": Kind.HALF}
        if len(part) == 2 and part[0] in kinds and part[1].isdigit():
            return cls(kinds[part[0]], int(year), int(part[1]))
        raise ValueError(key)

    @property
    def label(self) -> str:
        """Quý III năm 2026 / 6 tháng đầu năm 2026 / năm 2026."""
        if self.kind == Kind.QUARTER:
            return str(_("quý %(n)s năm %(year)d")) % {"n": ROMAN[self.number], "year": self.year}
        if self.kind == Kind.HALF:
            if self.number == 1:
                return str(_("6 tháng đầu năm %(year)d")) % {"year": self.year}
            return str(_("6 tháng cuối năm %(year)d")) % {"year": self.year}
        return str(_("năm %(year)d")) % {"year": self.year}

    def due_date(self, province: bool = False) -> dt.date:
        if self.kind == Kind.YEAR:
            month, day = (
                settings.CONG_REPORT_YEAR_DUE_PROVINCE if province else settings.CONG_REPORT_YEAR_DUE
            )
            return dt.date(self.year, month, day)
        after = self.end + dt.timedelta(days=1)
        return after.replace(day=settings.CONG_REPORT_DUE_DAY)

    def cutoff(self, today: dt.date) -> dt.date:
        """The last day the figures count: the period's end, or today if it is not over (a
        yearly report is due before the year ends)."""
        return min(self.end, today)


def periods_of(kind: str, year: int) -> list[ReportPeriod]:
    return [ReportPeriod(kind, year, n) for n in range(1, COUNT[kind] + 1)]


def required_kinds() -> list[str]:
    return [k for k in settings.CONG_REPORT_KINDS if k in SPAN]


def latest_periods(today: dt.date) -> list[ReportPeriod]:
    """The periods a portal may report on now: those already started, newest first, this
    year and last."""
    found = []
    for year in (today.year, today.year - 1):
        for kind in (Kind.QUARTER, Kind.HALF, Kind.YEAR):
            found += [p for p in periods_of(kind, year) if p.start <= today]
    return sorted(found, key=lambda p: (p.end, SPAN[p.kind]), reverse=True)
