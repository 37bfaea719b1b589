"""What every portal starts with, contributed by the apps that know it.

Provisioning knows how to make a schema and clone it, not what goes into a portal: the home
page is the home app's, the English tree the languages app's, the roles the accounts app's,
the board's workflow the editorial app's. Each of them registers in its `AppConfig.ready()`
(as the sections do with `core.sections`):

- a *seeder* gives the current schema something every portal has. Seeders run, in their
  order, on the template schema (so new portals are born with it) and again on every
  existing portal by `migrate_platform` (so what is added later reaches them); each must be
  idempotent and leave what an editor has changed alone.
- a *customiser* makes a freshly cloned schema this portal's (its name on the home page,
  say). Customisers run once, at creation, inside the new portal's schema; they should be
  cheap: creating a portal takes about half a second.

Provisioning itself registers the content languages (first) and the mandated sections
(`core.sections`, between the home page and what hangs below it).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wagtail.models import Page

    from tenants.models import Portal


@dataclass
class Seeding:
    """What the seeders of one schema share as they run."""

    # The portal's kind; None on the template, which holds every section.
    kind: str | None
    # The Vietnamese home page, once the home app's seeder has made or found it.
    home: Page | None = None


@dataclass(frozen=True)
class Step:
    name: str
    order: int  # smaller first
    func: Callable[..., Any]


# The order of today's steps, for apps that register them (gaps leave room between).
LOCALES, HOME, SECTIONS, ENGLISH_TREE, ROLES, WORKFLOW, CONTENT_PERMISSIONS = 0, 10, 20, 30, 40, 50, 60

_seeders: dict[str, Step] = {}
_customisers: dict[str, Step] = {}


def _register(registry: dict[str, Step], step: Step) -> None:
    existing = registry.get(step.name)
    if existing is not None and existing != step:
        raise ValueError(f"{step.name!r} is registered twice")
    registry[step.name] = step


def register_seeder(name: str, func: Callable[[Seeding], None], order: int) -> None:
    """Run `func(seeding)` on the template and on every portal, in `order`."""
    _register(_seeders, Step(name, order, func))


def register_customiser(name: str, func: Callable[[Portal, Page], None], order: int) -> None:
    """Run `func(portal, home)` in a new portal's schema once it is cloned, in `order`."""
    _register(_customisers, Step(name, order, func))


def unregister(name: str) -> None:
    """Forget a seeder or customiser (for tests that register their own)."""
    _seeders.pop(name, None)
    _customisers.pop(name, None)


def registered_seeders() -> list[Step]:
    return sorted(_seeders.values(), key=lambda step: (step.order, step.name))


def registered_customisers() -> list[Step]:
    return sorted(_customisers.values(), key=lambda step: (step.order, step.name))


def run_seeders(kind: str | None) -> Seeding:
    """Seed the current schema: every registered seeder, in order."""
    seeding = Seeding(kind=kind)
    for step in registered_seeders():
        step.func(seeding)
    return seeding


def run_customisers(portal: Portal, home: Page) -> None:
    """Make the current (freshly cloned) schema `portal`'s: every customiser, in order."""
    for step in registered_customisers():
        step.func(portal, home)


def _seed_locales(seeding: Seeding) -> None:
    from django.conf import settings

    from wagtail.models import Locale

    for code, _label in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def _seed_sections(seeding: Seeding) -> None:
    from core.sections import ensure_sections

    if seeding.home is not None:
        ensure_sections(seeding.home, seeding.kind)


register_seeder("locales", _seed_locales, LOCALES)
register_seeder("sections", _seed_sections, SECTIONS)
