from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeadlinesConfig(AppConfig):
    name = "deadlines"
    verbose_name = _("Thời hạn đăng tin")

    def ready(self) -> None:
        from django.core import checks

        from tenants.jobs import register_periodic
        from tenants.tasks import run_command

        from . import signals  # noqa: F401
        from .editor import add_clock_panels
        from .registry import check_declarations

        checks.register(check_declarations)
        add_clock_panels()
        # Validity, the clocks and the reminder digests of every active portal, each working
        # morning before the offices open (the digests are sent once a day per person).
        register_periodic("deadlines_daily", run_command, daily_at="06:00", args=("run_daily",))
