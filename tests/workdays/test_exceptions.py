"""Days off and make-up days kept by the board; the province's apply to its members."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from accounts.roles import APPROVER, CONTRIBUTOR
from tests.support.portals import client_for
from workdays.models import CalendarException, calendar_for_schema

# Named explicitly: the first configured backend may not load users.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def test_province_exceptions_reach_member_portals(province, portal_a, portal_b):
    with schema_context(province.schema_name):
        CalendarException.objects.create(date=dt.date(2026, 3, 9), kind="day_off", note="Nghỉ")
        CalendarException.objects.create(date=dt.date(2026, 3, 14), kind="working_day")
    with schema_context(portal_a.schema_name):
        # The department works on the 9th although the province is off.
        CalendarException.objects.create(date=dt.date(2026, 3, 9), kind="working_day")
    member = calendar_for_schema(portal_b.schema_name)
    assert not member.is_working_day(dt.date(2026, 3, 9))
    assert member.is_working_day(dt.date(2026, 3, 14))
    own = calendar_for_schema(portal_a.schema_name)
    assert own.is_working_day(dt.date(2026, 3, 9))
    assert own.is_working_day(dt.date(2026, 3, 14))
    with schema_context(province.schema_name):
        assert not calendar_for_schema().is_working_day(dt.date(2026, 3, 9))


def test_board_member_records_a_day_off_in_the_admin(portal_a, make_local_user):
    board = make_local_user(portal_a, "bbt.lich", APPROVER)
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(board, backend=MODEL_BACKEND)
    url = "/admin/snippets/workdays/calendarexception/add/"
    response = client.post(url, {"date": "2026-03-09", "kind": "day_off", "note": "Nghỉ bù"})
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(portal_a.schema_name):
        assert CalendarException.objects.get(date=dt.date(2026, 3, 9)).kind == "day_off"


def test_contributor_cannot_change_the_calendar(portal_a, make_local_user):
    user = make_local_user(portal_a, "ctv.lich", CONTRIBUTOR)
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user, backend=MODEL_BACKEND)
    response = client.post(
        "/admin/snippets/workdays/calendarexception/add/",
        {"date": "2026-03-09", "kind": "day_off"},
    )
    assert response.status_code in (302, 403)
    with schema_context(portal_a.schema_name):
        assert not CalendarException.objects.exists()
