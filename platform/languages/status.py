"""The translation status report: each page the law wants in English, and where it stands.

States:
- missing: no English page;
- in progress: an English page exists but strings are untranslated, or the English draft
  (after a sync) is not yet approved and published; the percentage is wagtail-localize's;
- out of date: the Vietnamese page was published with different text after the last sync;
  it stays so until someone re-syncs, and then is in progress until the board publishes;
- up to date: everything translated, synced with the current Vietnamese, published.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail_localize.fields import TranslatableField, get_translatable_fields
from wagtail_localize.models import Translation, TranslationSource

from .required import english_locale, required_pages
from .sync import translation_for


class State(models.TextChoices):
    MISSING = "missing", _("Chưa có bản tiếng Anh")
    IN_PROGRESS = "in_progress", _("Đang dịch")
    OUT_OF_DATE = "out_of_date", _("Lỗi thời")
    UP_TO_DATE = "up_to_date", _("Đã cập nhật")


@dataclass
class PageStatus:
    page: Page  # the Vietnamese page
    english: Page | None
    translation: Translation | None
    state: str
    percent: int | None = None
    awaiting_approval: bool = False
    source_changed_at: datetime | None = None

    @property
    def state_label(self) -> str:
        return State(self.state).label

    @property
    def depth(self) -> int:
        return max(self.page.depth - 2, 0)


def _translatable_content(data: dict, model: type[Page]) -> dict:
    names = [f.field_name for f in get_translatable_fields(model) if isinstance(f, TranslatableField)]
    return {name: data.get(name) for name in names}


def source_changed(page: Page, source: TranslationSource) -> bool:
    """Whether the Vietnamese page's translatable text differs from the last synced copy."""
    page = page.specific
    current = json.loads(page.to_json())
    stored = json.loads(source.content_json)
    return _translatable_content(current, type(page)) != _translatable_content(stored, type(page))


def page_status(page: Page, locale=None) -> PageStatus:
    locale = locale or english_locale()
    english = page.get_translation_or_none(locale)
    translation = translation_for(page, locale)
    if english is None:
        return PageStatus(page, None, translation, State.MISSING, percent=0 if translation else None)
    english = english.specific
    awaiting = english.workflow_in_progress
    status = PageStatus(page, english, translation, State.UP_TO_DATE, awaiting_approval=awaiting)
    if translation is None:
        # The English page is edited by hand, outside wagtail-localize: compare publication dates.
        status.percent = 100
        if page.last_published_at and (
            english.last_published_at is None or page.last_published_at > english.last_published_at
        ):
            status.state = State.OUT_OF_DATE
            status.source_changed_at = page.last_published_at
        elif not english.live or english.has_unpublished_changes:
            status.state = State.IN_PROGRESS
        return status

    total, done = translation.get_progress()
    status.percent = 100 if total == 0 else int(done * 100 / total)
    source = translation.source
    if source_changed(page, source):
        status.state = State.OUT_OF_DATE
        status.source_changed_at = page.last_published_at
    elif (
        done < total
        or not english.live
        or english.has_unpublished_changes
        or (english.last_published_at or source.last_updated_at) < source.last_updated_at
    ):
        status.state = State.IN_PROGRESS
    return status


def portal_report(home: Page | None = None, kind: str | None = None) -> list[PageStatus]:
    """The report for the current schema (one portal)."""
    locale = english_locale()
    return [page_status(page, locale) for page in required_pages(home, kind)]


def summary(rows: list[PageStatus]) -> dict[str, int]:
    counts = {state.value: 0 for state in State}
    for row in rows:
        counts[row.state] += 1
    return counts

