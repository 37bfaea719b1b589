"""Admin wiring of the account rules: own-account pages, lockouts, the audit trail, and
the refusal to delete users."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from accounts import lockout, security
from accounts.audit import Action, record
from accounts.views import audit as audit_views
from accounts.views import security as security_views

User = get_user_model()


@hooks.register("register_admin_urls")
def account_urls():
    return [
        path("tai-khoan/doi-mat-khau/", security_views.change_password, name="accounts_change_password"),
        path("tai-khoan/xac-thuc/", security_views.otp_verify, name="accounts_otp_verify"),
        path("tai-khoan/hai-buoc/", security_views.otp_setup, name="accounts_otp_setup"),
        path("tai-khoan/ma-khoi-phuc/", security_views.recovery_codes, name="accounts_recovery_codes"),
        path("tai-khoan/khoa-dang-nhap/", security_views.lockouts, name="accounts_lockouts"),
        path("tai-khoan/khoa-dang-nhap/<int:pk>/mo-khoa/", security_views.unlock, name="accounts_unlock"),
        path("nhat-ky/", audit_views.audit_log, name="accounts_audit_log"),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return security.can_read_audit(request.user)


class ManagerMenuItem(MenuItem):
    def is_shown(self, request):
        return security.can_manage_accounts(request.user)


@hooks.register("register_settings_menu_item")
def audit_menu_item():
    return AuditMenuItem(_("Nhật ký hệ thống"), reverse("accounts_audit_log"), icon_name="history", order=650)


@hooks.register("register_settings_menu_item")
def lockouts_menu_item():
    return ManagerMenuItem(_("Khoá đăng nhập"), reverse("accounts_lockouts"), icon_name="lock", order=640)


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    if not (security.is_local_password_user(request.user) or security.is_mapped(request.user)):
        return None
    return {
        "url": reverse("accounts_otp_setup"),
        "label": _("Xác thực hai bước"),
        "help_text": _("Dùng ứng dụng xác thực trên điện thoại để đăng nhập an toàn hơn."),
    }


@hooks.register("register_account_menu_item")
def change_password_account_item(request):
    if not security.is_local_password_user(request.user):
        return None
    return {
        "url": reverse("accounts_change_password"),
        "label": _("Đổi mật khẩu"),
        "help_text": _("Mật khẩu phải đổi định kỳ theo chính sách tài khoản của cổng."),
    }


@hooks.register("register_user_listing_buttons")
def unlock_button(user, request_user):
    if not security.can_manage_accounts(request_user):
        return []
    locks = [
        lock for lock in lockout.active_lockouts(user.get_username(), None)
        if lock.scope == lock.Scope.ACCOUNT
    ]
    if not locks:
        return []
    return [
        Button(
            _("Mở khoá đăng nhập"),
            reverse("accounts_lockouts"),
            icon_name="lock-open",
            priority=5,
        )
    ]


@hooks.register("before_bulk_action")
def refuse_bulk_user_deletion(request, action_type, objects, action_class_instance):
    if action_type == "delete" and getattr(action_class_instance, "model", None) is User:
        for user in objects:
            record(Action.USER_DELETE_REFUSED, target=user.get_username(), detail="xoá hàng loạt")
        raise PermissionDenied


@hooks.register("after_bulk_action")
def audit_bulk_user_changes(request, action_type, objects, action_class_instance):
    """Activating/deactivating in bulk uses a queryset update: no model signal to catch it."""
    if getattr(action_class_instance, "model", None) is not User or action_type != "set_active_state":
        return
    for user in objects:
        user.refresh_from_db(fields=["is_active"])
        record(
            Action.USER_ACTIVATED if user.is_active else Action.USER_DEACTIVATED,
            target=user.get_username(),
            detail="thao tác hàng loạt",
        )
