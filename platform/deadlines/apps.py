from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "deadlines"
    verbose_name = _("Thời hạn đăng tin")

    def ready(self) -> None:
        from django.core import checks

        from . import signals  # noqa: F401
        from .editor import add_clock_panels
        from .registry import check_declarations

        checks.register(check_declarations)
        add_clock_panels()
