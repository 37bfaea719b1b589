"""Which pages the law wants in English (Decree 43 art. 13, Kiên Giang art. 15; Decree 42/2022).

The home page, and below it every section registered with `in_english=True` (introduction,
officials' contacts, online public services) with its live pages. A page model can leave
itself out with an `english_required` attribute or property (a spokesperson's statement,
a public service foreigners cannot use).
"""

from __future__ import annotations

from django.conf import settings

from wagtail.models import Locale, Page

ENGLISH = "en"


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def english_locale() -> Locale:
    return Locale.objects.get(language_code=ENGLISH)


def vietnamese_home() -> Page | None:
    """The portal's Vietnamese home page (the Site's root)."""
    from home.models import HomePage

    return HomePage.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE).first()


def english_sections(kind: str | None = None) -> list:
    from core.sections import registered_sections

    return [s for s in registered_sections(kind) if s.in_english]


def is_english_required(page: Page) -> bool:
    return bool(getattr(page.specific, "english_required", True))


def required_pages(home: Page | None = None, kind: str | None = None) -> list[Page]:
    """The live Vietnamese pages that must have an English version, in tree order."""
    home = home or vietnamese_home()
    if home is None:
        return []
    pages: list[Page] = [home.specific]
    slugs = [s.slug for s in english_sections(kind)]
    sections = home.get_children().filter(slug__in=slugs).live().order_by("path")
    for section in sections:
        pages.append(section.specific)
        for page in section.get_descendants().live().specific().order_by("path"):
            if is_english_required(page):
                pages.append(page)
    return pages


def is_required(page: Page) -> bool:
    """Whether the law wants `page` in English in the current portal."""
    from compliance.completeness import current_portal_kind

    return page.pk in {p.pk for p in required_pages(kind=current_portal_kind())}
