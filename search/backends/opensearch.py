"""The shared index on a search server: Elasticsearch 8/9 or OpenSearch.

Built on Wagtail's search backends (modelsearch): their client set-up (URLs, credentials,
timeouts) and their folding analysers, but with one index for every portal:
- document id `<schema>:<app_label.model>:<pk>` and a `portal` keyword on every document;
- every in-portal query filtered on `portal`, cross-portal queries on the active portals;
- per-portal rebuild by delete-by-query then bulk (never an index swap);
- the index and its mapping created explicitly (`search_index create`).
Text is analysed with `lowercase` + `asciifolding` at index and query time, so `tim kiem`
finds `tìm kiếm`; `.exact` sub-fields keep the diacritics and boost exact matches.
"""

from __future__ import annotations

from .base import (
    MARK_END,
    MARK_START,
    FacetValue,
    Hit,
    IndexedDocument,
    SearchBackend,
    SearchQuery,
    SearchResults,
    Suggestion,
    active_portal_schemas,
    highlight_html,
    plain_snippet,
)

FOLDED_TEXT = {
    "type": "text",
    "analyzer": "folded",
    "fields": {"exact": {"type": "text", "analyzer": "standard"}},
}
INDEX_BODY = {
    "settings": {
        "analysis": {
            "analyzer": {
                "folded": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding"],
                },
                "folded_prefix": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "prefix_ngram"],
                },
            },
            "filter": {"prefix_ngram": {"type": "edge_ngram", "min_gram": 1, "max_gram": 20}},
        },
    },
    "mappings": {
        "dynamic_templates": [
            {"facets": {"path_match": "facets.*", "mapping": {"type": "keyword"}}},
        ],
        "properties": {
            "portal": {"type": "keyword"},
            "portal_code": {"type": "keyword"},
            "portal_name": {"type": "keyword"},
            "portal_kind": {"type": "keyword"},
            "content_type": {"type": "keyword"},
            "type_label": {"type": "keyword"},
            "object_id": {"type": "long"},
            "title": {
                "type": "text",
                "analyzer": "folded",
                "fields": {
                    "exact": {"type": "text", "analyzer": "standard"},
                    "prefix": {
                        "type": "text",
                        "analyzer": "folded_prefix",
                        "search_analyzer": "folded",
                    },
                },
            },
            "summary": FOLDED_TEXT,
            "body": {"type": "text", "analyzer": "folded"},
            "url": {"type": "keyword", "index": False},
            "language": {"type": "keyword"},
            "date": {"type": "date"},
            # Declared facets are keywords (the dynamic template); an identifier is searched
            # with the title and looked up by its key (search.facets.IdentifierFacet).
            "facets": {
                "properties": {
                    "number": {"type": "text", "analyzer": "folded"},
                    "number_key": {"type": "keyword"},
                },
            },
        },
    },
}
SOURCE_FIELDS = [
    "portal",
    "portal_code",
    "portal_name",
    "portal_kind",
    "content_type",
    "type_label",
    "title",
    "summary",
    "body",
    "url",
    "date",
    "facets",
]


def _client(engine: str, url: str):
    """The client of Wagtail's backend for this server (client major = server major)."""
    if engine == "opensearch":
        from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

        return OpenSearch3SearchBackend({"URLS": [url]}).es, True
    import elasticsearch

    major = int(elasticsearch.__versionstr__.split(".")[0])
    if major >= 9:
        from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend as Backend
    else:
        from modelsearch.backends.elasticsearch8 import Elasticsearch8SearchBackend as Backend
    return Backend({"URLS": [url]}).es, False


