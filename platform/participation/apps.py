from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Hỏi – Đáp, lấy ý kiến")

    def ready(self) -> None:
        import datetime as dt

        from core.sections import Section, register_section
        from tenants.jobs import register_periodic
        from tenants.tasks import run_command

        # E-mails that could not be sent (the job gave up, or was never queued) are tried
        # again every hour.
        register_periodic(
            "retry_notifications", run_command, every=dt.timedelta(hours=1),
            args=("retry_notifications",),
        )

        register_section(
            Section(
                order=90,
                slug="lay-y-kien",
                title="Lấy ý kiến",
                title_en="Public consultation",
                page_model="participation.ConsultationIndexPage",
                letter="i",
            )
        )
        register_section(
            Section(
                order=95,
                slug="hoi-dap",
                title="Hỏi – Đáp",
                title_en="Questions and answers",
                page_model="participation.QuestionIndexPage",
                letter="i",
            )
        )
