"""The English side of every portal, at its creation (registered in LanguagesConfig.ready())."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tenants.seeding import Seeding

from .sync import ensure_english_tree, retitle_english_home

if TYPE_CHECKING:
    from wagtail.models import Page

    from tenants.models import Portal


def seed_english_tree(seeding: Seeding) -> None:
    """The English home page and the sections the law wants in English (Decree 43 art. 13)."""
    if seeding.home is not None:
        ensure_english_tree(seeding.home, seeding.kind)


def retitle_english(portal: Portal, home: Page) -> None:
    retitle_english_home(home, portal.name_en or portal.name)
