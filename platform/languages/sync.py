"""Keeping English pages in step with their Vietnamese source, with wagtail-localize.

A Vietnamese page and its English page share a `translation_key`. wagtail-localize keeps a
frozen copy of the source (`TranslationSource`), split into strings; an English string is a
`StringTranslation`. Syncing re-reads the source; saving the target rebuilds the English page
from the source and the English strings (untranslated strings fall back to the Vietnamese).

English pages are saved as drafts and then published through the board's workflow, like
Vietnamese ones. Only the navigation skeleton (home page and section pages, whose English
titles and slugs are known) is published here, and only when nothing else in it still needs
a translator.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Page, Revision
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from .required import english_locale, english_sections, vietnamese_home

HOME_SLUG_EN = "home"
HOME_TITLE_EN = "Home"


def translation_for(page: Page, locale=None) -> Translation | None:
    locale = locale or english_locale()
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            source__locale_id=page.locale_id,
            target_locale=locale,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


def store_string(segment: StringSegment, locale, text: str, user=None) -> None:
    """Store the translation of one string of a source, as a translator would."""
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=locale,
        context=segment.context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "last_translated_by": user,
            "has_error": False,
        },
    )


def set_strings(source: TranslationSource, locale, values: Mapping[str, str], user=None) -> int:
    """Store English strings for the source's fields named by path ("title", "slug", …)."""
    count = 0
    segments = StringSegment.objects.filter(source=source, context__path__in=list(values))
    for segment in segments.select_related("context", "string"):
        store_string(segment, locale, values[segment.context.path], user)
        count += 1
    return count


def untranslated_count(translation: Translation) -> int:
    total, done = translation.get_progress()
    return total - done


@transaction.atomic
def start_translation(page: Page, user=None, strings: Mapping[str, str] | None = None) -> Translation:
    """Submit `page` for translation into English (idempotent) and save its English draft."""
    page = page.specific
    locale = english_locale()
    # From the Vietnamese page as it is now (a source made earlier may be stale).
    source, created = TranslationSource.update_or_create_from_instance(page)
    if not created:
        source.refresh_segments()  # which fields are translated may have changed since
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if strings:
        set_strings(source, locale, strings, user)
    save_draft(translation, user)
    return translation


def save_draft(translation: Translation, user=None) -> Page:
    """Rebuild the English page from the source and the English strings, as a draft.

    wagtail-localize's own "draft" writes the page row too, which for a live page is what
    visitors see: a live English page would show unapproved text. So a live page gets a
    new revision only, and its row changes when the board publishes that revision.
    """
    try:
        english = translation.get_target_instance()
    except ObjectDoesNotExist:
        english = None
    if english is None or not english.live:
        translation.save_target(user=user, publish=False)
        return translation.get_target_instance()
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.slug = find_available_slug(
        english.get_parent(), slugify(draft.slug) or english.slug, ignore_page_id=english.pk
    )
    draft.save_revision(user=user, clean=False)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=draft.latest_revision
    )
    return Page.objects.get(pk=english.pk).specific


def publish_latest(page: Page, user=None) -> None:
    """Publish the English page's latest revision now (for the navigation skeleton)."""
    revision = Revision.page_revisions.filter(object_id=str(page.pk)).order_by("-created_at", "-pk").first()
    if revision is not None:
        revision.publish(user=user, skip_permission_checks=True)


@transaction.atomic
def resync(page: Page, user=None) -> Translation | None:
    """Re-read the Vietnamese page into its translation source and redo the English draft.

    Strings that did not change keep their English; new or changed ones wait for a
    translator. The English page stays as published until the board approves the draft.
    """
    translation = translation_for(page)
    if translation is None:
        return None
    translation.source.update_from_db()
    save_draft(translation, user)
    return translation


def ensure_english_tree(home: Page | None = None, kind: str | None = None) -> list[Page]:
    """Give the portal its English home page and the English sections the law requires.

    Pages already translated are left alone (an editor may have changed them). Returns the
    English pages created.
    """
    home = home or vietnamese_home()
    if home is None:
        return []
    locale = english_locale()
    created: list[Page] = []
    skeleton: list[tuple[Page, dict[str, str]]] = [
        (home, {"title": HOME_TITLE_EN, "slug": HOME_SLUG_EN})
    ]
    children = {p.slug: p for p in home.get_children().live()}
    for section in english_sections(kind):
        page = children.get(section.slug)
        if page is not None:
            skeleton.append((page, {"title": section.title_en, "slug": section.slug_en}))
    for page, strings in skeleton:
        if page.get_translation_or_none(locale) is not None:
            continue
        translation = start_translation(page, strings=strings)
        english = translation.get_target_instance()
        if untranslated_count(translation) == 0:
            publish_latest(english)
        created.append(english)
    return created


def retitle_english_home(home: Page, title_en: str) -> None:
    """After a new portal renames its cloned home page: the English title follows.

    The cloned English home page is the template's, live and never edited, so its row and
    latest revision are renamed in place (as the Vietnamese one is), and the translation
    source re-read so the report sees the two in step. This runs in every portal creation,
    where a publication with its revisions and log entries would cost a tenth of a second.
    """
    home = Page.objects.get(pk=home.pk).specific  # as renamed
    translation = translation_for(home)
    if translation is None:
        return
    # The source takes the new Vietnamese title without counting as a new sync (its date
    # stays before the English page's publication, so the pair is in step, not in progress).
    source = translation.source
    source.content_json = home.to_json()
    source.object_repr = str(home)[:200]
    source.save(update_fields=["content_json", "object_repr"])
    source.refresh_segments()
    set_strings(source, translation.target_locale, {"title": title_en, "slug": HOME_SLUG_EN})
    english = translation.get_target_instance()
    Page.objects.filter(pk=english.pk).update(title=title_en, draft_title=title_en)
    revision = Revision.objects.filter(pk=english.latest_revision_id).first()
    if revision is not None:
        revision.content = {**revision.content, "title": title_en, "draft_title": title_en}
        revision.save(update_fields=["content"])
