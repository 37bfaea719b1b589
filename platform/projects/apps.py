from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Dự án – Đấu thầu – Mua sắm công")

    def ready(self) -> None:
        from core.sections import Section, register_section

        register_section(
            Section(
                order=80, slug="du-an-dau-thau", title="Dự án – Đấu thầu – Mua sắm công",
                title_en="Projects, Bidding and Public Procurement",
                page_model="projects.ProjectIndexPage", letter="h",
            )
        )
