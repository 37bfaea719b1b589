from __future__ import annotations

from django.http import HttpRequest

from tenants.current import current_portal


def portal(request: HttpRequest) -> dict:
    """The portal serving this request, for templates (`portal.name`, `portal.kind`); None
    on the platform console."""
    return {"portal": current_portal(request)}
