"""The console's own journal: sign-ins, refusals and account changes of platform accounts,
on the platform's row of the registry's trail (`PortalEvent`), shown in "Nhật ký"."""

from __future__ import annotations

from django.http import HttpRequest

from accounts.audit import client_ip
from tenants.current import public_schema
from tenants.models import Portal, PortalEvent

Action = PortalEvent.Action


def log(action: str, actor: str, detail: str = "", request: HttpRequest | None = None) -> PortalEvent | None:
    platform = Portal.objects.filter(schema_name=public_schema()).first()
    if platform is None:  # before migrate_platform made the console's row
        return None
    return PortalEvent.objects.create(
        portal=platform, action=action, actor=(actor or "")[:150], detail=detail,
        ip_address=client_ip(request),
    )
