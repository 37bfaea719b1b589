from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = _("Dịch vụ công trực tuyến")

    def ready(self) -> None:
        from core.sections import Section, register_section

        # Not one of the Decree 43 art. 10 letters: the catalogue is required by the
        # provincial regulations (Kiên Giang art. 17–18) and MIC 146. It sits with the
        # sections citizens act on: consultation and Q&A follow it.
        register_section(
            Section(
                order=85,
                slug="dich-vu-cong",
                title="Dịch vụ công trực tuyến",
                title_en="Online public services",
                page_model="services.PublicServiceIndexPage",
                # Decree 43 art. 13: the services foreigners can use, in English.
                in_english=True,
            )
        )
