"""Views every schema shares: the plain not-found page and the per-portal media server."""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.db import connection
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseNotFound
from django.template import loader
from django.utils._os import safe_join


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A 404 that says nothing about which portals exist or why this one is not served."""
    body = loader.get_template("core/404.html").render({})
    return HttpResponseNotFound(body)


# Files under this folder of a portal's media (citizens' attachments) are never served
# publicly; the views that own them check the user and stream them.
PRIVATE_MEDIA_PREFIX = "private/"


def serve_media(request: HttpRequest, schema: str, path: str) -> HttpResponse:
    """Serve a file uploaded to the current portal.

    Files live under MEDIA_ROOT/<schema>/; a portal's domains serve only its own schema's
    files, so /media/<other schema>/… is a 404 everywhere else. Behind nginx, set
    MEDIA_ACCEL_REDIRECT_PREFIX and nginx sends the bytes.
    """
    if schema != connection.schema_name or schema == "public":
        raise Http404
    path = posixpath.normpath(path).lstrip("/")
    if path.startswith("..") or "\x00" in path or path.startswith(PRIVATE_MEDIA_PREFIX):
        raise Http404
    try:
        # Joined below the portal's own folder: nothing may resolve outside it.
        full = Path(safe_join(Path(settings.MEDIA_ROOT) / schema, path))
    except SuspiciousFileOperation as exc:
        raise Http404 from exc
    if not full.is_file():
        raise Http404
    prefix = settings.MEDIA_ACCEL_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse()
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{schema}/{path}"
        response["Content-Type"] = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
        return response
    return FileResponse(full.open("rb"))
