"""The mandated section tree every portal has (Decree 43 art. 10; REQUIREMENTS.md §3).

Each content app registers its sections in its AppConfig.ready(); `ensure_sections()` adds
the missing ones under a portal's home page, in navigation order. It runs on the template
schema (so new portals are born complete) and on every existing portal by
`migrate_platform` (so a section added later reaches them too). It never changes or removes
a section an editor has touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.apps import apps
from django.utils.text import slugify


@dataclass(frozen=True)
class Section:
    order: int  # navigation order: smaller first
    slug: str  # unaccented, e.g. "van-ban"
    title: str  # Vietnamese title
    title_en: str  # English title, for the English tree
    page_model: str  # "app_label.ModelName" of the section's index page
    letter: str = ""  # the Decree 43 art. 10 letter (a, b, c, d, đ, e, g, h, i, k, l, m, n)
    # Portal kinds that have this section; empty means every kind.
    kinds: frozenset[str] = field(default_factory=frozenset)
    # The law wants this section in English too (Decree 43 art. 13; Decree 42/2022): the
    # English tree of every portal has it, and the translation status report follows it.
    in_english: bool = False

    @property
    def slug_en(self) -> str:
        return slugify(self.title_en)

    def applies_to(self, kind: str | None) -> bool:
        return not self.kinds or kind is None or kind in self.kinds


_registry: dict[str, Section] = {}


def register_section(section: Section) -> None:
    existing = _registry.get(section.slug)
    if existing is not None and existing != section:
        raise ValueError(f"section slug {section.slug!r} registered twice")
    _registry[section.slug] = section


def registered_sections(kind: str | None = None) -> list[Section]:
    return sorted(
        (s for s in _registry.values() if s.applies_to(kind)), key=lambda s: (s.order, s.slug)
    )


def ensure_sections(home, kind: str | None = None, sections: Iterable[Section] | None = None) -> list:
    """Create the sections `home` is missing. Returns the pages created."""
    created = []
    existing = set(home.get_children().values_list("slug", flat=True))
    for section in sections if sections is not None else registered_sections(kind):
        if section.slug in existing:
            continue
        model = apps.get_model(section.page_model)
        page = model(
            title=section.title, slug=section.slug, show_in_menus=True, live=True,
            locale_id=home.locale_id,
        )
        home.add_child(instance=page)
        created.append(page)
    return created
