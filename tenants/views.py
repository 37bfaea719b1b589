"""Views that depend on which portal a request is in."""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils._os import safe_join

from core.media_access import is_restricted, may_receive, owner_of
from core.views import PRIVATE_MEDIA_PREFIX
from tenants.current import is_portal_schema, schema_name


def serve_media(request: HttpRequest, schema: str, path: str) -> HttpResponse:
    """Serve a file uploaded to the current portal.

    Files live under MEDIA_ROOT/<schema>/; a portal's domains serve only its own schema's
    files, so /media/<other schema>/… is a 404 everywhere else. A private document or image
    (and its renditions: `core.media_access`) goes only to a request that passes its
    restrictions; to anyone else it does not exist. Behind nginx, set
    MEDIA_ACCEL_REDIRECT_PREFIX and nginx sends the bytes, once every check has passed.
    """
    if schema != schema_name() or not is_portal_schema(schema):
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
    owner = owner_of(path)
    private = owner is not None and is_restricted(owner)
    if private and not may_receive(owner, request):
        raise Http404
    response = _send(full, schema, path)
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


def _send(full: Path, schema: str, path: str) -> HttpResponse:
    prefix = settings.MEDIA_ACCEL_REDIRECT_PREFIX
    if prefix:
        response = HttpResponse()
        response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{schema}/{path}"
        response["Content-Type"] = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
        return response
    return FileResponse(full.open("rb"))
