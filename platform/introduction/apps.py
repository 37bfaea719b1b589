from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntroductionConfig(AppConfig):
    name = "introduction"
    verbose_name = _("Giới thiệu")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=10, slug="gioi-thieu", title="Giới thiệu", title_en="Introduction",
                page_model="introduction.IntroductionIndexPage", letter="a", in_english=True,
            )
        )
