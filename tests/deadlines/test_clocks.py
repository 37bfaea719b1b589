"""Due dates on the working-day calendar: Tết, national make-up Saturdays, the province's
own days, and how late an item is."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from deadlines import rules
from deadlines.clocks import Status, clock_state, due_date
from workdays.calendar import NATIONAL, WorkingCalendar

D = dt.date


def test_a_limit_running_into_tet_skips_the_holiday_week():
    # Approved on Thursday 12/02/2026; Tết closes offices 16–20/02 (and the weekends around).
    # 8 working days: 13/02, then 23, 24, 25, 26, 27/02, 02/03, 03/03.
    assert due_date(D(2026, 2, 12), 8, NATIONAL) == D(2026, 3, 3)
    # Lai Châu's 2 days for the issuing agency: 13/02 and, after Tết, 23/02.
    assert due_date(D(2026, 2, 12), 2, NATIONAL) == D(2026, 2, 23)


def test_a_national_make_up_saturday_counts_and_its_day_off_does_not():
    # Saturday 22/08/2026 is worked to make up for Monday 31/08/2026 (off).
    assert due_date(D(2026, 8, 20), 2, NATIONAL) == D(2026, 8, 22)
    # From Friday 28/08: 31/08 off, 01–02/09 National Day, so 03/09 and 04/09.
    assert due_date(D(2026, 8, 28), 2, NATIONAL) == D(2026, 9, 4)


def test_the_provinces_own_days_off_and_make_up_days_count():
    calendar = WorkingCalendar.with_exceptions(
        days_off=[D(2026, 3, 4)], working_days=[D(2026, 3, 7)]
    )
    # From Monday 02/03: 03/03, (04/03 off), 05/03, 06/03, Saturday 07/03 worked.
    assert due_date(D(2026, 3, 2), 4, calendar) == D(2026, 3, 7)


def test_late_by_n_working_days_counts_only_working_days():
    # Due Tuesday 03/03/2026, posted Friday 06/03: three working days late.
    state = clock_state(rules.PLANNING, 8, D(2026, 2, 12), D(2026, 3, 6), D(2026, 3, 10), NATIONAL)
    assert state.due_date == D(2026, 3, 3)
    assert state.status == Status.LATE and state.late_days == 3
    assert state.label == "trễ 3 ngày làm việc"
    # Posted on the Saturday after a Friday due date: late, by at least one day.
    saturday = clock_state(rules.LEGAL_ISSUER, 1, D(2026, 3, 5), D(2026, 3, 7), D(2026, 3, 9), NATIONAL)
    assert saturday.due_date == D(2026, 3, 6) and saturday.late_days == 1
    # On the due date itself: on time.
    on_time = clock_state(rules.PLANNING, 8, D(2026, 2, 12), D(2026, 3, 3), D(2026, 3, 10), NATIONAL)
    assert on_time.status == Status.ON_TIME and on_time.label == "đúng hạn"


def test_unposted_items_are_due_soon_then_overdue():
    soon = clock_state(rules.PLANNING, 8, D(2026, 2, 12), None, D(2026, 2, 27), NATIONAL, soon_days=3)
    assert soon.status == Status.DUE_SOON and soon.days_left == 2
    early = clock_state(rules.PLANNING, 8, D(2026, 2, 12), None, D(2026, 2, 13), NATIONAL, soon_days=3)
    assert early.status == Status.PENDING
    overdue = clock_state(rules.PLANNING, 8, D(2026, 2, 12), None, D(2026, 3, 5), NATIONAL)
    assert overdue.status == Status.OVERDUE and overdue.late_days == 2
    assert overdue.label == "quá hạn chưa đăng (2 ngày làm việc)"


def test_a_portal_may_only_tighten_the_provinces_limits(portal_a):
    from django.core.exceptions import ValidationError

    from deadlines.models import DeadlineSettings
    from deadlines.province.models import PostingRule

    PostingRule.objects.create(key=rules.PLANNING, days=10)  # the Kiên Giang figure
    with schema_context(portal_a.schema_name):
        settings = DeadlineSettings.current()
        settings.planning_days = 12
        try:
            settings.full_clean()
        except ValidationError as exc:
            assert "planning_days" in exc.message_dict
        else:
            raise AssertionError("a longer limit than the province's was accepted")
        settings.planning_days = 6
        settings.full_clean()
        settings.save()
        limits = rules.limits_for()
    assert limits[rules.PLANNING] == 6
    assert limits[rules.SCIENCE] == 18  # not recorded: the Lai Châu preset
    assert rules.limits_for(portal_a.schema_name)[rules.PLANNING] == 6
    assert rules.province_limits()[rules.PLANNING] == 10
