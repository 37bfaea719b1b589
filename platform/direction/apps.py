from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectionConfig(AppConfig):
    name = "direction"
    verbose_name = _("Chỉ đạo, điều hành và phổ biến pháp luật")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=30, slug="chi-dao-dieu-hanh", title="Chỉ đạo, điều hành",
                title_en="Direction and administration",
                page_model="direction.DirectionIndexPage", letter="c",
            )
        )
        register_section(
            Section(
                order=40, slug="pho-bien-phap-luat", title="Phổ biến, giáo dục pháp luật",
                title_en="Law dissemination",
                page_model="direction.LawDisseminationIndexPage", letter="d",
            )
        )
