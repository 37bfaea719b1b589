from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "disclosure"
    verbose_name = _("Công khai thông tin")

    def ready(self) -> None:
        from core.sections import Section, register_section
        from tenants.seeding import CONTENT_PERMISSIONS, register_seeder

        from .seeding import seed_related_portals

        register_seeder("related_portals", seed_related_portals, order=CONTENT_PERMISSIONS + 5)

        # Access to Information Law 2016 art. 17.1.m: the list of what must be disclosed is
        # itself disclosed (Decree 42/2022 art. 4).
        register_section(
            Section(
                order=140, slug="danh-muc-thong-tin-cong-khai",
                title="Danh mục thông tin phải công khai",
                title_en="Information to be disclosed",
                page_model="disclosure.DisclosureListPage",
            )
        )
