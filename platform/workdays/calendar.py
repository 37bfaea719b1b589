"""Working days of Vietnamese state agencies, in plain Python.

A day is a working day unless it is a Saturday or Sunday or a public holiday, with two kinds
of exceptions: days off the government or the province adds (bridge days, local events) and
Saturdays worked to make up for a bridge day.

Public holidays come from the `holidays` package (Labour Code art. 112: New Year, the lunar
Tết days off, Hùng Kings' day, 30/4, 1/5, National Day, and the "observed" days when a holiday
falls on a weekend). Its Tết lists were checked against the Prime Minister's decisions for
2024–2026 and match them day for day; it also knows the national make-up Saturdays of those
years (e.g. 26/04/2025, 22/08/2026). A year whose official schedule differs is corrected with
`CalendarException` rows in the province portal, which every member portal inherits.

Time limits (REQUIREMENTS.md §4, Q&A) are counted from 08:00 on working days: a question
received after 17:00, on a weekend or on a holiday starts counting at 08:00 of the next working
day; the day counting starts on is working day 1, and the deadline is 17:00 of day N.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

WORK_START = dt.time(8, 0)
WORK_END = dt.time(17, 0)
LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Safety stop for loops over days: no stretch of days off is this long.
_MAX_SCAN_DAYS = 3660


@lru_cache(maxsize=64)
def _national(year: int) -> tuple[dict[dt.date, str], frozenset[dt.date]]:
    """The public holidays (date → Vietnamese name) and make-up Saturdays of one year."""
    calendar = holidays.country_holidays("VN", years=year, language="vi")
    days_off = {day: name for day, name in calendar.items() if day.year == year}
    makeup = frozenset(day for day in calendar.weekend_workdays if day.year == year)
    return days_off, makeup


def public_holidays(year: int) -> dict[dt.date, str]:
    """Vietnam's public holidays of `year` with their Vietnamese names."""
    return dict(_national(year)[0])


@dataclass(frozen=True)
class WorkingCalendar:
    """The national calendar plus one portal's own exceptions."""

    extra_days_off: frozenset[dt.date] = field(default_factory=frozenset)
    extra_working_days: frozenset[dt.date] = field(default_factory=frozenset)

    @classmethod
    def with_exceptions(
        cls, days_off: Iterable[dt.date] = (), working_days: Iterable[dt.date] = ()
    ) -> WorkingCalendar:
        return cls(frozenset(days_off), frozenset(working_days))

    def is_public_holiday(self, day: dt.date) -> bool:
        return day in _national(day.year)[0]

    def is_working_day(self, day: dt.date) -> bool:
        # The portal's own decision wins over the national calendar.
        if day in self.extra_working_days:
            return True
        if day in self.extra_days_off:
            return False
        days_off, makeup = _national(day.year)
        if day in makeup:
            return True
        return day.weekday() < 5 and day not in days_off

    def next_working_day(self, day: dt.date) -> dt.date:
        """The first working day strictly after `day`."""
        for _step in range(_MAX_SCAN_DAYS):
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise ValueError("no working day found")

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: how many are left from `start` until `end`."""
        if end <= start:
            return -self.working_days_between(end, start) if end < start else 0
        count, day = 0, start
        while day < end:
            day += dt.timedelta(days=1)
            count += self.is_working_day(day)
        return count


NATIONAL = WorkingCalendar()


def to_local(moment: dt.datetime) -> dt.datetime:
    """An aware datetime in Vietnam's time zone (naive values are taken as local time)."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=LOCAL_TZ)
    return moment.astimezone(LOCAL_TZ)


def counting_start(received_at: dt.datetime, calendar: WorkingCalendar = NATIONAL) -> dt.datetime:
    """When a time limit starts to run for something received at `received_at`."""
    local = to_local(received_at)
    day = local.date()
    if calendar.is_working_day(day) and local.time() < WORK_END:
        if local.time() < WORK_START:
            return dt.datetime.combine(day, WORK_START, tzinfo=LOCAL_TZ)
        return local
    return dt.datetime.combine(calendar.next_working_day(day), WORK_START, tzinfo=LOCAL_TZ)


def add_working_days(
    received_at: dt.datetime, days: int, calendar: WorkingCalendar = NATIONAL
) -> dt.datetime:
    """The deadline of a `days`-working-day limit for something received at `received_at`:
    17:00 (Vietnam time) of the `days`-th working day, counting the day counting starts on
    as day 1."""
    if days < 1:
        raise ValueError("days must be at least 1")
    day = counting_start(received_at, calendar).date()
    for _n in range(days - 1):
        day = calendar.next_working_day(day)
    return dt.datetime.combine(day, WORK_END, tzinfo=LOCAL_TZ)


def working_days_left(now: dt.datetime, deadline: dt.datetime, calendar: WorkingCalendar = NATIONAL) -> int:
    """Working days from `now` to `deadline`, today included when it is a working day;
    0 on the deadline's own day before it passes, negative once it has passed."""
    now_local, deadline_local = to_local(now), to_local(deadline)
    if now_local > deadline_local:
        return -max(1, calendar.working_days_between(deadline_local.date(), now_local.date()))
    return calendar.working_days_between(now_local.date(), deadline_local.date())