class ServerSearchBackend(SearchBackend):
    def __init__(self, url: str, index: str = "cong", engine: str = "opensearch", client=None):
        self.name = engine
        self.index = index
        if client is None:
            client, body_api = _client(engine, url)
        else:
            body_api = engine == "opensearch"
        self.es = client
        # opensearch-py takes `body=`; the Elasticsearch 8/9 clients take its keys as kwargs.
        self.body_api = body_api

    def _call(self, method, body: dict | None = None, **params) -> dict:
        if body is None:
            response = method(index=self.index, **params)
        elif self.body_api:
            response = method(index=self.index, body=body, **params)
        else:
            response = method(index=self.index, **body, **params)
        # The Elasticsearch clients wrap the JSON in an ObjectApiResponse; opensearch-py
        # returns it as a dict. Callers get the dict either way.
        return getattr(response, "body", response)

    def _bulk(self, actions: list[dict]) -> None:
        if self.body_api:
            from opensearchpy.helpers import bulk
        else:
            from elasticsearch.helpers import bulk
        bulk(self.es, actions, refresh=True)

    # --- the index ------------------------------------------------------------------------

    def create_index(self) -> bool:
        if self.es.indices.exists(index=self.index):
            return False
        self._call(self.es.indices.create, INDEX_BODY)
        return True

    def drop_index(self) -> None:
        if self.es.indices.exists(index=self.index):
            self.es.indices.delete(index=self.index)

    def status(self) -> dict:
        response = self._call(
            self.es.search,
            {"size": 0, "aggs": {"portals": {"terms": {"field": "portal_code", "size": 1000}}}},
        )
        per_portal = {b["key"]: b["doc_count"] for b in response["aggregations"]["portals"]["buckets"]}
        return {
            "backend": self.name,
            "index": self.index,
            "documents": self.count(),
            "portals": dict(sorted(per_portal.items())),
        }

    def refresh(self) -> None:
        self.es.indices.refresh(index=self.index)

    def index_documents(self, documents: list[IndexedDocument]) -> int:
        if not documents:
            return 0
        actions = [
            {
                "_index": self.index,
                "_id": d.id,
                "_source": {
                    "portal": d.portal,
                    "portal_code": d.portal_code,
                    "portal_name": d.portal_name,
                    "portal_kind": d.portal_kind,
                    "content_type": d.content_type,
                    "type_label": d.type_label,
                    "object_id": d.object_id,
                    "title": d.title,
                    "summary": d.summary,
                    "body": d.body,
                    "url": d.url,
                    "language": d.language,
                    "date": d.date.isoformat() if d.date else None,
                    "facets": d.facets,
                },
            }
            for d in documents
        ]
        self._bulk(actions)
        return len(actions)

    def _delete(self, query: dict) -> int:
        response = self._call(self.es.delete_by_query, {"query": query}, refresh=True)
        return response.get("deleted", 0)

    def delete_object(self, portal: str, object_id: int) -> None:
        self._delete({"bool": {"filter": [{"term": {"portal": portal}}, {"term": {"object_id": object_id}}]}})

    def delete_portal(self, portal: str) -> int:
        return self._delete({"term": {"portal": portal}})

    def count(self, portal: str | None = None) -> int:
        query = {"term": {"portal": portal}} if portal else {"match_all": {}}
        return self._call(self.es.count, {"query": query})["count"]

    # --- searching ------------------------------------------------------------------------

    def _scope(self, portal: str | None) -> dict:
        if portal:
            return {"term": {"portal": portal}}
        return {"terms": {"portal": active_portal_schemas()}}

    def _filters(self, query: SearchQuery, narrow: bool) -> list[dict]:
        filters: list[dict] = []
        if query.content_type:
            filters.append({"term": {"content_type": query.content_type}})
        if query.portals and not query.portal:
            filters.append({"terms": {"portal_code": list(query.portals)}})
        if narrow:
            for key, value in query.chosen_facets().items():
                filters.append({"term": {f"facets.{key}": value}})
            dates = {}
            if query.date_from:
                dates["gte"] = query.date_from.isoformat()
            if query.date_to:
                dates["lte"] = query.date_to.isoformat()
            if dates:
                filters.append({"range": {"date": {**dates, "time_zone": "+07:00", "format": "yyyy-MM-dd"}}})
        return filters

    def search(self, query: SearchQuery) -> SearchResults:
        if query.is_empty and not query.content_type:
            return SearchResults()
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
        scope: list[dict] = [self._scope(query.portal)]
        if query.language:
            scope.append({"term": {"language": query.language}})
        must: list[dict] = []
        should: list[dict] = []
        text = query.text if not (number_key or number_parts) else ""
        if number_key:
            scope.append({"term": {"facets.number_key": number_key}})
        for key, value in (number_parts or {}).items():
            # A number typed in part: each part typed is one of the stored ones.
            for each in value if isinstance(value, list) else [value]:
                scope.append({"term": {f"facets.{key}": each}})
        if text:
            # The words, or any alternative of them with synonyms in place.
            matches = [
                {
                    "multi_match": {
                        "query": each,
                        "operator": "and",
                        "type": "cross_fields",
                        "fields": ["title^3", "summary^2", "body", "facets.number^3"],
                    }
                }
                for each in (text, *query.alternatives)
            ]
            must.append(
                matches[0] if len(matches) == 1 else {"bool": {"should": matches, "minimum_should_match": 1}}
            )
            should += [
                {"match": {"title.exact": {"query": text, "boost": 4}}},
                {"match": {"summary.exact": {"query": text, "boost": 2}}},
                {"match_phrase": {"title.exact": {"query": text, "boost": 4}}},
            ]
        base = {"bool": {"filter": scope, "must": must or [{"match_all": {}}], "should": should}}
        narrow = self._filters(query, narrow=True)
        aggs: dict = {
            "type": {
                "terms": {"field": "content_type", "size": 50},
                "aggs": {"label": {"terms": {"field": "type_label", "size": 1}}},
            },
            "portal": {
                "terms": {"field": "portal_code", "size": 500},
                "aggs": {"label": {"terms": {"field": "portal_name", "size": 1}}},
            },
        }
        counted = query.counted_facets
        if counted:
            # The chosen type's facets count everything chosen (the filters included).
            aggs["chosen"] = {
                "filter": {"bool": {"filter": narrow or [{"match_all": {}}]}},
                "aggs": {
                    key: {
                        "terms": {"field": f"facets.{key}", "size": 100},
                        "aggs": {"label": {"terms": {"field": f"facets.{label}", "size": 1}}},
                    }
                    for key, label in counted
                },
            }
        body: dict = {
            "query": base,
            "from": query.offset,
            "size": query.limit,
            "aggs": aggs,
            "_source": SOURCE_FIELDS,
            "track_total_hits": True,
        }
        if narrow:
            body["post_filter"] = {"bool": {"filter": narrow}}
        if text:
            body["highlight"] = {
                "pre_tags": [MARK_START],
                "post_tags": [MARK_END],
                "fields": {
                    "title": {"number_of_fragments": 0},
                    "summary": {"fragment_size": 160, "number_of_fragments": 2},
                    "body": {"fragment_size": 160, "number_of_fragments": 2},
                },
            }
            body["sort"] = ["_score", {"date": {"order": "desc", "missing": "_last"}}]
        else:
            body["sort"] = [{"date": {"order": "desc", "missing": "_last"}}]
        response = self._call(self.es.search, body)
        total = response["hits"]["total"]["value"]
        # Counts and aggregations are exact on the search server: every match can be paged.
        results = SearchResults(total=total, reachable=total)
        for hit in response["hits"]["hits"]:
            source = hit["_source"]
            highlight = hit.get("highlight", {})
            title_html = highlight_html(highlight["title"][0] if "title" in highlight else source["title"])
            fragments = highlight.get("summary") or highlight.get("body")
            snippet_html = highlight_html(
                " … ".join(fragments)
                if fragments
                else plain_snippet(source.get("summary") or source.get("body") or "")
            )
            results.hits.append(_hit(hit["_id"], source, title_html, snippet_html, hit["_score"]))
        aggregations = response.get("aggregations", {})
        results.facets = {
            name: _buckets(aggregations[name]) for name in ("type", "portal") if name in aggregations
        }
        if "chosen" in aggregations:
            for key, _label in counted:
                results.facets[key] = _buckets(aggregations["chosen"][key])
        return results

    def autocomplete(
        self, text: str, portal: str | None, limit: int = 8, language: str = ""
    ) -> list[Suggestion]:
        body = {
            "query": {
                "bool": {
                    "filter": [self._scope(portal)]
                    + ([{"term": {"language": language}}] if language else []),
                    "must": [{"match": {"title.prefix": {"query": text, "operator": "and"}}}],
                    "should": [{"match": {"title.exact": {"query": text, "boost": 3}}}],
                }
            },
            "size": limit,
            "_source": ["title", "url", "portal_name", "type_label"],
        }
        response = self._call(self.es.search, body)
        return [
            Suggestion(s["title"], s["url"], s["portal_name"], s.get("type_label", ""))
            for s in (h["_source"] for h in response["hits"]["hits"])
        ]

    def latest(self, content_type: str, exclude_portal: str | None = None, limit: int = 6) -> list[Hit]:
        body = {
            "query": {
                "bool": {
                    "filter": [self._scope(None), {"term": {"content_type": content_type}}],
                    "must_not": [{"term": {"portal": exclude_portal or ""}}],
                }
            },
            "sort": [{"date": {"order": "desc", "missing": "_last"}}],
            "size": limit,
            "_source": SOURCE_FIELDS,
        }
        response = self._call(self.es.search, body)
        return [
            _hit(
                h["_id"],
                h["_source"],
                highlight_html(h["_source"]["title"]),
                highlight_html(plain_snippet(h["_source"].get("summary") or "", 30)),
            )
            for h in response["hits"]["hits"]
        ]


def _hit(doc_id: str, source: dict, title_html, snippet_html, score: float | None = 0.0) -> Hit:
    from django.utils.dateparse import parse_datetime

    return Hit(
        id=doc_id,
        portal=source["portal"],
        portal_code=source["portal_code"],
        portal_name=source["portal_name"],
        portal_kind=source["portal_kind"],
        content_type=source["content_type"],
        type_label=source.get("type_label", ""),
        title=source["title"],
        url=source["url"],
        date=parse_datetime(source["date"]) if source.get("date") else None,
        facets=source.get("facets") or {},
        title_html=title_html,
        snippet_html=snippet_html,
        score=float(score or 0.0),
    )


def _buckets(aggregation: dict) -> list[FacetValue]:
    values = []
    for bucket in aggregation.get("buckets", []):
        labels = bucket.get("label", {}).get("buckets", [])
        label = labels[0]["key"] if labels else bucket["key"]
        values.append(FacetValue(str(bucket["key"]), str(label), bucket["doc_count"]))
    return values
