"""The board's workflow and the roles' rights on content outside the page tree, in every
portal (registered in EditorialConfig.ready())."""

from __future__ import annotations

from tenants.seeding import Seeding

from .permissions import ensure_content_permissions
from .workflow import ensure_board_workflow


def seed_workflow(seeding: Seeding) -> None:
    ensure_board_workflow()


def seed_content_permissions(seeding: Seeding) -> None:
    ensure_content_permissions()
