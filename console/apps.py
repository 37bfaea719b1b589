from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsoleConfig(AppConfig):
    """The platform console, on its own domain in the public schema: operators and the
    province board keep the portal registry and watch every portal."""

    name = "console"
    verbose_name = _("Quản trị hệ thống")

    def ready(self) -> None:
        from console import signals  # noqa: F401 - connects the receivers
