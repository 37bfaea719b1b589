"""The beacon every public page sends (static/visits/beacon.js) and the footer's figures.

The beacon is what counts, not the page view: a page answered from the page cache (or an
edge cache) is counted all the same. One INSERT per view; nothing is set in the browser.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from core.clientip import client_ip

from .analytics import current
from .models import PageView
from .privacy import is_bot, visitor_hash
from .queries import COUNTS_TTL, footer_counts

LANGUAGES = {code for code, _name in settings.LANGUAGES}
INSERT = (
    f"INSERT INTO {PageView._meta.db_table} (day, page_id, path, language, referrer, visitor)"
    " VALUES (%s, %s, %s, %s, %s, %s)"
)


def _no_store(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "no-store"
    return response


def referrer_domain(referrer: str, own_host: str) -> str:
    """Only the domain of where the visitor came from, none for our own pages."""
    try:
        host = (urlsplit(referrer).hostname or "").lower()
    except ValueError:
        return ""
    if not host or host == own_host.split(":")[0].lower():
        return ""
    return host[:253]


@csrf_exempt
def beacon(request: HttpRequest) -> HttpResponse:
    """POST /_v?p=<page id>&l=<language>&u=<path>&r=<referrer> → 204."""
    if request.method not in ("POST", "GET"):
        return _no_store(HttpResponse(status=405))
    agent = request.META.get("HTTP_USER_AGENT", "")
    # Counted from nginx's log instead (visits.importer): an old page's beacon counts nothing.
    if settings.CONG_VISITS_SOURCE == "beacon" and not is_bot(agent):
        params = request.GET
        page = params.get("p", "")
        language = params.get("l", "")
        path = params.get("u", "")[:255]
        today = timezone.localdate()
        # One statement, without the ORM's model instance (this runs for every page view).
        with connection.cursor() as cursor:
            cursor.execute(INSERT, [
                today,
                int(page) if page.isdigit() and len(page) < 10 else None,
                path if path.startswith("/") else "",
                language if language in LANGUAGES else "",
                referrer_domain(params.get("r", ""), request.get_host()),
                visitor_hash(today, client_ip(request) or "", agent, connection.schema_name),
            ])
    return _no_store(HttpResponse(status=204))


def counts(request: HttpRequest) -> JsonResponse:
    """The footer's “Lượt truy cập”: {"shown": false} when the portal turned it off."""
    if not current().show_counter:
        response = JsonResponse({"shown": False})
    else:
        response = JsonResponse({"shown": True, **footer_counts()})
    response["Cache-Control"] = f"public, max-age={COUNTS_TTL}"
    return response
