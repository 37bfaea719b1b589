"""The embedded default: the shared table `public.search_document` on PostgreSQL.

Matching uses the `folded` vector (configuration `public.vi_unaccent`: `simple` plus
`unaccent`), so `tim kiem` finds `tìm kiếm`; ranking adds the `exact` vector (diacritics
kept) and a bonus when the query appears as written in the title, so exact-diacritic
matches come first. Writes join the caller's transaction.
"""

from __future__ import annotations

import json

from psycopg2.extras import Json, execute_values

from django.db import connection

from .base import (
    DOCUMENT_FACETS,
    MARK_END,
    MARK_START,
    FacetValue,
    Hit,
    IndexedDocument,
    SearchBackend,
    SearchQuery,
    SearchResults,
    Suggestion,
    fold,
    highlight_html,
    plain_snippet,
)

TABLE = "public.search_document"
CONFIG = "public.vi_unaccent"

COLUMNS = (
    "id", "portal", "portal_code", "portal_name", "portal_kind", "content_type", "type_label",
    "object_id", "title", "summary", "body", "url", "language", "date", "facets", "title_folded",
)
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
RESULT_COLUMNS = (
    "d.id, d.portal, d.portal_code, d.portal_name, d.portal_kind, d.content_type, d.type_label, "
    "d.title, d.url, d.date, d.facets, d.summary, d.body"
)
# Longest text handed to ts_headline for a snippet.
SNIPPET_SOURCE_CHARS = 4000


