"""Host → portal routing, and the middleware that must know which schema a request is in."""

from __future__ import annotations

from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import remove_www

from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import HttpRequest, HttpResponse

from wagtail.contrib.redirects.middleware import RedirectMiddleware

from core.views import not_found
from tenants.current import is_public
from tenants.directory import directory
from tenants.models import Portal


class PortalMiddleware(TenantMainMiddleware):
    """Select the portal's schema from the request's host.

    Unknown hosts and portals that are not active (requested, suspended, archived) get the
    same plain 404, so a visitor learns nothing about which portals exist or their state.
    """

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        # django-tenants' steps, each once (the host validated once, the portal from this
        # process's directory without a query), and the registry read in the control
        # plane's schema.
        connection.set_schema_to_public()
        portal = serving_portal(request)
        if portal is None:
            return not_found(request)
        request.tenant = portal
        connection.set_tenant(portal)
        self.setup_url_routing(request)
        return None


def serving_portal(request: HttpRequest, query: bool = True) -> Portal | None:
    """The portal that answers `request`'s host (a copy of its own), or None for a host that
    is not allowed, not registered, or a portal that is not active (with `query=False`, also
    for a host this process has not looked up yet). The page cache asks it too, before the
    portal routing (core.caching)."""
    try:
        hostname = portal_hostname(request.get_host())
    except DisallowedHost:
        return None
    portal = directory.portal_for_host(hostname, query=query)
    if portal is None or (not portal.is_platform and not portal.is_active):
        return None
    portal.domain_url = hostname
    return portal


def portal_hostname(host: str) -> str:
    """The registry's name for a request's host: no port, no "www.", lower case (host names
    are case-insensitive; the registry stores them in lower case)."""
    return remove_www(host.split(":")[0]).lower()


class PortalRedirectMiddleware(RedirectMiddleware):
    """Wagtail's redirects, for portal schemas only.

    On a 404 Wagtail looks up the request's Site and its redirects; the public schema (the
    platform console) has neither table, so the lookup would fail there.
    """

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if is_public():
            return response
        return super().process_response(request, response)
