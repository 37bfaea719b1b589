"""The role groups every portal has (registered in AccountsConfig.ready())."""

from __future__ import annotations

from tenants.seeding import Seeding

from .roles import ensure_roles


def seed_roles(seeding: Seeding) -> None:
    """Page rights below the home page of each language."""
    from home.models import HomePage

    ensure_roles(HomePage.objects.filter(depth=2))
