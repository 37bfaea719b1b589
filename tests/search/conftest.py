"""Search fixtures: content in the test portals, and a real OpenSearch-compatible server
(osmem-server) for the search-server backend.

The server tests skip only when osmem-server is not installed and CONG_REQUIRE_SEARCH_SERVER
is unset; where CI sets it, a missing server fails them.
"""

from __future__ import annotations

import os
import uuid

import pytest


@pytest.fixture(scope="session")
def search_server_url():
    try:
        from osmem_server import OsmemServer
    except ImportError:
        if os.environ.get("CONG_REQUIRE_SEARCH_SERVER"):
            pytest.fail("CONG_REQUIRE_SEARCH_SERVER is set but osmem-server is not installed")
        pytest.skip("osmem-server is not installed (pip install osmem-server)")
    server = OsmemServer.start(japanese=False)
    try:
        yield server.url
    finally:
        server.close()


@pytest.fixture
def server_backend(search_server_url, settings):
    """The search-server backend on a fresh index, selected through the settings."""
    from search.backends import get_backend

    settings.OPENSEARCH_URL = search_server_url
    settings.CONG_SEARCH_INDEX = f"cong_test_{uuid.uuid4().hex[:8]}"
    backend = get_backend()
    assert backend.name == "opensearch"
    backend.create_index()
    yield backend
    backend.drop_index()