class PostgresSearchBackend(SearchBackend):
    name = "postgres"

    # --- the index ------------------------------------------------------------------------

    def create_index(self) -> bool:
        # Created by migration search.0001; nothing to do beyond checking it is there.
        with connection.cursor() as cursor:
            cursor.execute("SELECT to_regclass(%s)", [TABLE])
            return cursor.fetchone()[0] is None

    def status(self) -> dict:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT portal_code, count(*) FROM {TABLE} GROUP BY portal_code ORDER BY 1"
            )
            per_portal = dict(cursor.fetchall())
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", [TABLE])
            size = cursor.fetchone()[0]
        return {
            "backend": self.name, "index": TABLE, "documents": sum(per_portal.values()),
            "portals": per_portal, "size": size,
        }

    def index_documents(self, documents: list[IndexedDocument]) -> int:
        if not documents:
            return 0
        rows = [
            (
                d.id, d.portal, d.portal_code, d.portal_name, d.portal_kind, d.content_type,
                d.type_label, d.object_id, d.title, d.summary, d.body, d.url, d.language, d.date,
                Json(d.facets), d.title_folded,
            )
            for d in documents
        ]
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in COLUMNS[1:])
        with connection.cursor() as cursor:
            execute_values(
                cursor.cursor if hasattr(cursor, "cursor") else cursor,
                f"INSERT INTO {TABLE} ({', '.join(COLUMNS)}) VALUES %s "
                f"ON CONFLICT (id) DO UPDATE SET {updates}, indexed_at = now()",
                rows,
                page_size=500,
            )
        return len(rows)

    def delete_object(self, portal: str, object_id: int) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {TABLE} WHERE portal = %s AND object_id = %s", [portal, object_id]
            )

    def delete_portal(self, portal: str) -> int:
        with connection.cursor() as cursor:
            cursor.execute(f"DELETE FROM {TABLE} WHERE portal = %s", [portal])
            return cursor.rowcount

    def count(self, portal: str | None = None) -> int:
        with connection.cursor() as cursor:
            if portal is None:
                cursor.execute(f"SELECT count(*) FROM {TABLE}")
            else:
                cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE portal = %s", [portal])
            return cursor.fetchone()[0]

    # --- searching ------------------------------------------------------------------------

    def _scope(self, query: SearchQuery, params: dict) -> list[str]:
        """Conditions every part of a search shares: portal scope and the words."""
        where = []
        if query.portal:
            params["portal"] = query.portal
            where.append("d.portal = %(portal)s")
        else:
            where.append(_active_only(params, "d."))
        if query.text:
            where.append("d.folded @@ q.fq")
        return where

    def _filters(self, query: SearchQuery, params: dict, *, narrow: bool) -> list[str]:
        """The type and portal filters (`narrow`: also the document filters)."""
        where = []
        if query.content_type:
            params["content_type"] = query.content_type
            where.append("d.content_type = %(content_type)s")
        if query.portals and not query.portal:
            params["portals"] = list(query.portals)
            where.append("d.portal_code = ANY(%(portals)s)")
        if narrow:
            for name, value in query.document_filters.items():
                params[f"f_{name}"] = value
                where.append(f"d.facets->>'{name}' = %(f_{name})s")
            if query.date_from:
                params["date_from"] = query.date_from
                where.append("(d.date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= %(date_from)s")
            if query.date_to:
                params["date_to"] = query.date_to
                where.append("(d.date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= %(date_to)s")
        return where

    def _from(self, query: SearchQuery) -> str:
        if query.text:
            return (
                f"{TABLE} d, (SELECT websearch_to_tsquery('{CONFIG}', %(text)s) AS fq, "
                "websearch_to_tsquery('pg_catalog.simple', %(text)s) AS eq) q"
            )
        return f"{TABLE} d"

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults()
        if query.is_empty and not query.content_type:
            return results
        if query.number_key:
            numbered = self._search(query, number_key=query.number_key)
            if numbered.total:
                numbered.number_match = True
                return numbered
        return self._search(query)

    def _search(self, query: SearchQuery, number_key: str = "") -> SearchResults:
        params: dict = {"text": query.text, "limit": query.limit, "offset": query.offset}
        text_query = query.text and not number_key
        search_query = query if text_query else _without_text(query)
        scope = self._scope(search_query, params)
        if number_key:
            params["number_key"] = number_key
            scope.append("d.facets->>'number_key' = %(number_key)s")
        where = scope + self._filters(query, params, narrow=True)
        source = self._from(search_query)
        if text_query:
            rank = (
                "ts_rank(d.ranked, q.fq) + 2 * ts_rank(d.exact, q.eq) + "
                "CASE WHEN strpos(lower(d.title), lower(%(text)s)) > 0 THEN 1 ELSE 0 END"
            )
            order = "rank DESC, d.date DESC NULLS LAST, d.id"
        else:
            rank = "0"
            order = "d.date DESC NULLS LAST, d.id"
        condition = " AND ".join(where)
        page_sql = (
            f"SELECT {RESULT_COLUMNS}, {rank} AS rank FROM {source} WHERE {condition} "
            f"ORDER BY {order} LIMIT %(limit)s OFFSET %(offset)s"
        )
        if text_query:
            snippet_source = (
                f"left(CASE WHEN p.summary <> '' THEN p.summary || ' … ' ELSE '' END || p.body, "
                f"{SNIPPET_SOURCE_CHARS})"
            )
            sql = (
                f"SELECT p.*, ts_headline('{CONFIG}', p.title, q.fq, "
                f"'HighlightAll=true, StartSel=\"{MARK_START}\", StopSel=\"{MARK_END}\"'), "
                f"ts_headline('{CONFIG}', {snippet_source}, q.fq, '{HEADLINE_OPTIONS}') "
                f"FROM ({page_sql}) p, (SELECT websearch_to_tsquery('{CONFIG}', %(text)s) AS fq) q "
                f"ORDER BY p.rank DESC, p.date DESC NULLS LAST, p.id"
            )
        else:
            sql = page_sql
        results = SearchResults()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            cursor.execute(f"SELECT count(*) FROM {source} WHERE {condition}", params)
            results.total = cursor.fetchone()[0]
            results.facets = self._facets(cursor, search_query, params, scope)
        for row in rows:
            (doc_id, portal, code, name, kind, ctype, label, title, url, date, facets, summary,
             body, score, *headlines) = row
            if headlines:
                title_html = highlight_html(headlines[0])
                snippet_html = highlight_html(headlines[1])
            else:
                title_html = highlight_html(title)
                snippet_html = highlight_html(plain_snippet(summary or body))
            results.hits.append(
                Hit(
                    id=doc_id, portal=portal, portal_code=code, portal_name=name,
                    portal_kind=kind, content_type=ctype, type_label=label, title=title,
                    url=url, date=date, facets=_json(facets), title_html=title_html,
                    snippet_html=snippet_html, score=float(score),
                )
            )
        return results

    def _facets(self, cursor, query: SearchQuery, params: dict, scope: list[str]) -> dict:
        """Type and portal counts over the words and scope alone (so every choice shows its
        count); legal document facets over everything chosen."""
        source = self._from(query)
        facets: dict[str, list[FacetValue]] = {"type": [], "portal": []}
        cursor.execute(
            f"SELECT GROUPING(d.content_type), d.content_type, d.type_label, d.portal_code, "
            f"d.portal_name, count(*) FROM {source} WHERE {' AND '.join(scope)} "
            "GROUP BY GROUPING SETS ((d.content_type, d.type_label), (d.portal_code, d.portal_name)) "
            "ORDER BY 6 DESC, 3, 5",
            params,
        )
        for grouping, ctype, label, code, name, count in cursor.fetchall():
            if grouping == 0:
                facets["type"].append(FacetValue(ctype, label, count))
            else:
                facets["portal"].append(FacetValue(code, name, count))
        from ..documents import LEGAL_DOCUMENT

        if query.content_type == LEGAL_DOCUMENT:
            where = scope + self._filters(query, params, narrow=True)
            sets = ", ".join(
                f"((d.facets->>'{key}'), (d.facets->>'{label}'))" for _n, key, label in DOCUMENT_FACETS
            )
            groupings = ", ".join(
                f"GROUPING((d.facets->>'{key}'))" for _n, key, _l in DOCUMENT_FACETS
            )
            cursor.execute(
                f"SELECT {groupings}, "
                + ", ".join(
                    f"d.facets->>'{key}', d.facets->>'{label}'" for _n, key, label in DOCUMENT_FACETS
                )
                + f", count(*) FROM {source} WHERE {' AND '.join(where)} GROUP BY GROUPING SETS ({sets})",
                params,
            )
            for name, _key, _label in DOCUMENT_FACETS:
                facets[name] = []
            width = len(DOCUMENT_FACETS)
            for row in cursor.fetchall():
                flags, values, count = row[:width], row[width:-1], row[-1]
                for index, (name, _key, _label) in enumerate(DOCUMENT_FACETS):
                    if flags[index] == 0:
                        value, label = values[2 * index], values[2 * index + 1]
                        if value:
                            facets[name].append(FacetValue(value, label or value, count))
            for name, _key, _label in DOCUMENT_FACETS:
                facets[name].sort(key=lambda f: (-f.count, f.label))
        return facets

    def autocomplete(self, text: str, portal: str | None, limit: int = 8) -> list[Suggestion]:
        words = [w for w in fold(text).split() if w][:6]
        if not words:
            return []
        params: dict = {"raw": text.lower(), "folded": " ".join(words), "limit": limit}
        where = []
        if portal:
            params["portal"] = portal
            where.append("portal = %(portal)s")
        else:
            where.append(_active_only(params, ""))
        for index, word in enumerate(words):
            params[f"w{index}"] = f"%{_escape_like(word)}%"
            where.append(f"title_folded LIKE %(w{index})s")
        sql = (
            f"SELECT title, url, portal_name, type_label FROM {TABLE} WHERE {' AND '.join(where)} "
            "ORDER BY (strpos(lower(title), %(raw)s) > 0) DESC, "
            "(title_folded LIKE %(folded)s || '%%') DESC, "
            "public.similarity(title_folded, %(folded)s) DESC, date DESC NULLS LAST "
            "LIMIT %(limit)s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Suggestion(*row) for row in cursor.fetchall()]

    def latest(
        self, content_type: str, exclude_portal: str | None = None, limit: int = 6
    ) -> list[Hit]:
        params = {"content_type": content_type, "exclude": exclude_portal or "", "limit": limit}
        sql = (
            f"SELECT {RESULT_COLUMNS} FROM {TABLE} d WHERE d.content_type = %(content_type)s "
            f"AND d.portal <> %(exclude)s AND {_active_only(params, 'd.')} "
            "ORDER BY d.date DESC NULLS LAST, d.id LIMIT %(limit)s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [
            Hit(
                id=doc_id, portal=portal, portal_code=code, portal_name=name, portal_kind=kind,
                content_type=ctype, type_label=label, title=title, url=url, date=date,
                facets=_json(facets), title_html=highlight_html(title),
                snippet_html=highlight_html(plain_snippet(summary or body, 30)),
            )
            for (doc_id, portal, code, name, kind, ctype, label, title, url, date, facets, summary,
                 body) in rows
        ]


def _active_only(params: dict, prefix: str) -> str:
    """Only active portals' documents. Portals leave the index when they stop being active,
    so this is a safeguard: a filter on the (few) portals that are not active, which keeps
    the planner on the text and date indexes."""
    params["inactive"] = inactive_portal_schemas()
    return f"NOT ({prefix}portal = ANY(%(inactive)s))"


def inactive_portal_schemas() -> list[str]:
    from django.conf import settings

    from tenants.models import Portal

    schemas = list(
        Portal.objects.exclude(status=Portal.Status.ACTIVE).values_list("schema_name", flat=True)
    )
    return schemas + [settings.TENANT_BASE_SCHEMA]


def _json(value) -> dict:
    # Django reads jsonb as text with psycopg2.
    return json.loads(value) if isinstance(value, str) else (value or {})


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _without_text(query: SearchQuery) -> SearchQuery:
    from dataclasses import replace

    return replace(query, text="")
