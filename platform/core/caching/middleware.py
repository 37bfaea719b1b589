"""The page cache's place in the request: as early as the request can be answered for
everyone, right after the request id, the metrics and the proxy headers (the scheme is part of
the key), before the security headers, the portal routing, sessions and languages.

A hit is answered from there, without any of those running: the kept response already
carries the headers the middleware below it added when the page was rendered (the security
headers and policies, the portal's CSP), so a hit is byte for byte the response that was
kept. The portal is found from the host as the portal routing finds it (an unknown host or a
portal that is not active is never answered from the cache), without touching the database.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.db import connection
from django.http import HttpRequest, HttpResponse

from . import pages, tokens

log = logging.getLogger(__name__)

# Registered by the app that routes hosts to portals (tenants): (request, query) → the active
# portal serving the request's host, or None; with query=False, without asking the database.
# Nothing is cached until it is registered.
_portal_for_request: list[Callable[[HttpRequest, bool], Any]] = []


def register_portal_resolver(resolver: Callable[[HttpRequest, bool], Any]) -> None:
    _portal_for_request[:] = [resolver]


class PageCacheMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tokens.begin_request(in_transaction=connection.in_atomic_block)
        try:
            schema, kept = kept_response(request)
            if kept is not None:
                return kept
            response = self.get_response(request)
            if schema is not None and pages.schema_is_cacheable(schema):
                try:
                    pages.store(request, response, schema)
                except Exception:
                    # The visitor gets the page all the same; the next one renders it again.
                    log.warning("page not kept: the shared cache failed", exc_info=True)
            return response
        finally:
            tokens.end_request()


def kept_response(request: HttpRequest, query: bool = True) -> tuple[str | None, HttpResponse | None]:
    """The schema whose cache `request` may use (None: it may not), and the kept response if
    there is a fresh one (then `request.tenant` is its portal, for the metrics). Whatever
    fails here (the database or the shared cache unreachable) leaves the request to the rest
    of the chain, which answers it with its own error pages and headers (an outage's 503).
    With `query=False` the database is never asked (a host not yet looked up is a miss)."""
    if not _portal_for_request:
        return None, None
    try:
        if not pages.request_is_cacheable(request):
            return None, None
        portal = _portal_for_request[0](request, query)
        if portal is None or not pages.schema_is_cacheable(portal.schema_name):
            return None, None
        schema = portal.schema_name
        kept = pages.lookup(request, schema)
        if kept is not None:
            request.tenant = portal
            return schema, kept
        pages.begin(request, schema)
        return schema, None
    except Exception:
        log.warning("page cache skipped for this request", exc_info=True)
        return None, None
