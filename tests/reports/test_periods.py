"""Reporting periods, their keys and due dates (settings with the regulations' defaults)."""

from __future__ import annotations

import datetime as dt

import pytest

from console.reports import _default
from reports.periods import Kind, ReportPeriod

D = dt.date


def test_periods_their_bounds_keys_and_due_dates(settings):
    third = ReportPeriod(Kind.QUARTER, 2026, 3)
    assert (third.start, third.end, third.key, third.label) == (
        D(2026, 7, 1), D(2026, 9, 30), "2026-q3", "quý III năm 2026"
    )
    assert third.due_date() == D(2026, 10, 15)
    assert ReportPeriod(Kind.QUARTER, 2026, 4).due_date() == D(2027, 1, 15)
    second_half = ReportPeriod(Kind.HALF, 2026, 2)
    assert (second_half.start, second_half.end, second_half.label) == (
        D(2026, 7, 1), D(2026, 12, 31), "6 tháng cuối năm 2026"
    )
    year = ReportPeriod(Kind.YEAR, 2026)
    assert (year.due_date(), year.due_date(province=True)) == (D(2026, 11, 15), D(2026, 11, 30))
    assert year.cutoff(D(2026, 11, 10)) == D(2026, 11, 10)  # the year is not over
    settings.CONG_REPORT_DUE_DAY = 10
    assert third.due_date() == D(2026, 10, 10)
    for key in ("2026-q3", "2026-h2", "2026-nam"):
        assert ReportPeriod.from_key(key).key == key
    for bad in ("2026-q5", "2026-h0", "x-q1", "", "1999-nam", "2026-q"):
        with pytest.raises(ValueError):
            ReportPeriod.from_key(bad)


def test_the_console_opens_on_the_latest_period_ended(settings):
    settings.CONG_REPORT_KINDS = ["quarter", "year"]
    assert _default(D(2026, 12, 3)) == ReportPeriod(Kind.QUARTER, 2026, 3)
    assert _default(D(2027, 1, 5)) == ReportPeriod(Kind.QUARTER, 2026, 4)
    settings.CONG_REPORT_KINDS = ["half", "year"]
    assert _default(D(2027, 1, 5)) == ReportPeriod(Kind.HALF, 2026, 2)
