"""A header-rewriting HTTP proxy so that the official `elasticsearch` client can talk to the
OpenSearch-compatible test server (osmem-server).

Why it exists: no Elasticsearch server can run in the test environment, and osmem-server
answers with `X-Elastic-Product: Elasticsearch` (so the client's product check passes) but
refuses the media types that the Elasticsearch 8/9 clients always send,
`application/vnd.elasticsearch+json; compatible-with=8` (and the `+x-ndjson` variant for
bulk), with 406 "Content-Type header [...] is not supported". Real Elasticsearch servers
accept those types. The proxy replaces them in the `Content-Type` and `Accept` request
headers with `application/json` / `application/x-ndjson` and changes nothing else: method,
path, query string and body are forwarded as they are, and the server's status, headers
(including `X-Elastic-Product`) and body come back as they are. Everything on either side
of it is real: the client, its serialisation and error handling, the backend code and the
server.

Only what the client needs is supported: request bodies framed by `Content-Length` (the
client always sends one), one upstream connection per request.
"""

from __future__ import annotations

import http.client
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

COMPATIBLE_MEDIA_TYPE = re.compile(
    r"application/vnd\.elasticsearch\+(json|x-ndjson)\s*;\s*compatible-with\s*=\s*\d+", re.IGNORECASE
)
# Hop-by-hop headers describe one connection, not the message: never forwarded.
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
    "transfer-encoding", "upgrade",
}


def plain_media_types(value: str) -> str:
    """`application/vnd.elasticsearch+json; compatible-with=8` → `application/json` (same for
    `+x-ndjson`); any other value is returned unchanged."""
    return COMPATIBLE_MEDIA_TYPE.sub(lambda m: f"application/{m.group(1).lower()}", value)


class _Handler(BaseHTTPRequestHandler):
    # HTTP/1.1 so that the client's keep-alive connections stay open between requests.
    protocol_version = "HTTP/1.1"
    server: ElasticsearchCompatProxy

    def _forward(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {}
        for name, value in self.headers.items():
            lowered = name.lower()
            if lowered in HOP_BY_HOP or lowered == "host":
                continue
            if lowered in ("content-type", "accept"):
                value = plain_media_types(value)
            headers[name] = value
        upstream = http.client.HTTPConnection(
            self.server.upstream_host, self.server.upstream_port, timeout=60
        )
        try:
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            payload = response.read()
            self.send_response_only(response.status, response.reason)
            for name, value in response.getheaders():
                if name.lower() not in HOP_BY_HOP and name.lower() != "content-length":
                    self.send_header(name, value)
            # The body was read whole (the server may have chunked it): re-frame it by length.
            # A HEAD answer keeps the server's length and has no body.
            if self.command == "HEAD":
                self.send_header("Content-Length", response.getheader("Content-Length", "0"))
            else:
                self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(payload)
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = _forward

    def log_message(self, format: str, *args: object) -> None:
        pass  # no access log in the test output


class ElasticsearchCompatProxy(ThreadingHTTPServer):
    """`ElasticsearchCompatProxy(upstream_url)` listens on 127.0.0.1 on a free port, serves in a
    daemon thread until `close()`, and forwards to `upstream_url` (http only)."""

    daemon_threads = True

    def __init__(self, upstream_url: str) -> None:
        upstream = urlsplit(upstream_url)
        if upstream.scheme != "http" or not upstream.hostname:
            raise ValueError(f"expected an http:// URL, got {upstream_url!r}")
        self.upstream_host = upstream.hostname
        self.upstream_port = upstream.port or 80
        super().__init__(("127.0.0.1", 0), _Handler)
        self._thread = threading.Thread(target=self.serve_forever, name="es-compat-proxy", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def close(self) -> None:
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
