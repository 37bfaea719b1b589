from __future__ import annotations

from django.http import HttpRequest


def portal(request: HttpRequest) -> dict:
    """The portal serving this request, for templates (`portal.name`, `portal.kind`)."""
    tenant = getattr(request, "tenant", None)
    if tenant is None or tenant.schema_name == "public":
        return {"portal": None}
    return {"portal": tenant}
