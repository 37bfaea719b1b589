"""Structured logs: one JSON object a line, with the request id and the portal.

`RequestIdMiddleware` (first in MIDDLEWARE) gives every request an id: the `X-Request-ID`
our own proxy sent (nginx's $request_id), else a new one; it is answered in the same header
and logged with everything the request logs. The portal is the schema the connection works
in (a request, a job in the worker or a command alike).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from contextvars import ContextVar

from django.http import HttpRequest, HttpResponse

from core.clientip import from_trusted_proxy

REQUEST_ID: ContextVar[str] = ContextVar("request_id", default="")
HEADER = "X-Request-ID"
_VALID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def current_request_id() -> str:
    return REQUEST_ID.get()


def request_id_for(request: HttpRequest) -> str:
    """The id our own proxy gave the request, else a new one."""
    given = request.META.get("HTTP_X_REQUEST_ID", "")
    if given and _VALID.match(given) and from_trusted_proxy(request):
        return given
    return uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request_id = request_id_for(request)
        request.request_id = request_id
        token = REQUEST_ID.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            REQUEST_ID.reset(token)
        response[HEADER] = request_id
        return response


def current_portal_code() -> str:
    """The code (schema) of the portal the database connection works in, "" outside one."""
    try:
        from django.db import connection

        tenant = getattr(connection, "tenant", None)
        return getattr(tenant, "code", None) or getattr(connection, "schema_name", "") or ""
    except Exception:  # logging must not fail for want of a connection
        return ""


class ContextFilter(logging.Filter):
    """Adds `request_id` and `portal` to every record (for any formatter)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = current_request_id()
        if not hasattr(record, "portal"):
            record.portal = current_portal_code()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or None,
            "portal": getattr(record, "portal", "") or None,
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
