"""The page cache's place in the request: right after the portal is known (and after the
security middleware, whose headers every response gets), before sessions, languages and the
rest; a hit is answered from there, without touching the session or rendering anything."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse

from . import pages, tokens


class PageCacheMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        tokens.begin_request(in_transaction=connection.in_atomic_block)
        try:
            cacheable = pages.request_is_cacheable(request)
            if cacheable:
                kept = pages.lookup(request)
                if kept is not None:
                    return kept
                pages.begin(request)
            response = self.get_response(request)
            if cacheable and pages.schema_is_cacheable(connection.schema_name):
                pages.store(request, response)
            return response
        finally:
            tokens.end_request()
