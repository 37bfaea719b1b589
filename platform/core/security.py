"""Security headers on every response, whichever part of the stack answered it.

`SecurityHeadersMiddleware` sits outside the portal routing (see MIDDLEWARE), so the plain
404 for an unknown host, the 400 for a malformed address, the 503 of a database outage and
static files all carry the same headers as a portal's pages.

Two Content-Security-Policies (settings CONG_CSP and CONG_CSP_ADMIN, one dict of directives
each):

- Public pages, the platform console and everything else: no inline script or style at all
  ('unsafe-inline' nowhere). The base theme has none (the portal's brand colours come from a
  per-portal stylesheet, see themes), so the policy is the same for every visitor and every
  page: a page cache can keep a page together with its header, with no per-request nonce.
- The Wagtail admin (`/admin/`): Wagtail 8 still renders a few inline scripts (inline
  panels, date pickers) and style attributes; its policy allows inline script and style
  (never eval), and nothing from other origins except images and embeds. A page previewed
  in the admin keeps the public policy, framed by the admin only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"
FRAME_ANCESTORS = re.compile(r"frame-ancestors [^;]*")


def policy_header(directives: Mapping[str, Sequence[str]]) -> str:
    """`{"default-src": ["'self'"], …}` → `default-src 'self'; …`."""
    return "; ".join(
        " ".join([name, *sources]) if sources else name for name, sources in directives.items()
    )


def is_admin_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(ADMIN_PREFIX)


def content_security_policy(request: HttpRequest) -> str:
    directives = settings.CONG_CSP_ADMIN if is_admin_request(request) else settings.CONG_CSP
    return policy_header(directives)


def permissions_policy() -> str:
    """No page of ours uses the camera, the microphone, the visitor's location…: refused for
    our pages and anything embedded in them."""
    return ", ".join(f"{feature}=()" for feature in settings.CONG_PERMISSIONS_POLICY_DENY)


class SecurityHeadersMiddleware:
    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", content_security_policy(request))
        response.headers.setdefault("Permissions-Policy", permissions_policy())
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            # A view that lets its own origin frame it (Wagtail's preview of a page inside the
            # admin, whose public policy says 'none'): the CSP says the same as X-Frame-Options.
            response["Content-Security-Policy"] = FRAME_ANCESTORS.sub(
                "frame-ancestors 'self'", response["Content-Security-Policy"]
            )
        return response
