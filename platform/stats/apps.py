from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatsConfig(AppConfig):
    # The package is `stats` and the label `portal_statistics`: a package or label named
    # `statistics` would shadow or clash with the standard library module.
    name = "stats"
    label = "portal_statistics"
    verbose_name = _("Thống kê")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=120, slug="thong-ke", title="Thống kê", title_en="Statistics",
                page_model="portal_statistics.StatisticsIndexPage", letter="n",
            )
        )
