"""What every search backend takes and returns.

A backend stores `IndexedDocument`s of every portal in one index, keyed
`<schema>:<app_label.model>:<pk>`, and answers `SearchQuery`s restricted either to one
portal (`portal` = its schema) or to every active portal (`portal` = None, the province's
“whole province” scope).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from core.text import nfc, unaccent

# Highlight markers the backends put around matched words; `highlight_html()` turns them
# into <mark> after escaping the text.
MARK_START = "\ue000"
MARK_END = "\ue001"

# A search counts its matches up to this many; past it the page says “more than” and only
# the best results, at most this many, can be paged through (the public page shows 100 pages
# of 10 at most anyway).
COUNT_CAP = 1000


def fold(value: str) -> str:
    """`Đà Nẵng` → `da nang`: how titles are compared for autocomplete."""
    return unaccent(nfc(value)).lower()


def number_key(value: str) -> str:
    """The form an identifier is looked up by: `43/2020/QĐ-UBND` → `43/2020/qd-ubnd`."""
    return "".join(fold(value).split())


def highlight_html(text: str) -> SafeString:
    escaped = escape(text.replace(MARK_START, "").replace(MARK_END, ""))
    if MARK_START in text:
        escaped = escape(text).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    return mark_safe(escaped)  # noqa: S308 - escaped above


def plain_snippet(text: str, words: int = 40) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


@dataclass
class IndexedDocument:
    portal: str  # schema
    portal_code: str
    portal_name: str
    portal_kind: str
    content_type: str  # "news.newsarticlepage"
    object_id: int
    title: str
    url: str
    type_label: str = ""
    summary: str = ""
    body: str = ""
    language: str = "vi"
    date: datetime.datetime | None = None
    facets: dict = field(default_factory=dict)

    @property
    def id(self) -> str:
        return document_id(self.portal, self.content_type, self.object_id)

    @property
    def title_folded(self) -> str:
        return fold(self.title)


def document_id(portal: str, content_type: str, object_id: int) -> str:
    return f"{portal}:{content_type}:{object_id}"


@dataclass
class SearchQuery:
    text: str = ""
    portal: str | None = None  # a schema; None: every active portal
    portals: tuple[str, ...] = ()  # portal codes, in the cross-portal scope
    language: str = ""  # the language of the page searched from ("vi", "en"); "" any
    content_type: str = ""
    # Facets chosen: key in `facets` → value (the facets the content type declares).
    filters: dict[str, str] = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    offset: int = 0
    limit: int = 10
    # The words with synonyms in place (search.tuning): a match of any is a match.
    alternatives: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self.text = " ".join(nfc(self.text).split())[:200]

    @property
    def number_key(self) -> str:
        """The words as an identifier to look up exactly, when they are shaped like one of
        the identifiers content types declare (`IdentifierFacet`)."""
        from ..facets import is_identifier

        return number_key(self.text) if is_identifier(self.text) else ""

    @property
    def number_parts(self) -> dict | None:
        """The words as an identifier typed in part (`12/2024`, `NQ 12`, `quyết định 15`):
        the stored parts to look up (`search.facets.typed_number`), or None."""
        from ..facets import typed_number

        return typed_number(self.text) if self.text else None

    @property
    def counted_facets(self) -> tuple[tuple[str, str], ...]:
        """(key, label key) of the facets the chosen type declares: counted and filtered on."""
        from ..facets import declared_for_type

        return declared_for_type(self.content_type).counted

    def chosen_facets(self) -> dict[str, str]:
        """The filters with a value, keys checked (they are written into queries)."""
        from ..facets import KEY_RE

        chosen = {}
        for key, value in self.filters.items():
            if not KEY_RE.match(key):
                raise ValueError(f"not a facet key: {key!r}")
            if value:
                chosen[key] = value
        return chosen

    @property
    def is_empty(self) -> bool:
        return not (self.text or self.chosen_facets() or self.date_from or self.date_to)


@dataclass
class Hit:
    id: str
    portal: str
    portal_code: str
    portal_name: str
    portal_kind: str
    content_type: str
    type_label: str
    title: str
    url: str
    date: datetime.datetime | None
    facets: dict
    title_html: SafeString
    snippet_html: SafeString
    score: float = 0.0
    # What the page shows of the facets its type declares `in_results` (labels).
    details: list[str] = field(default_factory=list)


@dataclass
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchResults:
    # Matches; when `capped`, counting stopped at this number and there are more.
    total: int = 0
    hits: list[Hit] = field(default_factory=list)
    # "type", "portal", and with a type chosen the keys of the facets it declares
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    # True when the query was an identifier (a document's number) and it was found.
    number_match: bool = False
    capped: bool = False
    # How many results, best first, can be paged through (all of them unless `capped`);
    # the chosen type's facets count these when `capped`.
    reachable: int = 0
    # When not 0: the type and portal counts are over the `facet_sample` newest matches of
    # the words in the scope, not over every match (there were more than COUNT_CAP).
    facet_sample: int = 0


@dataclass
class Suggestion:
    title: str
    url: str
    portal_name: str
    type_label: str


class SearchBackend:
    """The interface of a shared-index backend."""

    name = "base"

    def create_index(self) -> bool:
        """Create the index and its mapping if missing. Returns True when created."""
        raise NotImplementedError

    def status(self) -> dict:
        raise NotImplementedError

    def index_documents(self, documents: list[IndexedDocument]) -> int:
        raise NotImplementedError

    def delete_object(self, portal: str, object_id: int) -> None:
        raise NotImplementedError

    def delete_portal(self, portal: str) -> int:
        raise NotImplementedError

    def count(self, portal: str | None = None) -> int:
        raise NotImplementedError

    def search(self, query: SearchQuery) -> SearchResults:
        raise NotImplementedError

    def autocomplete(
        self, text: str, portal: str | None, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        raise NotImplementedError

    def latest(self, content_type: str, exclude_portal: str | None = None, limit: int = 6) -> list[Hit]:
        """The newest items of one type from every active portal but `exclude_portal`."""
        raise NotImplementedError

    def refresh(self) -> None:
        """Make what was written searchable now (no-op where writes are immediate)."""


def active_portal_schemas() -> list[str]:
    from tenants.models import Portal

    return list(
        Portal.objects.filter(status=Portal.Status.ACTIVE)
        .exclude(kind=Portal.Kind.PLATFORM)
        .values_list("schema_name", flat=True)
    )
