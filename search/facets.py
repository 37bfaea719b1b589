"""What a content model declares for the search page: its facets and filters.

A page model lists them in `search_facets`, as it lists what is searched in Wagtail's
`search_fields`:

    search_facets = [
        ChoiceFacet("doc_type", param="hinh-thuc"),
        RelatedFacet("issuer", param="co-quan"),
        IdentifierFacet("number", lookup=r"^\\d+/\\d{4}/\\S+$"),
        DateRangeFilter("tu-ngay", "den-ngay", label_from=_("Từ ngày"), label_to=_("đến ngày")),
    ]

Each facet's value is stored with the page's document in the index (`facets`, under the
facet's `key`, and its label under `<key>_label` when the label differs from the value).
A facet with a `param` is offered on the search page once that type is chosen: counted,
and filtered on through that URL parameter. `search` reads these declarations from
whatever model it indexes or is asked about; it names no model.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core import checks
from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.utils.text import capfirst

from .backends.base import number_key

# Keys are written into SQL (`facets->>'key'`) and field names of the search server.
KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")
# The type and portal counts share `SearchResults.facets` with the declared facets.
RESERVED_KEYS = frozenset({"type", "portal"})
# The search page's own parameters.
RESERVED_PARAMS = frozenset({"q", "loai", "trang", "pham-vi", "cong"})
# Where an identifier is stored: the index's migrations search `number` with the title and
# look `number_key` up through a partial index.
IDENTIFIER_KEY = "number"
IDENTIFIER_LOOKUP_KEY = "number_key"
# The identifier's parts, for numbers typed in part (`12`, `12/2024`, `NQ 12`).
NUMBER_LEAD_KEY = "number_lead"
NUMBER_YEAR_KEY = "number_year"
NUMBER_SYMBOLS_KEY = "number_symbols"
NUMBER_PART_KEYS = (NUMBER_LEAD_KEY, NUMBER_YEAR_KEY, NUMBER_SYMBOLS_KEY)
# Words before a number that say nothing of its kind (folded).
GENERIC_KIND_WORDS = ("van ban so", "van ban", "so")
# `43/2020/QĐ-UBND`, `1234/UBND-KT`, `36-NQ/TW`: leading number, optional year, symbol.
_NUMBER_RE = re.compile(r"^\s*(\d{1,6})([a-z]?)(?:/(\d{4}))?(?:[/-](.*))?$", re.IGNORECASE)
# What citizens type: an optional kind (words or abbreviation), `số`, the number, a year.
_TYPED_RE = re.compile(
    r"^(?:(?P<kind>[^\W\d_]+(?: [^\W\d_]+){0,3}?) )?(?:so )?(?P<lead>\d{1,6})(?P<letter>[a-z]?)"
    r"(?:/(?P<year>\d{4})| nam (?P<year2>\d{4}))?(?:/(?P<symbol>[^\s/]+(?:/[^\s/]+)*))?$"
)


def symbol_key(value: str) -> str:
    """`QĐ` → `qd`, `Nghị quyết` → `nghiquyet`: a symbol or kind as it is compared."""
    return re.sub(r"[^a-z0-9]", "", number_key(value))


def split_number(value: str) -> tuple[str, str, list[str]] | None:
    """`12/2024/NQ-HĐND` → (`12`, `2024`, [`nq`, `hdnd`]); `05/CT-UBND` → (`5`, ``, …)."""
    match = _NUMBER_RE.match(number_key(value))
    if match is None:
        return None
    lead, letter, year, symbol = match.groups()
    symbols = [symbol_key(part) for part in re.split(r"[-/.]", symbol or "")]
    return str(int(lead)) + letter, year or "", [s for s in symbols if s]


def typed_number(text: str) -> dict[str, Any] | None:
    """The parts of an identifier typed in part, as stored facets to look up, or None when
    the words are not shaped so: `12` → {number_lead: 12}; `12/2024` adds the year;
    `NQ 12`, `nghị quyết 12`, `quyet dinh so 15 nam 2025` add a symbol."""
    if not has_identifiers():
        return None
    folded = " ".join(number_key(word) for word in text.split())
    for generic in GENERIC_KIND_WORDS:  # `văn bản số 12`: no kind said
        if folded.startswith(generic + " "):
            folded = folded[len(generic) + 1 :]
    match = _TYPED_RE.match(folded)
    if match is None:
        return None
    parts: dict[str, Any] = {NUMBER_LEAD_KEY: str(int(match["lead"])) + match["letter"]}
    year = match["year"] or match["year2"]
    if year:
        parts[NUMBER_YEAR_KEY] = year
    symbols = []
    if match["kind"]:
        symbols.append(symbol_key(match["kind"]))
    if match["symbol"]:
        symbols += [symbol_key(p) for p in re.split(r"[-/.]", match["symbol"]) if symbol_key(p)]
    if symbols:
        parts[NUMBER_SYMBOLS_KEY] = symbols
    return parts


class SearchFacet:
    """A value of the page kept in its index document, under `key` (default: the field's
    name). With a `param` the search page offers it, counted, as a filter; `label` heads it
    there (default: the field's verbose name). `in_results`: its label is shown with each
    result."""

    def __init__(
        self, field: str, *, param: str = "", label: str = "", key: str = "", in_results: bool = False
    ) -> None:
        self.field = field
        self.key = key or field
        if not KEY_RE.match(self.key) or self.key in RESERVED_KEYS:
            raise ImproperlyConfigured(f"search facet key {self.key!r} not allowed")
        self.param = param
        self.label = label
        self.in_results = in_results

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.field!r}, key={self.key!r}, param={self.param!r})"

    @property
    def label_key(self) -> str:
        return f"{self.key}_label"

    def heading(self, model) -> str:
        if self.label:
            return str(self.label)
        try:
            return capfirst(str(model._meta.get_field(self.field).verbose_name))
        except FieldDoesNotExist:
            return self.field

    def stored(self, page) -> dict[str, Any]:
        """What the index keeps of this facet for `page` (nothing when it has no value)."""
        raise NotImplementedError


class ChoiceFacet(SearchFacet):
    """A field with choices: its value, labelled by `get_<field>_display()`."""

    def stored(self, page) -> dict[str, Any]:
        value = getattr(page, self.field)
        if value in (None, ""):
            return {}
        label = getattr(page, f"get_{self.field}_display")()
        return {self.key: value, self.label_key: str(label)}


class RelatedFacet(SearchFacet):
    """A foreign key to a snippet (a label editors choose from): filtered on the related
    object's `value` attribute (default its name), labelled by `str()` of it."""

    def __init__(self, field: str, *, value: str = "name", **kwargs) -> None:
        super().__init__(field, **kwargs)
        self.value = value

    def stored(self, page) -> dict[str, Any]:
        related = getattr(page, self.field)
        if related is None:
            return {}
        value = str(getattr(related, self.value))
        if not value:
            return {}
        stored = {self.key: value}
        label = str(related)
        if label != value:
            stored[self.label_key] = label
        return stored


class IdentifierFacet(SearchFacet):
    """The page's identifier, such as a document's number: searched with the title, shown
    with each result, and looked up exactly (case, diacritics and spaces aside) when the
    words typed match `lookup`, before any other search. One per model; never a filter.
    `found_label` introduces the results of such a lookup.

    Citizens rarely type a whole number: `12`, `12/2024`, `NQ 12`, `nghị quyết 12`. Its parts
    are stored too (`number_parts`: the leading number without zeros, the year, the symbol's
    words folded) and such queries are looked up on them. `kind` names the choice field of
    the page's kind (a document's type): its label (`nghiquyet`) and its abbreviation from
    `abbreviations` (value → `NQ`) count as symbols of the number, so the kind's word or
    abbreviation finds the number even where the symbol does not carry it (`1234/UBND-KT`).
    `year_from` names the date field whose year is the number's when the number carries
    none: numbering starts again each year, so `05/CT-UBND` issued in 2025 is cited and
    typed as `05/2025`."""

    def __init__(
        self,
        field: str,
        *,
        lookup: str = "",
        found_label: str = "",
        kind: str = "",
        abbreviations: dict[str, str] | None = None,
        year_from: str = "",
        **kwargs,
    ) -> None:
        super().__init__(field, key=IDENTIFIER_KEY, **kwargs)
        self.lookup = re.compile(lookup) if lookup else None
        self.found_label = found_label
        self.kind = kind
        self.abbreviations = dict(abbreviations or {})
        self.year_from = year_from

    def kind_symbols(self, page) -> set[str]:
        if not self.kind:
            return set()
        value = getattr(page, self.kind, "")
        symbols = set()
        if value in self.abbreviations:
            symbols.add(symbol_key(self.abbreviations[value]))
        label = getattr(page, f"get_{self.kind}_display", lambda: "")()
        if label:
            symbols.add(symbol_key(str(label)))
        return symbols - {""}

    def stored(self, page) -> dict[str, Any]:
        value = getattr(page, self.field)
        if not value:
            return {}
        stored: dict[str, Any] = {IDENTIFIER_KEY: value, IDENTIFIER_LOOKUP_KEY: number_key(value)}
        parts = split_number(value)
        if parts is not None:
            lead, year, symbols = parts
            stored[NUMBER_LEAD_KEY] = lead
            dated = getattr(page, self.year_from, None) if self.year_from else None
            if not year and dated:
                year = str(dated.year)
            if year:
                stored[NUMBER_YEAR_KEY] = year
            stored[NUMBER_SYMBOLS_KEY] = sorted(set(symbols) | self.kind_symbols(page))
        return stored


class DateRangeFilter:
    """Results from one date to another through two URL parameters (`YYYY-MM-DD` or
    `DD/MM/YYYY`), on the date the index keeps for each page (see `documents.page_date`)."""

    def __init__(self, param_from: str, param_to: str, *, label_from: str, label_to: str) -> None:
        self.param_from = param_from
        self.param_to = param_to
        self.label_from = label_from
        self.label_to = label_to

    def __repr__(self) -> str:
        return f"DateRangeFilter({self.param_from!r}, {self.param_to!r})"


@dataclass(frozen=True)
class Declared:
    """What one model declares, sorted out."""

    model: type | None = None
    facets: tuple[SearchFacet, ...] = ()  # every stored facet, the identifier included
    filters: tuple[SearchFacet, ...] = ()  # those offered and counted, in declared order
    identifier: IdentifierFacet | None = None
    date_range: DateRangeFilter | None = None

    @property
    def counted(self) -> tuple[tuple[str, str], ...]:
        """(key, label key) of each filter: what the backends count."""
        return tuple((facet.key, facet.label_key) for facet in self.filters)

    def stored(self, page) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for facet in self.facets:
            values.update(facet.stored(page))
        return values

    def result_details(self, facets: dict) -> list[str]:
        """The labels of the facets shown with a result, from its stored `facets`."""
        details = []
        for facet in self.facets:
            if facet.in_results and facet is not self.identifier:
                label = facets.get(facet.label_key) or facets.get(facet.key)
                if label:
                    details.append(str(label))
        return details


NOTHING = Declared()
_declared: dict[type, Declared] = {}


def declared_for(model: type) -> Declared:
    """The declarations of `model` (a page class), read once."""
    if model not in _declared:
        declarations = tuple(getattr(model, "search_facets", ()) or ())
        facets = tuple(d for d in declarations if isinstance(d, SearchFacet))
        identifiers = [f for f in facets if isinstance(f, IdentifierFacet)]
        ranges = [d for d in declarations if isinstance(d, DateRangeFilter)]
        _declared[model] = Declared(
            model=model,
            facets=facets,
            filters=tuple(f for f in facets if f.param and not isinstance(f, IdentifierFacet)),
            identifier=identifiers[0] if identifiers else None,
            date_range=ranges[0] if ranges else None,
        )
    return _declared[model]


def declared_for_type(content_type: str) -> Declared:
    """The declarations of the model labelled `content_type` (`app_label.model`), or none."""
    if content_type.count(".") != 1:
        return NOTHING
    try:
        model = apps.get_model(content_type)
    except (LookupError, ValueError):
        return NOTHING
    return declared_for(model)


def _page_models() -> Iterable[type]:
    from wagtail.models import get_page_models

    return get_page_models()


_lookups: list[re.Pattern] | None = None


def identifier_lookups() -> list[re.Pattern]:
    """The patterns of every declared identifier: words matching one are looked up."""
    global _lookups
    if _lookups is None:
        patterns = {}
        for model in _page_models():
            identifier = declared_for(model).identifier
            if identifier is not None and identifier.lookup is not None:
                patterns[identifier.lookup.pattern] = identifier.lookup
        _lookups = list(patterns.values())
    return _lookups


_has_identifiers: list[bool] = []


def has_identifiers() -> bool:
    """Whether any page model declares an identifier (read once)."""
    if not _has_identifiers:
        _has_identifiers.append(any(declared_for(m).identifier is not None for m in _page_models()))
    return _has_identifiers[0]


def is_identifier(text: str) -> bool:
    return any(pattern.match(text) for pattern in identifier_lookups())


def check_declarations(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """Declarations that would break the index or the search page, found at start-up."""
    errors = []
    for model in _page_models():
        declarations = list(getattr(model, "search_facets", ()) or ())
        for message, code in _problems(model, declarations):
            errors.append(checks.Error(message, obj=model, id=f"portal_search.{code}"))
    return errors


def _problems(model, declarations: list) -> list[tuple[str, str]]:
    problems = []
    keys: set[str] = set()
    params: set[str] = set()
    for declaration in declarations:
        if isinstance(declaration, DateRangeFilter):
            used = [declaration.param_from, declaration.param_to]
        elif isinstance(declaration, SearchFacet):
            try:
                model._meta.get_field(declaration.field)
            except FieldDoesNotExist:
                if not hasattr(model, declaration.field):
                    problems.append((f"{declaration!r}: no field {declaration.field!r}", "E001"))
            if declaration.key in keys or declaration.label_key in keys:
                problems.append((f"{declaration!r}: key {declaration.key!r} used twice", "E002"))
            keys |= {declaration.key, declaration.label_key}
            if isinstance(declaration, IdentifierFacet):
                keys |= {IDENTIFIER_LOOKUP_KEY, *NUMBER_PART_KEYS}
            used = [declaration.param] if declaration.param else []
        else:
            problems.append((f"search_facets holds {declaration!r}, not a facet or filter", "E003"))
            continue
        for param in used:
            if param in RESERVED_PARAMS or param in params:
                problems.append((f"{declaration!r}: parameter {param!r} taken", "E004"))
            params.add(param)
    if sum(isinstance(d, IdentifierFacet) for d in declarations) > 1:
        problems.append(("search_facets: more than one IdentifierFacet", "E005"))
    if sum(isinstance(d, DateRangeFilter) for d in declarations) > 1:
        problems.append(("search_facets: more than one DateRangeFilter", "E006"))
    return problems
