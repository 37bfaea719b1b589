"""Writing to the portal's audit trail (`AuditEvent`).

The request being served is remembered (by `AccountSecurityMiddleware`) so that signal
handlers deep in Wagtail or Django can name the actor and the IP address.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar, Token

from django.http import HttpRequest

from accounts.models import AuditEvent
from core.clientip import client_ip
from tenants.current import is_public

log = logging.getLogger(__name__)

Action = AuditEvent.Action

_current_request: ContextVar[HttpRequest | None] = ContextVar("cong_current_request", default=None)


def bind_request(request: HttpRequest) -> Token:
    return _current_request.set(request)


def unbind_request(token: Token) -> None:
    _current_request.reset(token)


def current_request() -> HttpRequest | None:
    return _current_request.get()


def in_portal() -> bool:
    """True in a portal's schema, where the accounts tables exist."""
    return not is_public()


def actor_name(user) -> str:
    if user is None or not getattr(user, "is_authenticated", False):
        return ""
    return user.get_username()


def record(
    action: str,
    *,
    actor: str | None = None,
    target: str = "",
    detail: str = "",
    request: HttpRequest | None = None,
) -> AuditEvent | None:
    """Add an event to the current portal's trail (nothing in the public schema)."""
    if not in_portal():
        return None
    request = request or current_request()
    if actor is None:
        actor = actor_name(getattr(request, "user", None)) if request is not None else ""
    return AuditEvent.objects.create(
        action=action,
        actor=(actor or "")[:150],
        target=(target or "")[:255],
        detail=detail,
        ip_address=client_ip(request),
    )
