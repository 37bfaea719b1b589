"""The beacon answered as soon as the portal is known: a page view's count needs no session,
language, CSRF check or user, so it skips them (and the URL resolver)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

from tenants.current import is_portal_schema

BEACON_PATH = "/_v"


class BeaconMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info == BEACON_PATH and is_portal_schema():
            from .views import beacon

            return beacon(request)
        return self.get_response(request)
