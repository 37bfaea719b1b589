"""The embedded default: the shared table `public.search_document` on PostgreSQL.

Matching uses the `folded` vector (configuration `public.vi_unaccent`: `simple` plus
`unaccent`), so `tim kiem` finds `tìm kiếm`; ranking adds the `exact` vector (diacritics
kept) and a bonus when the query appears as written in the title, so exact-diacritic
matches come first. Writes join the caller's transaction.

Cost is kept bounded however many documents match: matches are counted up to COUNT_CAP;
up to that many every match is ranked and counted into the facets. Past it only a pool of
candidates is ranked (the newest matches, the newest title/summary matches and the newest
exact-diacritic matches), and the type and portal facets count the newest matches (see
docs/search.md).
"""

from __future__ import annotations

import datetime
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from psycopg2.extras import Json, execute_values

from django.db import connection, transaction

from .base import (
    COUNT_CAP,
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
    "id",
    "portal",
    "portal_code",
    "portal_name",
    "portal_kind",
    "content_type",
    "type_label",
    "object_id",
    "title",
    "summary",
    "body",
    "url",
    "language",
    "date",
    "facets",
    "title_folded",
)
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=35, MinWords=15, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
RESULT_COLUMNS = (
    "d.id, d.portal, d.portal_code, d.portal_name, d.portal_kind, d.content_type, d.type_label, "
    "d.title, d.url, d.date, d.facets, d.summary, left(d.body, %(body_chars)s)"
)
# Longest text handed to ts_headline for a snippet.
SNIPPET_SOURCE_CHARS = 4000

# The words, folded and as written (both functions are immutable: computed once per query).
# With synonyms, the words OR each alternative (`public.cong_websearch`, migration 0003).
FOLDED_QUERY = f"public.cong_websearch('{CONFIG}', %(text)s, %(alternatives)s)"
EXACT_QUERY = "public.cong_websearch('pg_catalog.simple', %(text)s, %(alternatives)s)"
# `exact` lies in TOAST (a read a row): it is ranked only where `ranked` holds some of the
# words. Its words folded are `ranked`'s, so elsewhere its rank is ts_rank's floor for no
# match (1e-20) as `ranked`'s is: the order is the same.
RANK = (
    f"ts_rank(d.ranked, {FOLDED_QUERY}) + CASE WHEN ts_rank(d.ranked, {FOLDED_QUERY}) > 1e-19 "
    f"THEN 2 * ts_rank(d.exact, {EXACT_QUERY}) ELSE 0 END + "
    "CASE WHEN strpos(lower(d.title), lower(%(text)s)) > 0 THEN 1 ELSE 0 END"
)
# The order of equal ranks, and of every result without words; the `*_recent` indexes of
# migration 0002 are in this order, so the newest rows are read without sorting.
NEWEST = "d.date DESC NULLS LAST, d.id"
PORTAL_SCOPE = "d.portal = %(portal)s"
LANGUAGE_SCOPE = "d.language = %(language)s"
TYPE_FILTER = "d.content_type = %(content_type)s"

