"""Sign-in state shared by the console and every portal (control plane's schema)."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import totp
from signin import crypto

# The realm of platform accounts: their failures and lockouts count in every portal and
# the console alike. A portal's own accounts are counted in the realm of its schema.
PLATFORM_REALM = ""


class SignInFailure(models.Model):
    """One failed sign-in anywhere: the console or any portal."""

    realm = models.CharField(max_length=63, blank=True, db_index=True)
    username = models.CharField(max_length=150, db_index=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(default=timezone.now, db_index=True)
    # Cleared once the failure has led to a lockout of the account (of the address), or was
    # followed by a successful sign-in or an unlock: it no longer counts towards the next one.
    counts_for_account = models.BooleanField(default=True)
    counts_for_ip = models.BooleanField(default=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("lần đăng nhập sai")
        verbose_name_plural = _("lần đăng nhập sai")

    def __str__(self) -> str:
        return f"{self.realm or '*'}:{self.username} {self.ip_address or ''}"


class SignInLockout(models.Model):
    class Scope(models.TextChoices):
        ACCOUNT = "account", _("Tài khoản")
        IP = "ip", _("Địa chỉ IP")

    scope = models.CharField(_("khoá theo"), max_length=10, choices=Scope.choices)
    # Accounts: PLATFORM_REALM or the portal's schema. Addresses: always every portal.
    realm = models.CharField(_("phạm vi"), max_length=63, blank=True)
    key = models.CharField(_("tài khoản hoặc địa chỉ IP"), max_length=150)
    locked_at = models.DateTimeField(_("khoá lúc"), default=timezone.now)
    locked_until = models.DateTimeField(_("khoá đến"))
    unlocked_at = models.DateTimeField(_("mở khoá lúc"), null=True, blank=True)
    unlocked_by = models.CharField(_("người mở khoá"), max_length=150, blank=True)

    class Meta:
        ordering = ["-locked_at", "-id"]
        indexes = [models.Index(fields=["scope", "realm", "key", "locked_until"])]
        verbose_name = _("khoá đăng nhập")
        verbose_name_plural = _("khoá đăng nhập")

    def __str__(self) -> str:
        return f"{self.get_scope_display()} {self.key}"

    @property
    def in_force(self) -> bool:
        return self.unlocked_at is None and self.locked_until > timezone.now()

    @property
    def is_platform_account(self) -> bool:
        return self.scope == self.Scope.ACCOUNT and self.realm == PLATFORM_REALM


class TwoFactorState(models.Model):
    """A TOTP secret (encrypted at rest, `signin.crypto`), the last time step accepted (a
    code is good once) and the hashes of unused recovery codes."""

    totp_secret = models.CharField(_("khoá bí mật TOTP (mã hoá)"), max_length=255, blank=True)
    totp_enabled_at = models.DateTimeField(_("bật xác thực hai bước lúc"), null=True, blank=True)
    # The last time step accepted, so a code cannot be used twice.
    totp_last_step = models.BigIntegerField(default=0)
    recovery_codes = models.JSONField(_("mã khôi phục (băm)"), default=list, blank=True)

    class Meta:
        abstract = True

    @property
    def totp_enabled(self) -> bool:
        return bool(self.totp_secret and self.totp_enabled_at)

    @property
    def secret(self) -> str:
        return crypto.decrypt(self.totp_secret)

    def enable_totp(self, secret: str, step: int) -> list[str]:
        """Turn two-factor on; returns the new recovery codes (shown once, kept hashed)."""
        self.totp_secret = crypto.encrypt(secret)
        self.totp_enabled_at = timezone.now()
        self.totp_last_step = step
        codes = self._new_recovery_codes()
        self.save(update_fields=["totp_secret", "totp_enabled_at", "totp_last_step", "recovery_codes"])
        return codes

    def disable_totp(self) -> None:
        self.totp_secret = ""
        self.totp_enabled_at = None
        self.recovery_codes = []
        self.save(update_fields=["totp_secret", "totp_enabled_at", "recovery_codes"])

    def _new_recovery_codes(self) -> list[str]:
        codes = [crypto.new_recovery_code() for _ in range(crypto.RECOVERY_CODES)]
        self.recovery_codes = [crypto.hash_recovery_code(code) for code in codes]
        return codes

    def renew_recovery_codes(self) -> list[str]:
        codes = self._new_recovery_codes()
        self.save(update_fields=["recovery_codes"])
        return codes

    def accept_code(self, code: str) -> bool:
        """Whether `code` is the authenticator's code now (and not used before); remembers
        its step. Locks the row so two requests cannot both use one code."""
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            step = totp.matching_step(fresh.secret, code, after_step=fresh.totp_last_step)
            if step is None:
                return False
            fresh.totp_last_step = step
            fresh.save(update_fields=["totp_last_step"])
        self.totp_last_step = step
        return True

    def use_recovery_code(self, code: str) -> bool:
        """Whether `code` is one of the unused recovery codes; it is then used up."""
        if len(crypto.normalise_recovery_code(code)) != 12:
            return False
        with transaction.atomic():
            fresh = type(self).objects.select_for_update().get(pk=self.pk)
            for stored in fresh.recovery_codes:
                if crypto.recovery_code_matches(code, stored):
                    fresh.recovery_codes = [other for other in fresh.recovery_codes if other != stored]
                    fresh.save(update_fields=["recovery_codes"])
                    self.recovery_codes = fresh.recovery_codes
                    return True
        return False


class PlatformAccountState(TwoFactorState):
    """What the account rules keep about one platform account (operators, the province
    board); created on demand."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_state"
    )
    must_change_password = models.BooleanField(_("phải đổi mật khẩu"), default=False)
    password_changed_at = models.DateTimeField(_("lần đổi mật khẩu gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("trạng thái tài khoản hệ thống")
        verbose_name_plural = _("trạng thái tài khoản hệ thống")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> PlatformAccountState:
        state, _created = cls.objects.get_or_create(
            user_id=user.pk, defaults={"password_changed_at": timezone.now()}
        )
        return state

    def password_expires_at(self, max_age_days: int) -> dt.datetime | None:
        if not max_age_days or self.password_changed_at is None:
            return None
        return self.password_changed_at + dt.timedelta(days=max_age_days)


class PlatformPasswordHistory(models.Model):
    """Hashes of a platform account's passwords, the current one included."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="platform_password_history"
    )
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mật khẩu đã dùng của tài khoản hệ thống")
        verbose_name_plural = _("mật khẩu đã dùng của tài khoản hệ thống")

    def __str__(self) -> str:
        return f"{self.user_id} {self.created_at:%d/%m/%Y}"
