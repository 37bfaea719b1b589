from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SigninConfig(AppConfig):
    """What sign-in shares across the console and every portal, in the control plane's
    schema: failures and lockouts counted once, and the platform accounts' own state
    (password age and history, two-factor secrets, recovery codes)."""

    name = "signin"
    verbose_name = _("Đăng nhập dùng chung")

    def ready(self) -> None:
        from signin import signals  # noqa: F401 - connects the receivers
