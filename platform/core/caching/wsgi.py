"""Django's WSGI handler, answering a page-cache hit before Django's request cycle begins.

Most of what a portal serves is a hit, and once the page itself comes from the cache most of
a hit's cost is the cycle around it: the request signals (closing stale database
connections and caches, resetting the URL configuration: work for a request that uses
neither) and the middleware calls. Here a hit takes only the steps of the middleware above
the page cache, through the same functions they call: the proxy headers of a peer that is
not our proxy forgotten (`core.clientip`), the request id (`core.logs`), the count and time
for /metrics (`core.metrics`); then `core.caching.middleware.kept_response`, without ever
asking the database (a host this process has not routed yet goes the ordinary way). The
response is the one the middleware would return: the kept headers, Age, X-Cong-Cache and the
request id.

Anything else, and anything that fails here, goes through Django's handler unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler, WSGIRequest

from core import logs, metrics
from core.clientip import forget_untrusted_proxy_headers

from . import pages, tokens
from .middleware import kept_response, log


class PageCacheWSGIHandler(WSGIHandler):
    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        if _may_be_kept(environ):
            answered = self._hit(environ, start_response)
            if answered is not None:
                return answered
        return super().__call__(environ, start_response)

    def _hit(self, environ: dict, start_response: Callable) -> Iterable[bytes] | None:
        started = time.perf_counter()
        tokens.begin_request(in_transaction=False)
        try:
            # A copy: Django's request writes the decoded path back into its environ, which
            # Django's handler must still get as the server gave it.
            request = WSGIRequest(dict(environ))
            forget_untrusted_proxy_headers(request)
            _schema, response = kept_response(request, query=False)
            if response is None:
                return None
            response[logs.HEADER] = logs.request_id_for(request)
            metrics.observe(request, response.status_code, time.perf_counter() - started)
            start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
            # The body alone: the response's own close() would send request_finished.
            return [response.content]
        except Exception:
            log.warning("page-cache hit left to the request cycle", exc_info=True)
            return None
        finally:
            tokens.end_request()


def _may_be_kept(environ: dict) -> bool:
    """A cheap first look, before any request object is made: only these can be hits."""
    if environ.get("REQUEST_METHOD") not in ("GET", "HEAD") or not pages.enabled():
        return False
    cookie = environ.get("HTTP_COOKIE")
    # Any cookie but the CSRF cookie means a response for that visitor (pages.request_is_cacheable
    # decides; this only spares it the obvious cases).
    return not cookie or settings.CSRF_COOKIE_NAME in cookie
