"""English versions of the demo portals' required pages (runs inside the portal's schema).

Every Vietnamese string of the required pages is looked up in `languages_en.ENGLISH` (after
putting the portal's own names in), the English pages are saved and published. A string
without English is reported and falls back to the Vietnamese, so the status report shows
the page as in progress rather than hiding the gap.
"""

from __future__ import annotations

import logging
from typing import Any

from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

from demo.languages_en import agency_names, english_for
from languages.required import english_locale, required_pages
from languages.sync import publish_latest, save_draft, start_translation, store_string

log = logging.getLogger(__name__)


def _fill_strings(source: TranslationSource, portal: Any) -> list[str]:
    locale = english_locale()
    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("context", "string"):
        if StringTranslation.objects.filter(
            translation_of=segment.string, locale=locale, context=segment.context
        ).exists():
            continue  # the section titles and slugs the tree was born with
        text = segment.string.data
        english = english_for(text, portal)
        if english is None:
            missing.append(text)
            continue
        store_string(segment, locale, english)
    return missing


ADDRESSES_EN = {
    "province": (
        "5th floor, Building B, Provincial Administrative and Political Centre, Tan Phong Ward, "
        "Lai Chau Province"
    ),
    "department": "Provincial Administrative and Political Centre, Dong Phong Ward, Lai Chau Province",
    "commune": "People's Committee headquarters, Lai Chau Province",
}


def _contact_settings_in_english(portal: Any) -> None:
    from wagtail.models import Site

    from contacts.models import PortalContactSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    contact = PortalContactSettings.for_site(site)
    if contact.agency_en or not contact.is_filled:
        return
    contact.agency_en = agency_names(portal)[1]
    contact.address_en = ADDRESSES_EN.get(portal.kind, ADDRESSES_EN["commune"])
    contact.responsible_person_en = "Nguyen Van Minh – Head of the Editorial Board"
    contact.licence_en = "General information website licence No. 05/GP-STTTT of 15 March 2024."
    contact.save()


def load_demo_content(portal: Any) -> None:
    _contact_settings_in_english(portal)
    for page in required_pages(kind=portal.kind):
        translation = start_translation(page)
        missing = _fill_strings(translation.source, portal)
        for text in missing:
            log.warning("demo %s: no English for %r (%s)", portal.code, text, page.url_path)
        publish_latest(save_draft(translation))
