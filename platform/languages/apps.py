from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """English pages beside the Vietnamese ones: what the law wants in English, the English
    tree of every portal, the language switcher and the translation status report."""

    name = "languages"
    verbose_name = _("Ngôn ngữ và bản dịch")

    def ready(self) -> None:
        from tenants import seeding

        from . import signals  # noqa: F401
        from .seeding import retitle_english, seed_english_tree

        seeding.register_seeder("english_tree", seed_english_tree, seeding.ENGLISH_TREE)
        seeding.register_customiser("english_home", retitle_english, seeding.ENGLISH_TREE)
