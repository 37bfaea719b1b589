"""Search fixtures: content in the test portals, and a real OpenSearch-compatible server
(osmem-server) for the search-server backend.

The search-server backend is tested with both clients it supports, each selected the way
production selects it:
- `opensearch`: opensearch-py through `OPENSEARCH_URL`, straight to the server;
- `elasticsearch`: the official `elasticsearch` client through `ELASTICSEARCH_URL`, by way
  of a proxy that only rewrites the client's Elasticsearch media types (see `esproxy.py`).

The server tests skip only when osmem-server (or, for the second, the `elasticsearch`
client) is not installed and CONG_REQUIRE_SEARCH_SERVER is unset; where CI sets it, a
missing server or client fails them.
"""

from __future__ import annotations

import os
import uuid

import pytest

SERVER_CLIENTS = ("opensearch", "elasticsearch")


def _missing(what: str) -> None:
    if os.environ.get("CONG_REQUIRE_SEARCH_SERVER"):
        pytest.fail(f"CONG_REQUIRE_SEARCH_SERVER is set but {what} is not installed")
    pytest.skip(f"{what} is not installed (pip install -e '.[dev]')")


@pytest.fixture(scope="session")
def search_server_url():
    try:
        from osmem_server import OsmemServer
    except ImportError:
        _missing("osmem-server")
    server = OsmemServer.start(japanese=False)
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture(scope="session")
def elasticsearch_url(search_server_url):
    """The test server as the `elasticsearch` client must see it: behind the media-type proxy."""
    try:
        import elasticsearch  # noqa: F401
    except ImportError:
        _missing("the elasticsearch client")
    from .esproxy import ElasticsearchCompatProxy

    proxy = ElasticsearchCompatProxy(search_server_url)
    try:
        yield proxy.url
    finally:
        proxy.close()


@pytest.fixture(params=SERVER_CLIENTS)
def server_backend(request, settings, monkeypatch):
    """The search-server backend on a fresh index, selected through the settings as in
    production, once per client."""
    from search.backends import get_backend

    engine = request.param
    # Only the URL of the client under test may be set, in the settings or the environment.
    for name in ("OPENSEARCH_URL", "ELASTICSEARCH_URL"):
        monkeypatch.delenv(name, raising=False)
        setattr(settings, name, "")
    if engine == "opensearch":
        settings.OPENSEARCH_URL = request.getfixturevalue("search_server_url")
    else:
        settings.ELASTICSEARCH_URL = request.getfixturevalue("elasticsearch_url")
    settings.CONG_SEARCH_INDEX = f"cong_test_{uuid.uuid4().hex[:8]}"
    backend = get_backend()
    assert backend.name == engine
    backend.create_index()
    yield backend
    backend.drop_index()
