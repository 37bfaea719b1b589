"""The same app with tenancy bypassed: one portal pinned, as a single-site install would be.

`PinnedPortalMiddleware` takes the place of `tenants.middleware.PortalMiddleware`: no host
lookup, no registry token, the connection stays in the portal's schema. Used by
benchmarks/serve.py (`DJANGO_SETTINGS_MODULE=pinned` with this folder on the path) to measure
what the routing of every request to its portal costs.
"""

from __future__ import annotations

import os

from cong.settings.dev import *  # noqa: F403
from cong.settings.dev import MIDDLEWARE

MIDDLEWARE = [
    "pinned.PinnedPortalMiddleware" if name == "tenants.middleware.PortalMiddleware" else name
    for name in MIDDLEWARE
]
CONG_PINNED_PORTAL = os.environ.get("CONG_PINNED_PORTAL", "laichau")


class PinnedPortalMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.portal = None

    def __call__(self, request):
        from django.conf import settings
        from django.db import connection

        if self.portal is None:
            from tenants.models import Portal

            self.portal = Portal.objects.select_related("parent").prefetch_related("domains").get(
                code=settings.CONG_PINNED_PORTAL
            )
        request.tenant = self.portal
        connection.set_tenant(self.portal)
        return self.get_response(request)
