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
from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse

ADMIN_PREFIX = "/admin/"
# Functions of a (non-admin) request answering extra sources per directive, registered by
# higher apps (visits: the portal's EMC and Matomo origins).
PolicySources = Callable[[HttpRequest], Mapping[str, Sequence[str]]]
_policy_sources: list[PolicySources] = []
FRAME_ANCESTORS = re.compile(r"frame-ancestors [^;]*")


def policy_header(directives: Mapping[str, Sequence[str]]) -> str:
    """`{"default-src": ["'self'"], …}` → `default-src 'self'; …`."""
    return "; ".join(
        " ".join([name, *sources]) if sources else name for name, sources in directives.items()
    )


def is_admin_request(request: HttpRequest) -> bool:
    return request.path_info.startswith(ADMIN_PREFIX)


def register_policy_sources(sources: PolicySources) -> None:
    """Add `sources(request)` to the public policy (e.g. a portal's own tracker origin)."""
    if sources not in _policy_sources:
        _policy_sources.append(sources)


def content_security_policy(request: HttpRequest) -> str:
    if is_admin_request(request):
        return policy_header(settings.CONG_CSP_ADMIN)
    directives = settings.CONG_CSP
    for sources in _policy_sources:
        extra = sources(request)
        if extra:
            directives = {
                name: [*values, *(s for s in extra.get(name, ()) if s not in values)]
                for name, values in directives.items()
            }
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
        # A page served from the page cache carries the policies it was kept with.
        if "Content-Security-Policy" not in response.headers:
            response["Content-Security-Policy"] = content_security_policy(request)
        if "Permissions-Policy" not in response.headers:
            response["Permissions-Policy"] = permissions_policy()
        if response.get("X-Frame-Options") == "SAMEORIGIN":
            # A view that lets its own origin frame it (Wagtail's preview of a page inside the
            # admin, whose public policy says 'none'): the CSP says the same as X-Frame-Options.
            response["Content-Security-Policy"] = FRAME_ANCESTORS.sub(
                "frame-ancestors 'self'", response["Content-Security-Policy"]
            )
        return response
