"""The media-type proxy in front of the test server (esproxy.py) changes the two request
headers it must and nothing else."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest

from tests.search.esproxy import plain_media_types

COMPAT_JSON = "application/vnd.elasticsearch+json; compatible-with=8"


@pytest.mark.parametrize(
    ("sent", "forwarded"),
    [
        (COMPAT_JSON, "application/json"),
        ("application/vnd.elasticsearch+x-ndjson; compatible-with=9", "application/x-ndjson"),
        ("application/vnd.elasticsearch+json;compatible-with=8", "application/json"),
        ("application/json", "application/json"),
        ("text/plain; charset=utf-8", "text/plain; charset=utf-8"),
    ],
)
def test_only_the_elasticsearch_media_types_are_rewritten(sent: str, forwarded: str):
    assert plain_media_types(sent) == forwarded


def _get(url: str, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_status_headers_and_body_come_back_unchanged(search_server_url, elasticsearch_url):
    path = "/no-such-index/_search?size=1"
    direct = _get(search_server_url, path, {"Accept": "application/json"})
    proxied = _get(elasticsearch_url, path, {"Accept": COMPAT_JSON, "Content-Type": COMPAT_JSON})
    assert proxied[0] == direct[0] == 404
    assert proxied[1]["x-elastic-product"] == direct[1]["x-elastic-product"] == "Elasticsearch"
    assert proxied[1]["content-type"] == direct[1]["content-type"]
    assert proxied[2] == direct[2]
