"""What the index holds for a page: built from the page in its own schema.

The words come from the page model's own `search_fields` (the ones Wagtail's admin search
uses) and the facets from its `search_facets` (`search.facets`), so every content app is
searchable, and faceted, without registering here. Home pages (the roots of each locale)
and the mandated section index pages are navigation, not content, and are left out.
"""

from __future__ import annotations

import datetime
import html

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.utils import timezone, translation
from django.utils.html import strip_tags

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.text import nfc

from .backends.base import IndexedDocument
from .facets import declared_for

# Longest body text kept per document (a tsvector holds at most 1 MB).
MAX_BODY_CHARS = 100_000
# Attributes giving a page's date, first found wins: the date citizens know it by.
DATE_ATTRIBUTES = ("publish_date", "issue_date", "event_date", "start_date", "date")


def model_label(model) -> str:
    return f"{model._meta.app_label}.{model._meta.model_name}"


def navigation_models() -> set[str]:
    """Section index pages: not indexed (home pages, at depth 2, are not either)."""
    from core.sections import registered_sections

    labels = {"wagtailcore.page"}
    labels |= {s.page_model.lower() for s in registered_sections()}
    return labels


def _text(value) -> str:
    return " ".join(html.unescape(strip_tags(str(value))).split())


def field_text(page: Page, search_field: index.SearchField) -> str:
    try:
        model_field = page._meta.get_field(search_field.field_name)
    except FieldDoesNotExist:
        model_field = None
    if isinstance(model_field, StreamField):
        value = getattr(page, search_field.field_name)
        return _text(" ".join(str(v) for v in model_field.get_searchable_content(value)))
    value = search_field.get_value(page)
    if value in (None, ""):
        return ""
    if isinstance(model_field, RichTextField):
        return _text(value)
    if isinstance(value, (list, tuple)):
        return _text(" ".join(str(v) for v in value))
    return _text(value)


def page_date(page: Page) -> datetime.datetime | None:
    for name in DATE_ATTRIBUTES:
        value = getattr(page, name, None)
        if isinstance(value, datetime.datetime):
            return value
        if isinstance(value, datetime.date):
            return timezone.make_aware(datetime.datetime.combine(value, datetime.time()))
    return page.first_published_at or page.last_published_at


def is_indexable(page: Page) -> bool:
    if not page.live or page.depth <= 2:
        return False
    if model_label(page.specific_class or Page) in navigation_models():
        return False
    return not page.get_view_restrictions().exists()


def document_for_page(page: Page, portal) -> IndexedDocument | None:
    """The index entry of a live, public page of `portal` (the current schema), or None."""
    page = page.specific
    if not is_indexable(page):
        return None
    url_parts = page.get_url_parts()
    if url_parts is None:
        return None
    label = model_label(type(page))
    summary = ""
    body_parts = []
    for search_field in page.get_search_fields():
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "title":
            continue
        text = field_text(page, search_field)
        if not text:
            continue
        if search_field.field_name in ("summary", "intro") and not summary:
            summary = text
        else:
            body_parts.append(text)
    summary = summary or nfc(page.search_description)
    language = page.locale.language_code if page.locale_id else settings.LANGUAGE_CODE
    with translation.override(language):  # labels in the page's own language
        type_label = str(page._meta.verbose_name)
        type_label = type_label[:1].upper() + type_label[1:]
        facets = declared_for(type(page)).stored(page)
    return IndexedDocument(
        portal=connection.schema_name,
        portal_code=portal.code,
        portal_name=(portal.name_en or portal.name) if language == "en" else portal.name,
        portal_kind=portal.kind,
        content_type=label,
        type_label=type_label,
        object_id=page.pk,
        title=nfc(page.title),
        summary=summary,
        body=nfc(" ".join(body_parts))[:MAX_BODY_CHARS],
        url=portal.url(url_parts[2]),
        language=language,
        date=page_date(page),
        facets=facets,
    )
