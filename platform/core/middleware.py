"""Middleware that must know which schema a request is in."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse

from wagtail.contrib.redirects.middleware import RedirectMiddleware


class PortalRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, for portal schemas only.

    On a 404 Wagtail looks up the request's Site and its redirects; the public schema (the
    platform console) has neither table, so the lookup would fail there.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if connection.schema_name == "public":
            return response
        return super().process_response(request, response)