# Past COUNT_CAP matches the candidates ranked are: the newest matches, the newest
# title/summary matches and the newest exact-diacritic matches (the last two may be older
# than the first, and rank above them). The type and portal facets then count the newest
# matches.
POOL_NEWEST = 300
# With a filter, the type and portal facets count the newest FACET_SAMPLE matches of the
# scope without it (another list than the results').
FACET_SAMPLE = 150
POOL_RANKED = 150
POOL_EXACT = 100
# A candidate list is read by walking the newest rows of the scope and testing each (cheap
# when many rows match), or through a text index then sorted by date (cheap when few do).
# Testing a row in a walk (reading its vector) costs about WALK_ROW_COST times what taking a
# row found by the text index does. A walk reads at most MAX_WALK_ROWS rows, WALK_ROWS when
# how many rows match is not known.
WALK_ROW_COST = 1.5
# Past COUNT_CAP, counting by a walk of the newest rows beats the text index (which hands
# over every match, then each is read) once about a fifth of the scope matches. The walk
# reads at most DENSE_WALK_MARGIN times the rows the planner's estimate needs.
DENSE_SHARE = 0.2
DENSE_WALK_MARGIN = 1.5
WALK_ROWS = 2500
# When the planner expects at most FULL_READ_EXPECTED matches (too few for a walk to count),
# the count reads every match, up to FULL_READ_LIMIT (the planner may be wrong), with its
# date: past COUNT_CAP, the newest are then known without another pass over the matches.
FULL_READ_EXPECTED = 4 * COUNT_CAP
FULL_READ_LIMIT = 8 * COUNT_CAP
MAX_WALK_ROWS = 20_000
# The type and portal facets of a filtered search with at most COUNT_CAP results count every
# match of the scope when there are at most COUNT_CAP of those too. When the planner expects
# more than FACET_PROBE_EXPECTED, they are not counted (that would stop at the cap): the
# facets count the newest FACET_SAMPLE at once.
FACET_PROBE_EXPECTED = 4 * COUNT_CAP
# A look-back for title/summary or exact matches through their text index reads the date of
# every such match to keep the newest. Those in the newest matches tell how far back in
# time enough of them lie: the text index is then read only for that time span, with
# LOOKBACK_MARGIN times the span the newest matches suggest (and, if that holds too few,
# for all time after all).
LOOKBACK_MARGIN = 2.0
# Autocomplete orders at most this many matching titles, plus (when there are more) the
# newest matches among the newest SUGGESTION_WALK_ROWS rows, the newest titles starting with
# the words and the newest holding the text as written, SUGGESTION_NEWEST of each.
SUGGESTION_SAMPLE = 200
SUGGESTION_NEWEST = 100
SUGGESTION_WALK_ROWS = 5000


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
            cursor.execute(f"SELECT portal_code, count(*) FROM {TABLE} GROUP BY portal_code ORDER BY 1")
            per_portal = dict(cursor.fetchall())
            cursor.execute("SELECT pg_size_pretty(pg_total_relation_size(%s))", [TABLE])
            size = cursor.fetchone()[0]
        return {
            "backend": self.name,
            "index": TABLE,
            "documents": sum(per_portal.values()),
            "portals": per_portal,
            "size": size,
        }

    def index_documents(self, documents: list[IndexedDocument]) -> int:
        if not documents:
            return 0
        rows = [
            (
                d.id,
                d.portal,
                d.portal_code,
                d.portal_name,
                d.portal_kind,
                d.content_type,
                d.type_label,
                d.object_id,
                d.title,
                d.summary,
                d.body,
                d.url,
                d.language,
                d.date,
                Json(d.facets),
                d.title_folded,
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
            cursor.execute(f"DELETE FROM {TABLE} WHERE portal = %s AND object_id = %s", [portal, object_id])

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
        """The portal scope every part of a search shares, in the language searched."""
        if query.portal:
            params["portal"] = query.portal
            scope = [PORTAL_SCOPE]
        else:
            scope = [_active_only(params, "d.")]
        if query.language:
            params["language"] = query.language
            scope.append(LANGUAGE_SCOPE)
        return scope

    def _filters(self, query: SearchQuery, params: dict) -> list[str]:
        """What narrows the results but not the type and portal facets: type, portals, the
        chosen facets and dates."""
        where = []
        if query.content_type:
            params["content_type"] = query.content_type
            where.append(TYPE_FILTER)
        if query.portals and not query.portal:
            params["portals"] = list(query.portals)
            where.append("d.portal_code = ANY(%(portals)s)")
        for key, value in query.chosen_facets().items():
            params[f"f_{key}"] = value
            where.append(f"d.facets->>'{key}' = %(f_{key})s")
        if query.date_from:
            params["date_from"] = query.date_from
            where.append("(d.date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= %(date_from)s")
        if query.date_to:
            params["date_to"] = query.date_to
            where.append("(d.date AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= %(date_to)s")
        return where

    def search(self, query: SearchQuery) -> SearchResults:
        results = SearchResults()
        if query.is_empty and not query.content_type:
            return results
        if query.number_key:
            numbered = self._search(query, number_key=query.number_key)
            if numbered.total:
                numbered.number_match = True
                return numbered
        if parts := query.number_parts:
            numbered = self._search(query, number_parts=parts)
            if numbered.total:
                numbered.number_match = True
                return numbered
        return self._search(query)

    def _search(
        self, query: SearchQuery, number_key: str = "", number_parts: dict | None = None
    ) -> SearchResults:
        text = bool(query.text) and not number_key and not number_parts
        params: dict = {
            "text": query.text,
            "alternatives": list(query.alternatives),
            "body_chars": SNIPPET_SOURCE_CHARS,
        }
        # Type and portal facets count the words in the scope; the results and the chosen
        # type's facets are narrowed by the filters too.
        base = self._scope(query, params)
        if number_key:
            params["number_key"] = number_key
            # `facets ? 'number_key'` lets the partial index on numbers be used.
            base.append("d.facets ? 'number_key' AND d.facets->>'number_key' = %(number_key)s")
        elif number_parts:
            # A number typed in part: its stored parts hold those typed (the symbols among
            # them: jsonb containment of arrays).
            params["number_parts"] = Json(number_parts)
            base.append("d.facets ? 'number_key' AND d.facets @> %(number_parts)s")
        narrow = self._filters(query, params)
        counted = query.counted_facets
        results = SearchResults()
        with _planned_for_text_indexes() as cursor:
            finder = _Finder(cursor, params, text=text, counted=counted)
            count, chosen, base_rows, results.facet_sample = finder.candidates(base, narrow)
            results.capped = count > COUNT_CAP
            results.total = COUNT_CAP if results.capped else len(chosen)
            chosen.sort(key=_by_rank if text else _by_date)
            results.reachable = len(chosen)
            page = chosen[query.offset : query.offset + query.limit]
            results.hits = self._hits(cursor, page, params, highlight=text)
        results.facets = _facets(base_rows, chosen, counted)
        return results

    def _hits(self, cursor, page: list[_Row], params: dict, highlight: bool) -> list[Hit]:
        """The page's results with what is shown of them (snippets, highlighted when there
        are words)."""
        if not page:
            return []
        params = {**params, "ids": [row.id for row in page]}
        columns = "d.id, d.portal, d.portal_kind, d.title, d.url, d.facets, d.summary, d.body"
        if highlight:
            snippet_source = (
                "left(CASE WHEN d.summary <> '' THEN d.summary || ' … ' ELSE '' END || d.body, "
                "%(body_chars)s)"
            )
            headlines = (
                f", ts_headline('{CONFIG}', d.title, {FOLDED_QUERY}, "
                f'\'HighlightAll=true, StartSel="{MARK_START}", StopSel="{MARK_END}"\'), '
                f"ts_headline('{CONFIG}', {snippet_source}, {FOLDED_QUERY}, '{HEADLINE_OPTIONS}')"
            )
        else:
            headlines = ""
        cursor.execute(
            f"SELECT {columns.replace('d.body', 'left(d.body, %(body_chars)s)')}{headlines} "
            f"FROM {TABLE} d WHERE d.id = ANY(%(ids)s)",
            params,
        )
        shown = {values[0]: values for values in cursor.fetchall()}
        hits = []
        for row in page:
            if row.id not in shown:  # removed since it was counted
                continue
            _id, portal, kind, title, url, facets, summary, body, *headlines_ = shown[row.id]
            if headlines_:
                title_html = highlight_html(headlines_[0])
                snippet_html = highlight_html(headlines_[1])
            else:
                title_html = highlight_html(title)
                snippet_html = highlight_html(plain_snippet(summary or body))
            hits.append(
                Hit(
                    id=row.id,
                    portal=portal,
                    portal_code=row.portal_code,
                    portal_name=row.portal_name,
                    portal_kind=kind,
                    content_type=row.content_type,
                    type_label=row.type_label,
                    title=title,
                    url=url,
                    date=row.date,
                    facets=_json(facets),
                    title_html=title_html,
                    snippet_html=snippet_html,
                    score=row.score,
                )
            )
        return hits

    def autocomplete(
        self, text: str, portal: str | None, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        words = [w for w in fold(text).split() if w][:6]
        if not words:
            return []
        folded = " ".join(words)
        params: dict = {
            "raw": text.lower(),
            "written": f"%{_escape_like(text.lower())}%",
            "folded": folded,
            "prefix": _escape_like(folded) + "%",
            # Titles starting with the words, as a range of the btree on title_folded
            # (text_pattern_ops): a LIKE would go to the trigram index, which finds them poorly.
            "prefix_from": folded,
            "prefix_to": folded[:-1] + _next_character(folded[-1]),
            "limit": limit,
        }
        if portal:
            params["portal"] = portal
            scopes = [PORTAL_SCOPE]
        else:
            scopes = [_active_only(params, "d.")]
        if language:
            params["language"] = language
            scopes.append(LANGUAGE_SCOPE)
        scope = " AND ".join(scopes)
        likes = []
        for index, word in enumerate(words):
            params[f"w{index}"] = f"%{_escape_like(word)}%"
            likes.append(f"d.title_folded LIKE %(w{index})s")
        matching = " AND ".join(likes)
        columns = "d.id, d.title, d.title_folded, d.url, d.portal_name, d.type_label, d.date"
        crowded = f"(SELECT count(*) FROM sample) > {SUGGESTION_SAMPLE}"

        def walk(condition: str) -> str:
            # The newest matches passing `condition` among the newest rows of the scope.
            return (
                f"SELECT d.* FROM (SELECT {columns} FROM {TABLE} d WHERE {scope} "
                f"ORDER BY {_newest_first(scopes)} LIMIT {SUGGESTION_WALK_ROWS}) d "
                f"WHERE {matching} AND {condition} LIMIT {SUGGESTION_NEWEST}"
            )

        starting = (
            f"SELECT p.* FROM (SELECT {columns} FROM {TABLE} d WHERE {scope} "
            "AND d.title_folded ~>=~ %(prefix_from)s AND d.title_folded ~<~ %(prefix_to)s "
            "OFFSET 0) p "
            f"ORDER BY p.date DESC NULLS LAST, p.id LIMIT {SUGGESTION_NEWEST}"
        )
        # Any SUGGESTION_SAMPLE + 1 matches (through the trigram index when the words allow):
        # when that is all of them, they are the candidates. Otherwise the newest matches,
        # the newest holding the text as written and the newest titles starting with the
        # words are candidates too.
        sql = (
            f"WITH sample AS MATERIALIZED (SELECT {columns} FROM {TABLE} d "
            f"WHERE {scope} AND {matching} LIMIT {SUGGESTION_SAMPLE + 1}) "
            "SELECT c.title, c.url, c.portal_name, c.type_label FROM (SELECT * FROM sample"
            + "".join(
                f" UNION SELECT * FROM ({candidates}) more WHERE {crowded}"
                for candidates in (walk("true"), walk("lower(d.title) LIKE %(written)s"), starting)
            )
            + ") c ORDER BY (strpos(lower(c.title), %(raw)s) > 0) DESC, "
            "(c.title_folded LIKE %(prefix)s) DESC, "
            "public.similarity(c.title_folded, %(folded)s) DESC, c.date DESC NULLS LAST, c.id "
            "LIMIT %(limit)s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [Suggestion(*row) for row in cursor.fetchall()]

    def latest(self, content_type: str, exclude_portal: str | None = None, limit: int = 6) -> list[Hit]:
        params = {
            "content_type": content_type,
            "exclude": exclude_portal or "",
            "limit": limit,
            "body_chars": SNIPPET_SOURCE_CHARS,
        }
        sql = (
            f"SELECT {RESULT_COLUMNS} FROM {TABLE} d WHERE d.content_type = %(content_type)s "
            f"AND d.portal <> %(exclude)s AND {_active_only(params, 'd.')} "
            f"ORDER BY {NEWEST} LIMIT %(limit)s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        return [
            Hit(
                id=doc_id,
                portal=portal,
                portal_code=code,
                portal_name=name,
                portal_kind=kind,
                content_type=ctype,
                type_label=label,
                title=title,
                url=url,
                date=date,
                facets=_json(facets),
                title_html=highlight_html(title),
                snippet_html=highlight_html(plain_snippet(summary or body, 30)),
            )
            for (
                doc_id,
                portal,
                code,
                name,
                kind,
                ctype,
                label,
                title,
                url,
                date,
                facets,
                summary,
                body,
            ) in rows
        ]


@dataclass
class _Row:
    """What ranking, paging and facets need of a match (no long text)."""

    id: str
    content_type: str
    type_label: str
    portal_code: str
    portal_name: str
    date: datetime.datetime | None
    score: float
    selected: bool  # passes the filters (type, portals, chosen facets)
    facets: tuple  # value then label of each counted facet of the chosen type


class _Finder:
    """The SQL of one search: count, every match, or a pool of candidates."""

    def __init__(
        self, cursor, params: dict, *, text: bool, counted: tuple[tuple[str, str], ...] = ()
    ) -> None:
        self.cursor = cursor
        self.params = params
        self.text = text
        self.counted = counted
        # For each counted facet its value, then its label (keys checked by `search.facets`).
        self.facet_columns = "".join(
            f", d.facets->>'{key}', d.facets->>'{label}'" for key, label in counted
        )
        self.words = [f"d.folded @@ {FOLDED_QUERY}"] if text else []
        # Negation or phrases: a title/summary or exact match is not always a match of the
        # whole document, so those candidates are checked against `folded` too.
        self.strict = False
        self._estimates: dict[tuple[str, ...], float] = {}
        # The parameter holding the newest POOL_NEWEST matches of a `where` (ctids, as an
        # array's text), when its count met them (a walk, or a read of every match).
        self._newest_known: dict[tuple[str, ...], str] = {}

    def _columns(self, selected: list[str], ranked: bool = True) -> str:
        return (
            "d.id, d.content_type, d.type_label, d.portal_code, d.portal_name, d.date, "
            f"{RANK if self.text and ranked else '0'}, {' AND '.join(selected) or 'true'}"
            + self.facet_columns
        )

    @staticmethod
    def _row(values) -> _Row:
        id_, ctype, label, code, name, date, score, selected, *facets = values
        return _Row(id_, ctype, label, code, name, date, float(score), bool(selected), tuple(facets))

    def _fetch(self, sql: str) -> list[_Row]:
        self.cursor.execute(sql, self.params)
        return [self._row(values) for values in self.cursor.fetchall()]

    def candidates(
        self, base: list[str], narrow: list[str]
    ) -> tuple[int, list[_Row], list[_Row], int]:
        """How many rows of `base` pass `narrow` (counted up to COUNT_CAP + 1), the
        candidates among them (all of them up to COUNT_CAP), the rows of `base` the type
        and portal facets count, and, when those are a sample of the newest, its size."""
        if not narrow:
            count, matches, every = self.probe(base)
            if every is not None:
                return count, every, every, 0
            chosen, newest = self.pool(base, matches)
            return count, chosen, chosen[:newest], newest
        count, matches, chosen = self.probe(base + narrow)
        every = scope_matches = None
        if chosen is None:  # so there are more than COUNT_CAP without the filters too
            chosen, _newest = self.pool(base + narrow, matches)
        else:
            scope_matches = self.expected_matches(base)
            if scope_matches is None or scope_matches <= FACET_PROBE_EXPECTED:
                # Only the facets need them: not ranked.
                _count, scope_matches, every = self.probe(base, selected=narrow, ranked=False)
        if every is not None:
            return count, chosen, every, 0
        sample, _newest = self.pool(base, scope_matches, ranked=False)
        return count, chosen, sample, len(sample)

    def probe(
        self, where: list[str], selected: list[str] | None = None, *, ranked: bool = True
    ) -> tuple[int, float, list[_Row] | None]:
        """How many rows match, counted up to COUNT_CAP + 1, and, when that is at most
        COUNT_CAP, every one of them (one pass through the text index; `ranked` or not,
        as `pool`). Past COUNT_CAP no
        rows, and an estimate of how many match in all, from how far into the table (in
        physical order) the count went, or into the scope's newest rows (`_count_walking`)."""
        if self.text and (counted := self._count_walking(where)) is not None:
            return counted
        # Few enough expected: every match is read, and past COUNT_CAP its newest are known
        # at once (`pool` then ranks them without looking for them again).
        full = self.text and self._planned_rows(where + self.words) <= FULL_READ_EXPECTED
        condition = " AND ".join(where + self.words)
        # (Once, and only past the cap: then the statement gives one row.)
        newest = (
            f"CASE WHEN n.n > {COUNT_CAP} THEN (SELECT ARRAY("
            f"SELECT ctid FROM m ORDER BY date DESC NULLS LAST, id LIMIT {POOL_NEWEST})::text) END"
            if full
            else "NULL"
        )
        self.cursor.execute(
            f"WITH m AS MATERIALIZED (SELECT d.ctid{', d.date, d.id' if full else ''} "
            f"FROM {TABLE} d WHERE {condition} "
            f"LIMIT {(FULL_READ_LIMIT if full else COUNT_CAP) + 1}), "
            "n AS MATERIALIZED (SELECT count(*) AS n, max(ctid)::text AS last FROM m) "
            f"SELECT n.n, n.last, (SELECT relpages FROM pg_class WHERE oid = '{TABLE}'::regclass), "
            f"{f'{FOLDED_QUERY}::text' if self.text else 'NULL'}, {newest}, r.* FROM n LEFT JOIN ("
            f"SELECT {self._columns(selected or [], ranked=ranked)} FROM {TABLE} d "
            f"WHERE (SELECT n FROM n) <= {COUNT_CAP} AND d.ctid = ANY(ARRAY(SELECT ctid FROM m))"
            ") r ON true",
            self.params,
        )
        fetched = self.cursor.fetchall()
        count, last, pages, words, newest = fetched[0][:5]
        self._read_words(words)
        if count <= COUNT_CAP:
            rows = [self._row(values[5:]) for values in fetched if values[5] is not None]
            return count, float(count), rows
        if full and count <= FULL_READ_LIMIT:
            self._remember_newest(where, newest)
            return count, float(count), None
        block = int(last.strip("()").split(",")[0])
        return count, count * max(pages or 0, block + 1) / (block + 1), None

    def _read_words(self, words: str | None) -> None:
        """What the words (the tsquery as text) say of the candidates: with a negation or a
        phrase they are checked against the whole document too."""
        self.strict = bool(words) and ("!" in words or "<" in words)

    def _count_walking(self, where: list[str]) -> tuple[int, float, None] | None:
        """Past COUNT_CAP when the planner expects at least DENSE_SHARE of the scope to
        match: counted by walking the scope's newest rows until COUNT_CAP + 1 match, which
        reads fewer rows than the text index hands over (it lists every match). How many
        match in all is estimated from how many rows the walk read. None when the planner
        expects fewer, or the walk ends before COUNT_CAP + 1 (then the text index counts)."""
        rows = self._planned_rows(where)
        expected = self._planned_rows(where + self.words)
        if expected < max(DENSE_SHARE * rows, 2 * COUNT_CAP):
            return None
        condition = " AND ".join(where) or "true"
        order = _newest_first(where)
        # The first POOL_NEWEST matches the walk met are the scope's newest: `pool` ranks
        # them without walking again.
        self.cursor.execute(
            f"SELECT count(*), max(w.n), {FOLDED_QUERY}::text, "
            f"((array_agg(w.ctid ORDER BY w.n))[1:{POOL_NEWEST}])::text FROM ("
            f"SELECT w.n, w.ctid FROM (SELECT d.ctid, d.folded, row_number() OVER (ORDER BY {order}) AS n "
            f"FROM {TABLE} d WHERE {condition} ORDER BY {order} "
            f"LIMIT {int(DENSE_WALK_MARGIN * (COUNT_CAP + 1) * rows / expected)}) w "
            f"WHERE w.folded @@ {FOLDED_QUERY} LIMIT {COUNT_CAP + 1}) w",
            self.params,
        )
        count, walked, words, newest = self.cursor.fetchone()
        if count <= COUNT_CAP:
            return None
        self._read_words(words)
        self._remember_newest(where, newest)
        return count, count * max(rows, walked) / walked, None

    def _remember_newest(self, where: list[str], ctids: str) -> None:
        """The newest POOL_NEWEST matches of `where`, for `pool`, in a parameter of their own."""
        name = f"newest_{len(self._newest_known)}"
        self.params[name] = ctids
        self._newest_known[tuple(where)] = name

    def expected_matches(self, where: list[str]) -> float | None:
        """How many rows of `where` the planner expects to match the words (None without
        words)."""
        return self._planned_rows(where + self.words) if self.text else None

    def _planned_rows(self, where: list[str]) -> float:
        """The planner's estimate of the rows of `where`: without the words, the rows a walk
        goes through; with them, how many match. Asked once per search and `where`."""
        key = tuple(where)
        if key not in self._estimates:
            self.cursor.execute(
                f"EXPLAIN (FORMAT JSON) SELECT 1 FROM {TABLE} d WHERE {' AND '.join(where) or 'true'}",
                self.params,
            )
            plan = self.cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            self._estimates[key] = max(1.0, float(plan[0]["Plan"]["Plan Rows"]))
        return self._estimates[key]

    def pool(
        self,
        where: list[str],
        matches: float | None,
        selected: list[str] | None = None,
        *,
        ranked: bool = True,
    ) -> tuple[list[_Row], int]:
        """The candidates worth ranking among more than COUNT_CAP (about `matches`, None if
        not known) rows, the newest matches first, and how many of those there are. Not
        `ranked`: the newest matches only, unranked (to count them)."""
        columns = self._columns(selected or [], ranked=ranked)
        if not self.text:
            # Without words the order is the date: the newest rows are the best ones.
            rows = self._fetch(
                f"SELECT {columns} FROM {TABLE} d WHERE {' AND '.join(where)} "
                f"ORDER BY {_newest_first(where)} LIMIT {COUNT_CAP}"
            )
            return rows, len(rows)
        # Share of the rows a walk goes through that match (not known: try a walk).
        rows = None if matches is None else self._planned_rows(where)
        density = 1.0 if rows is None else min(1.0, matches / rows)
        words = f"d.folded @@ {FOLDED_QUERY}"
        # Counting only (the type and portal facets of a filtered search): FACET_SAMPLE,
        # or fewer if the walk finds them (not many fewer).
        limit = POOL_NEWEST if ranked else FACET_SAMPLE
        enough = POOL_NEWEST if ranked else POOL_NEWEST // 6
        known = self._newest_known.get(tuple(where))
        if known is not None:
            newest = f"d.ctid = ANY((%({known})s::tid[])[1:{limit}])"
        else:
            newest = self._newest(where, words, limit, density, rows, enough=enough)
            newest = f"d.ctid = ANY(ARRAY({newest}))"
        if not ranked:
            rows = self._fetch(f"SELECT {columns} FROM {TABLE} d WHERE {newest}")
            return rows, len(rows)
        flagged = self._fetch_flagged(
            f"SELECT {columns}, d.ranked @@ {FOLDED_QUERY}, d.exact @@ {EXACT_QUERY} "
            f"FROM {TABLE} d WHERE {newest}"
        )
        pool = {row.id: row for row, _ranked, _exact in flagged}
        # The newest matches hold the newest title/summary and exact matches down to their
        # date; look further back for those fewer there than their share. (Exact matches
        # are title/summary matches too.)
        found_ranked = sum(1 for _row, ranked, _exact in flagged if ranked)
        found_exact = sum(1 for _row, _ranked, exact in flagged if exact)
        wanted = []
        if len(flagged) == POOL_NEWEST:  # fewer: they are all the matches there are
            if found_ranked < POOL_RANKED:
                wanted.append(("ranked", FOLDED_QUERY, POOL_RANKED, found_ranked))
            # The newest POOL_RANKED title/summary matches hold the newest POOL_EXACT exact
            # ones too when most title/summary matches are exact.
            covered = wanted and found_exact * POOL_RANKED >= 1.2 * POOL_EXACT * found_ranked
            if found_exact < POOL_EXACT and not covered:
                wanted.append(("exact", EXACT_QUERY, POOL_EXACT, found_exact))
        extra = []
        newest_rows = list(pool.values())
        for vector, tsquery, share, found in wanted:
            check = f"d.{vector} @@ {tsquery}" + (f" AND {words}" if self.strict else "")
            since = _lookback_start(newest_rows, share, found, matches)
            if since is not None:
                self.params[f"since_{vector}"] = since
            extra.append(self._newest(
                where, check, share, density * found / len(flagged), rows,
                since=f"%(since_{vector})s" if since is not None else "",
            ))
        if extra:
            union = " UNION ".join(f"({sql})" for sql in extra)
            for row in self._fetch(f"SELECT {columns} FROM {TABLE} d WHERE d.ctid = ANY(ARRAY({union}))"):
                pool.setdefault(row.id, row)
        return list(pool.values()), len(flagged)

    def _fetch_flagged(self, sql: str) -> list[tuple[_Row, bool, bool]]:
        self.cursor.execute(sql, self.params)
        flagged = []
        width = 8 + 2 * len(self.counted)
        for values in self.cursor.fetchall():
            id_, ctype, label, code, name, date, score, selected = values[:8]
            row = _Row(
                id_,
                ctype,
                label,
                code,
                name,
                date,
                float(score),
                bool(selected),
                tuple(values[8:width]),
            )
            flagged.append((row, bool(values[width]), bool(values[width + 1])))
        return flagged

    def _newest(
        self,
        where: list[str],
        check: str,
        limit: int,
        density: float,
        rows: float | None,
        enough: int = 0,
        since: str = "",
    ) -> str:
        """SQL giving the ctids of the newest `limit` rows of `where` that pass `check`, of
        which about `density` of the `rows` rows of `where` do (None: not known). `since`
        (SQL): from when on they likely lie (then `_newest_since`).

        A walk reads the rows of `where` newest first through a `*_recent` index and
        tests each: the cost of the rows it reads until `limit` pass. The text index finds
        every row that passes, and they are sorted by date: the cost of those rows. The
        cheaper is taken; a walk stops after twice the rows expected and, if it has not
        found `enough` (default `limit`), the text index is used after all."""
        if since:
            # The text index for a span holding about LOOKBACK_MARGIN times `limit` such
            # rows: fewer rows read than a walk would test (the walk reading `exact` from
            # TOAST, at that).
            return _newest_since(where, check, limit, since)
        enough = enough or limit
        indexed = _newest_indexed(where, check, limit)
        walk_rows = limit / max(density, 1e-6)
        if rows is None:
            walk_rows = WALK_ROWS / 2
        elif walk_rows * WALK_ROW_COST > density * rows:
            return indexed
        condition = " AND ".join(where) or "true"
        walked = (
            f"SELECT d.ctid FROM (SELECT d.ctid, d.folded, d.ranked, d.exact FROM {TABLE} d "
            f"WHERE {condition} ORDER BY {_newest_first(where)} "
            f"LIMIT {int(min(2 * walk_rows, MAX_WALK_ROWS))}) d WHERE {check} LIMIT {limit}"
        )
        return (
            f"WITH walked AS MATERIALIZED ({walked}) SELECT ctid FROM walked UNION ALL "
            f"SELECT ctid FROM ({indexed}) i WHERE (SELECT count(*) FROM walked) < {enough}"
        )


def _newest_indexed(where: list[str], check: str, limit: int) -> str:
    """SQL giving the ctids of the newest `limit` rows of `where` that pass `check`, through
    the text index: every row that passes is read, then sorted by date."""
    return (
        f"SELECT b.ctid FROM (SELECT d.ctid, d.date, d.id FROM {TABLE} d "
        f"WHERE {' AND '.join(where + [check])} OFFSET 0) b "
        f"ORDER BY b.date DESC NULLS LAST, b.id LIMIT {limit}"
    )


def _newest_since(where: list[str], check: str, limit: int, since: str) -> str:
    """SQL giving the ctids of the newest `limit` rows of `where` that pass `check`,
    looked for through the text index among the rows dated from `since` on (the date
    index narrows what the text index finds: few rows are read), then, if fewer than
    `limit` are there, among all. Exact either way: when the span holds `limit`, the
    newest `limit` of all are in it."""
    windowed = _newest_indexed(where + [f"d.date >= {since}"], check, limit)
    return (
        f"WITH windowed AS MATERIALIZED ({windowed}) SELECT ctid FROM windowed UNION ALL "
        f"SELECT ctid FROM ({_newest_indexed(where, check, limit)}) i "
        f"WHERE (SELECT count(*) FROM windowed) < {limit}"
    )


def _lookback_start(
    newest: list[_Row], limit: int, found: int, matches: float | None
) -> datetime.datetime | None:
    """From when on the newest `limit` rows of a kind likely lie, when `found` of them are
    among the `newest` of about `matches` matches: LOOKBACK_MARGIN times the time those
    span per row found. None when the newest tell nothing (none found, or no span of
    dates), or when there are hardly more than `limit` of the kind in all (the span would
    hold them all: read them all at once)."""
    dates = [row.date for row in newest if row.date is not None]
    if not found or len(dates) < 2 or matches is None:
        return None
    if found * matches / len(newest) < LOOKBACK_MARGIN * limit:
        return None
    span = max(dates) - min(dates)
    if span <= datetime.timedelta(0):
        return None
    try:
        return max(dates) - span * (LOOKBACK_MARGIN * limit / found)
    except OverflowError:  # before the year 1: all time
        return None


def _newest_first(where: list[str]) -> str:
    """NEWEST, led by the column `where` fixes to one value, so that the planner walks the
    `*_recent` index of that portal or type rather than every row's."""
    if PORTAL_SCOPE in where:
        return f"d.portal, {NEWEST}"
    if TYPE_FILTER in where:
        return f"d.content_type, {NEWEST}"
    return NEWEST


def _by_rank(row: _Row) -> tuple:
    return (-row.score, *_by_date(row))


def _by_date(row: _Row) -> tuple:
    # date DESC NULLS LAST, then id
    return (row.date is None, -row.date.timestamp() if row.date else 0.0, row.id)


def _facets(
    base: list[_Row], chosen: list[_Row], counted: tuple[tuple[str, str], ...]
) -> dict[str, list[FacetValue]]:
    """Type and portal counts over `base` (the words in the scope), the chosen type's
    `counted` facets over `chosen` (everything chosen)."""
    facets: dict[str, list[FacetValue]] = {}
    for name, key in (
        ("type", lambda r: (r.content_type, r.type_label)),
        ("portal", lambda r: (r.portal_code, r.portal_name)),
    ):
        facets[name] = _sorted_values(Counter(key(row) for row in base))
    for index, (key, _label) in enumerate(counted):
        counts = Counter(
            (row.facets[2 * index], row.facets[2 * index + 1])
            for row in chosen
            if row.facets and row.facets[2 * index]
        )
        facets[key] = _sorted_values(counts)
    return facets


def _sorted_values(counts: Counter) -> list[FacetValue]:
    values = [FacetValue(value, label or value, count) for (value, label), count in counts.items()]
    return sorted(values, key=lambda f: (-f.count, f.label, f.value))


@contextmanager
def _planned_for_text_indexes() -> Iterator:
    """A cursor in a transaction where the planner never scans the table in full.

    A sequential scan tests `folded @@ …` on every row of the table (and the planner
    underrates a vector's cost); the text indexes never need to. JIT is
    off: these queries are short, and with sequential scans disabled their estimated costs
    can pass its threshold. The settings are put back afterwards (or undone with the
    transaction on error)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('enable_seqscan'), current_setting('jit'), "
            "set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)"
        )
        seqscan, jit, _off, _off_too = cursor.fetchone()
        yield cursor
        cursor.execute(
            "SELECT set_config('enable_seqscan', %s, true), set_config('jit', %s, true)",
            [seqscan, jit],
        )


def _active_only(params: dict, prefix: str) -> str:
    """Only active portals' documents. Portals leave the index when they stop being active,
    so this is a safeguard: a filter on the (few) portals that are not active, which keeps
    the planner on the text and date indexes."""
    params["inactive"] = inactive_portal_schemas()
    return f"NOT ({prefix}portal = ANY(%(inactive)s))"


def inactive_portal_schemas() -> list[str]:
    from tenants.current import template_schema
    from tenants.directory import directory

    # Kept per process until the registry changes.
    return [*directory.inactive_schemas(), template_schema()]


def _json(value) -> dict:
    # Django reads jsonb as text with psycopg2.
    return json.loads(value) if isinstance(value, str) else (value or {})


def _next_character(character: str) -> str:
    """The character right after `character` (skipping surrogates, which are not text)."""
    code = ord(character) + 1
    return chr(0xE000 if 0xD800 <= code <= 0xDFFF else code)


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
