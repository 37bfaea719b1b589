"""Is every mandated section (Decree 43 art. 10; REQUIREMENTS.md §3) present and filled?

A section is *missing* when its index page is absent from under the home page (or not
published), *empty* when it has nothing to show, and *OK* otherwise. Its items are the
index page's live descendants; single-page sections (contacts) count what the page itself
carries. The admin dashboard shows the result (wagtail_hooks.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from core.sections import Section, registered_sections
from tenants.current import current_portal


class Status:
    MISSING = "missing"
    EMPTY = "empty"
    OK = "ok"


STATUS_LABELS = {
    Status.MISSING: _("Thiếu chuyên mục"),
    Status.EMPTY: _("Chưa có nội dung"),
    Status.OK: _("Đã có nội dung"),
}


@dataclass(frozen=True)
class SectionCompleteness:
    section: Section
    status: str
    page: Page | None = None  # the section's index page, when it exists
    item_count: int = 0
    latest: datetime | None = None  # the latest publication among its items

    @property
    def label(self) -> str:
        return str(STATUS_LABELS[self.status])

    @property
    def ok(self) -> bool:
        return self.status == Status.OK


def _live_descendants(page: Page):
    return Page.objects.descendant_of(page).live()


def _descendant_content(page: Page) -> tuple[int, datetime | None]:
    items = _live_descendants(page)
    return items.count(), items.aggregate(latest=Max("last_published_at"))["latest"]


def _contacts_content(page: Page) -> tuple[int, datetime | None]:
    """The contacts page is the content: its officials and spokespersons, its introduction
    and the statements under it."""
    specific = page.specific
    count, latest = _descendant_content(page)
    people = specific.officials.count() + specific.spokespersons.count()
    has_body = bool((specific.intro or "").strip())
    count += people or int(has_body)
    if count and page.last_published_at and (latest is None or page.last_published_at > latest):
        latest = page.last_published_at
    return count, latest


# Sections whose index page holds the content itself, by the page model's label.
SINGLE_PAGE_SECTIONS: dict[str, Callable[[Page], tuple[int, datetime | None]]] = {
    "contacts.ContactsPage": _contacts_content,
}


def _find_section_page(home: Page, section: Section) -> Page | None:
    children = home.get_children()
    model = apps.get_model(section.page_model)
    # By type first, so a section whose slug an editor changed is still found.
    return children.type(model).first() or children.filter(slug=section.slug).first()


def current_portal_kind() -> str | None:
    """The kind of the portal whose schema is active (None in the public schema and the
    template)."""
    portal = current_portal(active_only=False)
    return portal.kind if portal is not None else None


def section_completeness(home: Page, kind: str | None = None) -> list[SectionCompleteness]:
    """One entry per mandated section of this portal's kind, in navigation order.

    `kind` defaults to the current portal's.
    """
    if kind is None:
        kind = current_portal_kind()
    result = []
    for section in registered_sections(kind):
        page = _find_section_page(home, section)
        if page is None or not page.live:
            result.append(SectionCompleteness(section, Status.MISSING, page))
            continue
        specific = page.specific
        if hasattr(specific, "completeness_content"):
            # Sections whose items are not pages (e.g. published Q&A) count them themselves.
            count, latest = specific.completeness_content()
        else:
            count_content = SINGLE_PAGE_SECTIONS.get(section.page_model, _descendant_content)
            count, latest = count_content(page)
        status = Status.OK if count else Status.EMPTY
        result.append(SectionCompleteness(section, status, page, count, latest))
    return result
