"""Citizen-facing snippets (the leaders' schedule) also wait for the board's approval."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.contenttypes.models import ContentType

from wagtail.models import WorkflowState

from accounts import roles
from tests.support.portals import client_for

WEEK_URL = "/chi-dao-dieu-hanh/lich-cong-tac/?tuan=2026-W20"
ADD_URL = "/admin/snippets/direction/scheduleentry/add/"


def entry_form(**extra) -> dict:
    return {
        "kind": "cong-tac",
        "date": "2026-05-12",
        "start_time": "08:00",
        "end_time": "10:00",
        "leader": "Đồng chí Giám đốc Sở",
        "content": "Họp triển khai kế hoạch tháng Năm",
        "place": "Phòng họp tầng 2",
        "participants": "Lãnh đạo các phòng",
        **extra,
    }


def logged_in(portal, user):
    browser = client_for(portal)
    with schema_context(portal.schema_name):
        browser.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return browser


def test_schedule_entry_goes_public_only_after_approval(portal_a, make_local_user):
    from direction.models import ScheduleEntry

    editor = logged_in(portal_a, make_local_user(portal_a, "btv.lich", roles.EDITOR))
    approver = logged_in(portal_a, make_local_user(portal_a, "duyet.lich", roles.APPROVER))

    # The editor cannot publish directly: "publish" just saves a draft.
    editor.post(ADD_URL, entry_form(content="Tự đăng lịch", **{"action-publish": "publish"}))
    with schema_context(portal_a.schema_name):
        assert not ScheduleEntry.objects.get(content="Tự đăng lịch").live

    response = editor.post(ADD_URL, entry_form(**{"action-submit": "submit"}))
    assert response.status_code == 302
    with schema_context(portal_a.schema_name):
        entry = ScheduleEntry.objects.get(content="Họp triển khai kế hoạch tháng Năm")
        assert not entry.live
        state = WorkflowState.objects.get(
            base_content_type=ContentType.objects.get_for_model(ScheduleEntry),
            object_id=str(entry.pk),
            status="in_progress",
        )
        task_state = state.current_task_state
    html = client_for(portal_a).get(WEEK_URL).content.decode()
    assert "Họp triển khai kế hoạch tháng Năm" not in html
    assert "Tự đăng lịch" not in html

    approve = (
        f"/admin/snippets/direction/scheduleentry/workflow/action/{entry.pk}/approve/{task_state.pk}/"
    )
    assert approver.post(approve, {"comment": "", "confirmed": "on"}).status_code == 302
    with schema_context(portal_a.schema_name):
        assert ScheduleEntry.objects.get(pk=entry.pk).live
    html = client_for(portal_a).get(WEEK_URL).content.decode()
    assert "Họp triển khai kế hoạch tháng Năm" in html
    assert "Tự đăng lịch" not in html
