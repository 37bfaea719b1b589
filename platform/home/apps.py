from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ")

    def ready(self) -> None:
        from tenants import seeding

        from .seeding import rename_home, seed_home

        seeding.register_seeder("home", seed_home, seeding.HOME)
        # First, so what follows (the English home page's title) sees the new name.
        seeding.register_customiser("home", rename_home, seeding.HOME)
