"""One reminder digest a day per person: the board and the focal point, not editors."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.core import mail

from deadlines.daily import run_daily
from tests.deadlines.helpers import planning_item

D = dt.date


def test_one_digest_per_person_per_day(portal_a, make_local_user):
    from deadlines.models import DeadlineSettings, ReminderDigest

    approver = make_local_user(portal_a, "pheduyet.soa", "Thành viên Ban Biên tập", email="pd@soa.vn")
    make_local_user(portal_a, "truongban.soa", "Trưởng Ban Biên tập", email="tb@soa.vn")
    make_local_user(portal_a, "bientap.soa", "Biên tập viên", email="bt@soa.vn")
    focal = make_local_user(portal_a, "daumoi.soa", email="dm@soa.vn")
    with schema_context(portal_a.schema_name):
        settings = DeadlineSettings.current()
        settings.focal_point = focal
        settings.save()
        # Due Thursday 10/12/2026 (8 working days after 30/11): on Monday 07/12, 3 days left.
        planning_item("Quy hoạch sắp đến hạn", D(2026, 11, 30), None)
        planning_item("Quy hoạch quá hạn", D(2026, 10, 1), None)
        planning_item("Quy hoạch chưa đến hạn", D(2026, 12, 4), None)

    mail.outbox.clear()
    run_daily(portal_a.schema_name, D(2026, 12, 7))
    assert sorted(m.to[0] for m in mail.outbox) == ["dm@soa.vn", "pd@soa.vn", "tb@soa.vn"]
    body = mail.outbox[0].body
    assert "Quy hoạch sắp đến hạn" in body and "Quy hoạch quá hạn" in body
    assert "Quy hoạch chưa đến hạn" not in body
    assert mail.outbox[0].subject.startswith("[Sở A] Nhắc thời hạn đăng tin ngày 07/12/2026")

    run_daily(portal_a.schema_name, D(2026, 12, 7))  # again the same day: nothing new
    assert len(mail.outbox) == 3
    with schema_context(portal_a.schema_name):
        assert ReminderDigest.objects.filter(user=approver, day=D(2026, 12, 7), sent=True).count() == 1

    run_daily(portal_a.schema_name, D(2026, 12, 8))  # the next day: one more each
    assert len(mail.outbox) == 6
    run_daily(portal_a.schema_name, D(2026, 12, 12))  # a Saturday: none
    assert len(mail.outbox) == 6
