from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetConfig(AppConfig):
    name = "budget"
    verbose_name = _("Công khai ngân sách")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=130, slug="cong-khai-ngan-sach", title="Công khai ngân sách",
                title_en="Budget Disclosure", page_model="budget.BudgetIndexPage",
            )
        )
