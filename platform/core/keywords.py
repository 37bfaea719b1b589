"""Accent- and case-insensitive keyword matching in the database, for the filter forms of
listings (legal documents, public services).

`Lai Chau` finds `Lai Châu` and `qd-ubnd` finds `QĐ-UBND`, using PostgreSQL's `unaccent`
(installed in the control plane's schema by `create_extensions`). Without the extension the
match falls back to a plain case-insensitive one.
"""

from __future__ import annotations

from django_tenants.utils import get_public_schema_name

from django.db import connection
from django.db.models import F, Func, Q, QuerySet, TextField
from django.db.models.functions import Lower

from core.text import nfc, unaccent

_available: dict[str, bool] = {}


class Unaccent(Func):
    output_field = TextField()

    def __init__(self, *expressions, **extra) -> None:
        # Schema-qualified: a portal's search_path starts with its own schema.
        schema = connection.ops.quote_name(get_public_schema_name())
        super().__init__(*expressions, function=f"{schema}.unaccent", **extra)


def unaccent_available() -> bool:
    key = connection.settings_dict.get("NAME") or ""
    if key not in _available:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = %s AND p.proname = 'unaccent'",
                [get_public_schema_name()],
            )
            _available[key] = cursor.fetchone() is not None
    return _available[key]


def keyword_filter(queryset: QuerySet, query: str, fields: tuple[str, ...]) -> QuerySet:
    """Rows where every word of `query` occurs in one of `fields`."""
    words = nfc(query).split()
    if not words:
        return queryset
    if unaccent_available():
        queryset = queryset.annotate(
            **{f"_folded_{name}": Lower(Unaccent(F(name))) for name in fields}
        )
        for word in words:
            folded = unaccent(word).lower()
            condition = Q()
            for name in fields:
                condition |= Q(**{f"_folded_{name}__contains": folded})
            queryset = queryset.filter(condition)
        return queryset
    for word in words:
        condition = Q()
        for name in fields:
            condition |= Q(**{f"{name}__icontains": word})
        queryset = queryset.filter(condition)
    return queryset
