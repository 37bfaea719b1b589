"""The WSGI entry point answers a page-cache hit before Django's request cycle
(core.caching.wsgi): the same response the middleware would give (kept headers, a request id,
counted for its portal), without the request signals; everything else goes the ordinary way."""

from __future__ import annotations

import io
import sys
import unicodedata

import pytest

from django.core import signals
from django.db import close_old_connections

from core.caching import pages
from core.caching.wsgi import PageCacheWSGIHandler
from tenants.directory import directory
from tests.support.portals import host_of

pytestmark = pytest.mark.django_db

PER_RESPONSE = {"x-cong-cache", "age", "x-request-id", "date"}


class Answer:
    def __init__(self, status: str, headers: list[tuple[str, str]], body: bytes) -> None:
        self.status, self.body = status, body
        self.headers = {name.lower(): value for name, value in headers}

    @property
    def cache(self) -> str | None:
        return self.headers.get(pages.STATUS_HEADER.lower())

    def kept(self) -> dict[str, str]:
        return {k: v for k, v in self.headers.items() if k not in PER_RESPONSE}


@pytest.fixture
def serve():
    """Calls the WSGI application as a server does, counting the request signals. Django's
    closing of stale connections is left out, as its test client does: the test's
    transaction is the connection."""
    handler = PageCacheWSGIHandler()
    finished: list[int] = []

    def count(**_kwargs):
        finished.append(1)

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    signals.request_finished.connect(count)

    def call(host: str, path: str = "/", **extra: str) -> tuple[Answer, int]:
        before = len(finished)
        environ = {
            "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "80", "SERVER_PROTOCOL": "HTTP/1.1",
            "HTTP_HOST": host, "REMOTE_ADDR": "127.0.0.1", "wsgi.input": io.BytesIO(),
            "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http", "wsgi.version": (1, 0),
            "wsgi.multithread": False, "wsgi.multiprocess": True, "wsgi.run_once": False, **extra,
        }
        started: list = []
        body_parts = handler(environ, lambda status, headers: started.extend([status, headers]))
        body = b"".join(body_parts)
        close = getattr(body_parts, "close", None)
        if close is not None:
            close()  # as the server does: a response of the request cycle sends request_finished
        return Answer(started[0], started[1], body), len(finished) - before

    try:
        yield call
    finally:
        signals.request_finished.disconnect(count)
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_a_hit_is_answered_before_the_request_cycle(portal_a, serve):
    host = host_of(portal_a)
    miss, miss_cycles = serve(host, "/tin-tuc/")
    hit, hit_cycles = serve(host, "/tin-tuc/")
    assert (miss.cache, miss_cycles) == ("miss", 1)
    assert (hit.cache, hit_cycles) == ("hit", 0)
    assert hit.status == "200 OK" and hit.body == miss.body
    assert hit.kept() == miss.kept()
    for name in ("content-security-policy", "x-frame-options", "x-content-type-options",
                 "referrer-policy", "cache-control", "content-length"):
        assert hit.headers[name], name
    assert hit.headers["x-request-id"] != miss.headers["x-request-id"]


def test_a_hit_is_counted_for_its_portal(portal_a, serve):
    from prometheus_client import REGISTRY

    def answered() -> float:
        labels = {"portal": portal_a.code, "status": "2xx"}
        return REGISTRY.get_sample_value("cong_http_requests_total", labels) or 0

    serve(host_of(portal_a), "/")
    before = answered()
    assert serve(host_of(portal_a), "/")[0].cache == "hit"
    assert answered() == before + 1


def test_the_request_id_of_our_proxy_only(portal_a, serve):
    host = host_of(portal_a)
    serve(host, "/")
    proxied, _ = serve(host, "/", HTTP_X_REQUEST_ID="nginx-req-0123456789")
    assert proxied.cache == "hit" and proxied.headers["x-request-id"] == "nginx-req-0123456789"
    direct, _ = serve(host, "/", HTTP_X_REQUEST_ID="nginx-req-0123456789", REMOTE_ADDR="203.0.113.9")
    assert direct.cache == "hit" and direct.headers["x-request-id"] != "nginx-req-0123456789"


def test_what_cannot_be_a_hit_goes_the_ordinary_way(portal_a, serve):
    host = host_of(portal_a)
    serve(host, "/")
    assert serve(host, "/")[0].cache == "hit"
    # A visitor with a session: rendered for them.
    with_session, cycles = serve(host, "/", HTTP_COOKIE="sessionid=abc")
    assert with_session.cache is None and cycles == 1
    # Conditional: a 304 from the kept page, still without the cycle.
    etag = serve(host, "/")[0].headers["etag"]
    not_modified, cycles = serve(host, "/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status.startswith("304") and cycles == 0 and not_modified.body == b""
    # A host this process has not routed yet: the database is not asked here; the routing
    # answers it, and the next request is a hit again.
    directory.forget()
    first, cycles = serve(host, "/")
    assert first.cache == "hit" and cycles == 1
    assert serve(host, "/")[1] == 0
    # An unknown host: the plain 404 of the routing.
    unknown, cycles = serve("khong-co.laichau.test", "/")
    assert unknown.status.startswith("404") and cycles == 1


def _wsgi_path(text: str) -> str:
    """PATH_INFO as a WSGI server gives it: the bytes, as latin-1."""
    return text.encode("utf-8").decode("latin-1")


@pytest.mark.parametrize(("path", "query", "host_suffix"), [
    ("/tin-tuc/\x00", "", ""),
    ("/tin-tuc/", "trang=%00", ""),
    ("/" + "a" * 5000 + "/", "", ""),
    (_wsgi_path(unicodedata.normalize("NFD", "/tin-tức/")), "", ""),
    ("/tin-tuc/", _wsgi_path("q=" + "đ" * 3000), ""),
    ("/", "", "\x00"),
    ("/", "", "." + "x" * 300),
    ("/\xff\xfe/", "", ""),  # not UTF-8
])
def test_hostile_requests_get_the_same_answer_both_ways(portal_a, serve, path, query, host_suffix):
    """Twice each (the second could be a hit): never a 500, and the same status both times."""
    host = host_of(portal_a) + host_suffix
    first, _ = serve(host, path, QUERY_STRING=query)
    second, _ = serve(host, path, QUERY_STRING=query)
    assert not first.status.startswith("5"), first.status
    assert first.status == second.status
