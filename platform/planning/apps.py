from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Chiến lược – Quy hoạch – Kế hoạch")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=50, slug="quy-hoach-ke-hoach", title="Chiến lược – Quy hoạch – Kế hoạch",
                title_en="Strategies, Planning and Plans",
                page_model="planning.PlanningIndexPage", letter="đ",
            )
        )
