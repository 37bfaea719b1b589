"""Which shared-index backend serves this installation.

PostgreSQL (`public.search_document`) unless a search server is configured:
`OPENSEARCH_URL` selects OpenSearch (client `opensearch-py`, Wagtail's `opensearch3`
backend), `ELASTICSEARCH_URL` selects Elasticsearch with the client of the installed major
version (`elasticsearch` 8 or 9, which must match the server's). Both are read from the
settings module first, then from the environment. `CONG_SEARCH_INDEX` names the index
(default `cong`).
"""

from __future__ import annotations

import os

from django.conf import settings

from .base import SearchBackend

_cache: dict[tuple, SearchBackend] = {}


def _setting(name: str, default: str = "") -> str:
    return getattr(settings, name, None) or os.environ.get(name, default)


def backend_config() -> tuple[str, str, str]:
    index_name = _setting("CONG_SEARCH_INDEX", "cong")
    if url := _setting("OPENSEARCH_URL"):
        return ("opensearch", url, index_name)
    if url := _setting("ELASTICSEARCH_URL"):
        return ("elasticsearch", url, index_name)
    return ("postgres", "", "")


def get_backend() -> SearchBackend:
    config = backend_config()
    if config not in _cache:
        engine, url, index_name = config
        if engine == "postgres":
            from .postgres import PostgresSearchBackend

            _cache[config] = PostgresSearchBackend()
        else:
            from .opensearch import ServerSearchBackend

            _cache[config] = ServerSearchBackend(url, index_name, engine=engine)
    return _cache[config]
