"""The plain not-found page every schema shares."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound
from django.template import loader

# Files under this folder of a portal's media (citizens' attachments) are never served
# publicly (tenants.views.serve_media refuses them); the views that own them check the user
# and stream them.
PRIVATE_MEDIA_PREFIX = "private/"


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A 404 that says nothing about which portals exist or why this one is not served."""
    body = loader.get_template("core/404.html").render({})
    return HttpResponseNotFound(body)
