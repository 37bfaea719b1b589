"""`/.well-known/security.txt` (RFC 9116) on every portal domain and on the console.

Who to tell about a vulnerability comes from the portal's own contact settings: an app
registers a source (`register_contact_source`, in its AppConfig.ready()) that gives the
contacts for a request. The platform's own security contact (CONG_SECURITY_CONTACT, e.g.
the province's information-security team) follows them on every domain, since a flaw in
the platform concerns every portal.

The file is built live from the settings, so it is never stale; Expires (required by the
RFC, which recommends less than a year ahead) is a fixed number of days after the current
date, the same all day long so that caches can keep the file.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

EXPIRES_AFTER_DAYS = 180
PATH = "/.well-known/security.txt"

ContactSource = Callable[[HttpRequest], list[str]]
_sources: list[ContactSource] = []


def register_contact_source(source: ContactSource) -> None:
    """`source(request)` returns contact URIs ("mailto:…", "tel:…", "https://…") for the
    portal of the request, best first; an empty list when it has none."""
    if source not in _sources:
        _sources.append(source)


def email_uri(address: str) -> str:
    return f"mailto:{address.strip()}" if address and address.strip() else ""


def phone_uri(number: str) -> str:
    """A Vietnamese number as written on a letterhead (0213 3876 543) → tel:+842133876543."""
    digits = re.sub(r"[^\d+]", "", number or "")
    if not digits.lstrip("+"):
        return ""
    if digits.startswith("+"):
        return f"tel:{digits}"
    if digits.startswith("00"):
        return f"tel:+{digits[2:]}"
    if digits.startswith("0"):
        return f"tel:+84{digits[1:]}"
    return f"tel:{digits}"


def contacts_for(request: HttpRequest) -> list[str]:
    contacts: list[str] = []
    for source in _sources:
        contacts += source(request)
    contacts += list(getattr(settings, "CONG_SECURITY_CONTACT", []))
    unique: list[str] = []
    for contact in contacts:
        if contact and contact not in unique:
            unique.append(contact)
    return unique


def expires(today: dt.date | None = None) -> str:
    day = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=EXPIRES_AFTER_DAYS)
    return f"{day.isoformat()}T00:00:00Z"


def security_txt_text(request: HttpRequest, contacts: list[str]) -> str:
    lines = [f"Contact: {contact}" for contact in contacts]
    lines += [
        f"Expires: {expires()}",
        "Preferred-Languages: vi, en",
        f"Canonical: {request.scheme}://{request.get_host()}{PATH}",
    ]
    return "\n".join(lines) + "\n"


@require_GET
@cache_control(max_age=3600, public=True)
def security_txt(request: HttpRequest) -> HttpResponse:
    contacts = contacts_for(request)
    if not contacts:  # the RFC requires a contact: no file rather than an empty one
        raise Http404
    return HttpResponse(security_txt_text(request, contacts), content_type="text/plain; charset=utf-8")
