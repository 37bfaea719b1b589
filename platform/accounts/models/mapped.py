"""Reserved local accounts standing for platform accounts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class MappedAccount(models.Model):
    """A reserved local account standing for a public-schema (platform) account.

    Platform operators and province board members open a portal's admin with their own
    platform credentials; they act there through this account, which has no password of
    its own and whose powers are reset from their platform role at every sign-in.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="mapped_account"
    )
    public_user_id = models.BigIntegerField(_("mã tài khoản hệ thống"), unique=True)
    public_username = models.CharField(_("tài khoản hệ thống"), max_length=150)
    role = models.CharField(_("vai trò hệ thống"), max_length=20)
    last_mapped_at = models.DateTimeField(_("lần đăng nhập gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("tài khoản hệ thống ánh xạ")
        verbose_name_plural = _("tài khoản hệ thống ánh xạ")

    def __str__(self) -> str:
        return self.public_username
