from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScienceConfig(AppConfig):
    name = "science"
    verbose_name = _("Khoa học – Công nghệ")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=110, slug="khoa-hoc-cong-nghe", title="Khoa học – Công nghệ",
                title_en="Science and Technology",
                page_model="science.ScienceIndexPage",
                letter="m",
            )
        )
