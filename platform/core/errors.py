"""What a visitor sees when something goes wrong: never a bare English error page.

- `server_error` is the handler500 of every URL configuration. An error that means the
  database cannot be reached (or stopped answering) is an outage, not a bug: it answers 503
  with a Vietnamese maintenance page and `Retry-After`. Django calls handler500 for an
  exception raised anywhere below it, the portal-routing middleware included (it asks the
  database which portal a host is before any view runs), so an outage is a 503 from the
  first query on. Any other error gets a 500 page in the request's language, naming the
  portal and its contact address from the registry row routing already loaded (no query);
  if even that fails, the plain Vietnamese page.
- `RequestGuardMiddleware` answers 400 to an address containing a NUL byte (%00), in the
  path or the query string. No link or form of ours produces one and no person can type one;
  PostgreSQL cannot store or compare text holding it, so every view would otherwise have to
  guard each parameter. 400 ("the request is malformed") is the honest answer, and it is
  never cached. Form fields sent in a POST body are left to the forms, which say which
  field is wrong.

The pages are plain templates with no database access and no context processors: they
must render while the database is down.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils import translation

# Seconds a client (or a monitoring probe) is asked to wait before trying again.
RETRY_AFTER_SECONDS = 60
OUTAGE_ERRORS = (OperationalError, InterfaceError)


def is_database_outage(exc: BaseException | None) -> bool:
    """Whether `exc`, or an exception it was raised from, says the database is unreachable."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OUTAGE_ERRORS):
            return True
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return False


def _page(template: str, status: int, context: dict | None = None) -> HttpResponse:
    response = HttpResponse(loader.get_template(template).render(context or {}), status=status)
    response["Cache-Control"] = "no-store"
    return response


def maintenance_response() -> HttpResponse:
    response = _page("core/503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def server_error(request: HttpRequest) -> HttpResponse:
    """handler500: Django calls it while handling the exception, so sys.exc_info() has it."""
    if is_database_outage(sys.exc_info()[1]):
        return maintenance_response()
    try:
        return _page("core/500.html", 500, _portal_context(request))
    except Exception:  # noqa: BLE001 - the error page itself must never fail
        return _page("core/500.html", 500)


def _portal_context(request: HttpRequest) -> dict:
    """The portal's name (in the active language) and contact address, from the registry row
    the routing middleware put on the request: attributes only, never a query."""
    portal = getattr(request, "tenant", None)
    state = getattr(portal, "_state", None)
    if portal is None or (state is not None and state.adding):
        return {}
    values = getattr(portal, "__dict__", {})  # loaded fields only: a deferred one would query
    english = (translation.get_language() or "").startswith("en")
    name = (english and values.get("name_en")) or values.get("name") or ""
    return {"portal_name": name, "contact_email": values.get("contact_email") or ""}


def bad_request_response() -> HttpResponse:
    return _page("core/400.html", 400)


def has_nul_byte(request: HttpRequest) -> bool:
    query = request.META.get("QUERY_STRING", "")
    return "\x00" in request.path_info or "%00" in query or "\x00" in query


class RequestGuardMiddleware:
    """Turn away addresses no browser sends (see the module's docstring). Outside the portal
    routing: it needs no database and answers the same on every host."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul_byte(request):
            return bad_request_response()
        return self.get_response(request)
