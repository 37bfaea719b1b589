"""Host → portal routing, and the middleware that must know which schema a request is in."""

from __future__ import annotations

from django_tenants.middleware.main import TenantMainMiddleware

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpRequest, HttpResponse

from wagtail.contrib.redirects.middleware import RedirectMiddleware

from core.views import not_found
from tenants.current import is_public
from tenants.directory import directory


class PortalMiddleware(TenantMainMiddleware):
    """Select the portal's schema from the request's host.

    Unknown hosts and portals that are not active (requested, suspended, archived) get the
    same plain 404, so a visitor learns nothing about which portals exist or their state.
    """

    @staticmethod
    def hostname_from_request(request: HttpRequest) -> str:
        # Host names are case-insensitive; the registry stores them in lower case.
        return TenantMainMiddleware.hostname_from_request(request).lower()

    def get_tenant(self, domain_model, hostname: str):
        # Kept per process until the registry changes (tenants.directory).
        portal = directory.portal_for_host(hostname)
        if portal is None:
            raise domain_model.DoesNotExist
        return portal

    def no_tenant_found(self, request: HttpRequest, hostname: str) -> HttpResponse:
        return not_found(request)

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        try:
            request.get_host()
        except DisallowedHost:
            connection.set_schema_to_public()
            return not_found(request)
        response = super().process_request(request)
        if response is not None:
            return response
        portal = request.tenant
        if not portal.is_platform and not portal.is_active:
            connection.set_schema_to_public()
            del request.tenant
            return not_found(request)
        return None


class PortalRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, for portal schemas only.

    On a 404 Wagtail looks up the request's Site and its redirects; the public schema (the
    platform console) has neither table, so the lookup would fail there.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if is_public():
            return response
        return super().process_response(request, response)
