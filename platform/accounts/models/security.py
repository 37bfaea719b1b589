"""Account rules of a portal and the state they keep per user: password age and history,
two-factor secrets. Failed sign-ins and lockouts are counted for the whole platform
(`signin.store`)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from signin.models import TwoFactorState


@register_setting(icon="lock")
class AccountPolicy(BaseSiteSetting):
    """The portal's account rules. Defaults follow the provincial regulation (passwords
    changed at first sign-in and every two months)."""

    password_max_age_days = models.PositiveSmallIntegerField(
        _("số ngày tối đa giữa hai lần đổi mật khẩu"),
        default=60,
        help_text=_("0: không bắt buộc đổi mật khẩu định kỳ."),
    )
    password_history = models.PositiveSmallIntegerField(
        _("số mật khẩu gần nhất không được dùng lại"), default=5
    )
    lockout_threshold = models.PositiveSmallIntegerField(
        _("số lần đăng nhập sai thì khoá tài khoản"),
        default=5,
        help_text=_("0: không khoá tài khoản."),
    )
    ip_lockout_threshold = models.PositiveSmallIntegerField(
        _("số lần đăng nhập sai từ một địa chỉ IP thì khoá địa chỉ đó"),
        default=5,
        help_text=_("0: không khoá theo địa chỉ IP."),
    )
    lockout_window_minutes = models.PositiveSmallIntegerField(
        _("khoảng thời gian đếm số lần sai (phút)"), default=15
    )
    lockout_minutes = models.PositiveSmallIntegerField(_("thời gian khoá (phút)"), default=15)
    idle_timeout_minutes = models.PositiveSmallIntegerField(
        _("tự đăng xuất sau bao nhiêu phút không thao tác"),
        default=30,
        help_text=_("0: không tự đăng xuất."),
    )
    require_2fa_for_approvers = models.BooleanField(
        _("bắt buộc xác thực hai bước với người duyệt tin bài"),
        default=False,
        help_text=_("Thành viên và Trưởng Ban Biên tập phải bật mã xác thực (TOTP) mới làm việc được."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("password_max_age_days"), FieldPanel("password_history")],
            heading=_("Mật khẩu"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("lockout_threshold"),
                FieldPanel("ip_lockout_threshold"),
                FieldPanel("lockout_window_minutes"),
                FieldPanel("lockout_minutes"),
            ],
            heading=_("Khoá đăng nhập"),
        ),
        MultiFieldPanel(
            [FieldPanel("idle_timeout_minutes"), FieldPanel("require_2fa_for_approvers")],
            heading=_("Phiên làm việc và xác thực hai bước"),
        ),
    ]

    class Meta:
        verbose_name = _("chính sách tài khoản")
        verbose_name_plural = _("chính sách tài khoản")

    @classmethod
    def current(cls, request: HttpRequest | None = None) -> AccountPolicy:
        """The policy of the portal being served (its default site), or the defaults."""
        from wagtail.models import Site

        if request is not None:
            cached = getattr(request, "_cong_account_policy", None)
            if cached is not None:
                return cached
        site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
        policy = cls.for_site(site) if site else cls()
        if request is not None:
            request._cong_account_policy = policy
        return policy


class AccountState(TwoFactorState):
    """What the account rules need to know about one user; created on demand. The TOTP
    secret is encrypted at rest and recovery codes are kept hashed (`TwoFactorState`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="account_state"
    )
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)
    password_changed_at = models.DateTimeField(_("lần đổi mật khẩu gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("trạng thái tài khoản")
        verbose_name_plural = _("trạng thái tài khoản")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> AccountState:
        state, _created = cls.objects.get_or_create(
            user=user, defaults={"password_changed_at": timezone.now()}
        )
        return state

    def password_expires_at(self, max_age_days: int) -> dt.datetime | None:
        if not max_age_days or self.password_changed_at is None:
            return None
        return self.password_changed_at + dt.timedelta(days=max_age_days)


class PasswordHistory(models.Model):
    """Hashes of a user's passwords, the current one included."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="password_history"
    )
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mật khẩu đã dùng")
        verbose_name_plural = _("mật khẩu đã dùng")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%d/%m/%Y}"
