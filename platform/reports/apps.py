from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Báo cáo định kỳ")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tenants.jobs import register_periodic
        from tenants.tasks import run_command

        # The reminders before each report's due date, every morning (one per period).
        register_periodic(
            "report_reminders", run_command, daily_at="07:00", args=("send_report_reminders",)
        )
