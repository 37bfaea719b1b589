from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegaldocsConfig(AppConfig):
    name = "legaldocs"
    verbose_name = _("Văn bản và Công báo")

    def ready(self) -> None:
        from core.sections import Section, register_section

        from . import signals  # noqa: F401

        register_section(
            Section(
                order=60, slug="van-ban", title="Văn bản", title_en="Legal documents",
                page_model="legaldocs.LegalDocumentIndexPage", letter="e",
            )
        )
        register_section(
            Section(
                order=70, slug="cong-bao", title="Công báo", title_en="Official gazette",
                page_model="legaldocs.GazetteIndexPage", letter="g",
                kinds=frozenset({"province"}),
            )
        )
