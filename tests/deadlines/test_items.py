"""Every mandated item knows its clock: the ledger, the editor's panel, the admin listing,
the public line — and a portal's editors see only their own portal's clocks."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.utils import timezone

from deadlines.province.models import ClockRecord
from tests.deadlines.helpers import planning_item
from tests.support.admin import admin_client
from tests.support.portals import client_for

D = dt.date


def test_a_late_item_shows_late_by_n_working_days_in_the_editor_and_the_listing(
    portal_a, make_local_user
):
    with schema_context(portal_a.schema_name):
        # Approved 12/02/2026, due 03/03/2026 (Tết in between), posted Friday 06/03/2026.
        page = planning_item("Kế hoạch sử dụng đất năm 2026", D(2026, 2, 12), D(2026, 3, 6))
    record = ClockRecord.objects.get(portal=portal_a, kind="page", object_id=page.pk)
    assert (record.due_date, record.posted_on, record.late_days) == (
        D(2026, 3, 3), D(2026, 3, 6), 3
    )
    client = admin_client(portal_a)
    editor = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "trễ 3 ngày làm việc" in editor and "03/03/2026" in editor
    listing = client.get("/admin/thoi-han/?tinh-trang=late").content.decode()
    assert "Kế hoạch sử dụng đất năm 2026" in listing and "trễ 3 ngày làm việc" in listing


def test_a_draft_past_its_due_date_is_overdue_and_deleting_it_forgets_it(portal_a):
    with schema_context(portal_a.schema_name):
        page = planning_item("Quy hoạch chưa đăng", D(2026, 1, 5), None)
    record = ClockRecord.objects.get(portal=portal_a, object_id=page.pk, kind="page")
    assert record.posted_on is None and record.due_date == D(2026, 1, 15)
    with schema_context(portal_a.schema_name):
        page.delete()
    assert not ClockRecord.objects.filter(portal=portal_a, object_id=page.pk, kind="page").exists()


def test_publishing_records_the_first_publication(portal_a):
    with schema_context(portal_a.schema_name):
        page = planning_item("Quy hoạch vừa duyệt", D(2026, 11, 30), None)
        page.save_revision().publish()
        page.refresh_from_db()
        posted = page.first_published_at
    record = ClockRecord.objects.get(portal=portal_a, object_id=page.pk, kind="page")
    assert record.posted_on == timezone.localtime(posted).date()
    assert record.late_days == 0


def test_the_public_line_shows_only_when_the_portal_wants_it(portal_a):
    from deadlines.models import DeadlineSettings

    with schema_context(portal_a.schema_name):
        planning_item("Quy hoạch A", D(2026, 2, 12), D(2026, 3, 2), slug="quy-hoach-a")
    url = "/quy-hoach-ke-hoach/quy-hoach-a/"
    assert "hạn đăng" not in client_for(portal_a).get(url).content.decode()
    with schema_context(portal_a.schema_name):
        settings = DeadlineSettings.current()
        settings.show_on_public_pages = True
        settings.save()
    html = client_for(portal_a).get(url).content.decode()
    assert "Đăng ngày 02/03/2026 · hạn đăng 03/03/2026" in html


def test_an_editor_of_one_portal_never_sees_another_portals_clocks(
    portal_a, portal_b, make_local_user
):
    with schema_context(portal_a.schema_name):
        planning_item("Quy hoạch riêng của Sở A", D(2026, 2, 12), None)
    with schema_context(portal_b.schema_name):
        planning_item("Quy hoạch riêng của Xã B", D(2026, 2, 12), None)
    editor_b = make_local_user(portal_b, "bientap.xab", "Biên tập viên")
    client = client_for(portal_b)
    with schema_context(portal_b.schema_name):
        client.force_login(editor_b)
    listing = client.get("/admin/thoi-han/").content.decode()
    assert "Quy hoạch riêng của Xã B" in listing
    assert "Quy hoạch riêng của Sở A" not in listing
    dashboard = admin_client(portal_b, "truongban.xab").get("/admin/").content.decode()
    assert "Quy hoạch riêng của Xã B" in dashboard and "Sở A" not in dashboard
