"""Deadline arithmetic: weekends, Tết, make-up Saturdays, extra days off, after-hours receipt."""

from __future__ import annotations

import datetime as dt

import pytest

from workdays.calendar import (
    LOCAL_TZ,
    NATIONAL,
    WorkingCalendar,
    add_working_days,
    counting_start,
    public_holidays,
    working_days_left,
)


def at(y: int, m: int, d: int, hh: int = 9, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=LOCAL_TZ)


def deadline_day(received: dt.datetime, days: int, calendar: WorkingCalendar = NATIONAL) -> dt.date:
    result = add_working_days(received, days, calendar)
    assert result.time() == dt.time(17, 0) and result.utcoffset() == dt.timedelta(hours=7)
    return result.date()


def test_a_weekday_in_working_hours_counts_as_day_one():
    # Monday 2 March 2026, 09:00: 15 working days end on Friday 20 March.
    assert deadline_day(at(2026, 3, 2), 15) == dt.date(2026, 3, 20)
    assert deadline_day(at(2026, 3, 2), 1) == dt.date(2026, 3, 2)


def test_before_eight_starts_at_eight_the_same_day():
    assert counting_start(at(2026, 3, 2, 6, 30)) == at(2026, 3, 2, 8, 0)


def test_weekends_are_skipped():
    assert deadline_day(at(2026, 3, 7, 10), 1) == dt.date(2026, 3, 9)  # Saturday → Monday
    assert deadline_day(at(2026, 3, 8, 10), 1) == dt.date(2026, 3, 9)  # Sunday → Monday
    assert deadline_day(at(2026, 3, 5), 3) == dt.date(2026, 3, 9)  # Thu, Fri, Mon


def test_received_friday_at_five_starts_on_monday():
    assert counting_start(at(2026, 3, 6, 17, 0)) == at(2026, 3, 9, 8, 0)
    assert deadline_day(at(2026, 3, 6, 17, 0), 1) == dt.date(2026, 3, 9)
    # A minute earlier, Friday itself is day 1.
    assert deadline_day(at(2026, 3, 6, 16, 59), 1) == dt.date(2026, 3, 6)
    assert deadline_day(at(2026, 3, 6, 16, 59), 2) == dt.date(2026, 3, 9)


def test_tet_2026_days_off():
    holidays_2026 = public_holidays(2026)
    tet = [dt.date(2026, 2, d) for d in (16, 17, 18, 19, 20)]
    assert all(day in holidays_2026 for day in tet)
    assert not any(NATIONAL.is_working_day(day) for day in tet)
    # Friday 13 Feb is day 1; the nine days off (14–22 Feb) are skipped.
    assert deadline_day(at(2026, 2, 13, 10), 2) == dt.date(2026, 2, 23)
    assert deadline_day(at(2026, 2, 13, 10), 15) == dt.date(2026, 3, 12)
    # Received during Tết: counting starts on Monday 23 February.
    assert counting_start(at(2026, 2, 17, 10)) == at(2026, 2, 23, 8, 0)


def test_tet_2027_days_off():
    off = [dt.date(2027, 2, d) for d in (4, 5, 8, 9, 10)]
    assert not any(NATIONAL.is_working_day(day) for day in off)
    # Wednesday 3 Feb after hours: the next working day is Thursday 11 Feb.
    assert deadline_day(at(2027, 2, 3, 18), 1) == dt.date(2027, 2, 11)
    assert deadline_day(at(2027, 2, 3, 10), 2) == dt.date(2027, 2, 11)


def test_received_on_a_public_holiday():
    # 30/4 and 1/5/2026 are Thursday and Friday, then a weekend.
    assert counting_start(at(2026, 4, 30, 9)) == at(2026, 5, 4, 8, 0)
    assert deadline_day(at(2026, 4, 30, 9), 1) == dt.date(2026, 5, 4)
    # Hùng Kings' day falls on Sunday 26/4/2026 and is observed on Monday 27/4.
    assert deadline_day(at(2026, 4, 24, 17, 30), 1) == dt.date(2026, 4, 28)


def test_national_make_up_saturday_is_a_working_day():
    # 22/08/2026 is worked to bridge to National Day (31/8 off, then 1–2/9).
    assert NATIONAL.is_working_day(dt.date(2026, 8, 22))
    assert deadline_day(at(2026, 8, 21, 17, 30), 1) == dt.date(2026, 8, 22)
    assert deadline_day(at(2026, 8, 28, 10), 2) == dt.date(2026, 9, 3)


def test_portal_make_up_saturday():
    calendar = WorkingCalendar.with_exceptions(working_days=[dt.date(2026, 3, 7)])
    assert calendar.is_working_day(dt.date(2026, 3, 7))
    assert deadline_day(at(2026, 3, 6, 18), 1, calendar) == dt.date(2026, 3, 7)
    assert deadline_day(at(2026, 3, 6, 10), 3, calendar) == dt.date(2026, 3, 9)


def test_portal_extra_day_off():
    calendar = WorkingCalendar.with_exceptions(days_off=[dt.date(2026, 3, 9)])
    assert deadline_day(at(2026, 3, 6, 18), 1, calendar) == dt.date(2026, 3, 10)
    assert deadline_day(at(2026, 3, 2), 15, calendar) == dt.date(2026, 3, 23)


def test_naive_and_utc_times_are_read_as_vietnam_time():
    naive = dt.datetime(2026, 3, 6, 17, 30)
    assert deadline_day(naive, 1) == dt.date(2026, 3, 9)
    utc = dt.datetime(2026, 3, 6, 10, 30, tzinfo=dt.UTC)  # 17:30 in Hà Nội
    assert deadline_day(utc, 1) == dt.date(2026, 3, 9)


def test_days_must_be_positive():
    with pytest.raises(ValueError):
        add_working_days(at(2026, 3, 2), 0)


def test_working_days_left():
    deadline = add_working_days(at(2026, 3, 2), 15)
    assert working_days_left(at(2026, 3, 18), deadline) == 2
    assert working_days_left(at(2026, 3, 20, 9), deadline) == 0
    assert working_days_left(at(2026, 3, 24, 9), deadline) < 0
