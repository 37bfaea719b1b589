"""The audit trail of one portal: sign-ins, accounts, roles and editorial decisions."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        LOGIN = "login", _("Đăng nhập")
        LOGIN_FAILED = "login_failed", _("Đăng nhập sai")
        LOCKOUT = "lockout", _("Tạm khoá đăng nhập")
        UNLOCK = "unlock", _("Mở khoá đăng nhập")
        LOGOUT = "logout", _("Đăng xuất")
        SESSION_EXPIRED = "session_expired", _("Hết phiên do không thao tác")
        PASSWORD_CHANGED = "password_changed", _("Đổi mật khẩu")
        TWO_FACTOR_ENABLED = "2fa_enabled", _("Bật xác thực hai bước")
        TWO_FACTOR_DISABLED = "2fa_disabled", _("Tắt xác thực hai bước")
        TWO_FACTOR_FAILED = "2fa_failed", _("Sai mã xác thực hai bước")
        RECOVERY_CODE_USED = "recovery_code_used", _("Dùng mã khôi phục")
        RECOVERY_CODES_RENEWED = "recovery_codes_renewed", _("Cấp lại mã khôi phục")
        USER_CREATED = "user_created", _("Tạo tài khoản")
        USER_CHANGED = "user_changed", _("Sửa tài khoản")
        USER_DEACTIVATED = "user_deactivated", _("Vô hiệu hoá tài khoản")
        USER_ACTIVATED = "user_activated", _("Kích hoạt lại tài khoản")
        USER_DELETE_REFUSED = "user_delete_refused", _("Từ chối xoá tài khoản")
        ROLE_CHANGED = "role_changed", _("Thay đổi vai trò")
        POLICY_CHANGED = "policy_changed", _("Thay đổi chính sách tài khoản")
        MAPPED_LOGIN = "mapped_login", _("Đăng nhập từ tài khoản hệ thống")
        MAPPED_LOGIN_REFUSED = "mapped_login_refused", _("Từ chối đăng nhập tài khoản hệ thống")
        SUBMITTED = "submitted", _("Gửi duyệt")
        APPROVED = "approved", _("Duyệt")
        REJECTED = "rejected", _("Từ chối duyệt")
        WORKFLOW_CANCELLED = "workflow_cancelled", _("Huỷ gửi duyệt")
        PUBLISHED = "published", _("Xuất bản")
        UNPUBLISHED = "unpublished", _("Gỡ xuất bản")

    at = models.DateTimeField(_("thời điểm"), default=timezone.now, db_index=True)
    # Names are kept as text so the trail outlives accounts and pages.
    actor = models.CharField(_("người thực hiện"), max_length=150, blank=True, db_index=True)
    action = models.CharField(_("hành động"), max_length=30, choices=Action.choices, db_index=True)
    target = models.CharField(_("đối tượng"), max_length=255, blank=True)
    ip_address = models.GenericIPAddressField(_("địa chỉ IP"), null=True, blank=True)
    detail = models.TextField(_("chi tiết"), blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("nhật ký hệ thống")
        verbose_name_plural = _("nhật ký hệ thống")

    def __str__(self) -> str:
        return f"{timezone.localtime(self.at):%d/%m/%Y %H:%M} {self.actor} {self.get_action_display()}"
