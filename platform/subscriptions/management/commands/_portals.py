"""Which portals a command of subscriptions runs for."""

from __future__ import annotations

from django.db import connection

from tenants.current import is_portal_schema
from tenants.models import Portal


def target_schemas(code: str | None) -> list[str]:
    """The portal named, the one the command runs in (a per-portal job), or every active one."""
    if code:
        return [Portal.objects.get(code=code).schema_name]
    if is_portal_schema(connection.schema_name):
        return [connection.schema_name]
    active = Portal.objects.filter(status=Portal.Status.ACTIVE).values_list("schema_name", flat=True)
    # The platform's own row (the console) is active too, in the public schema: no portal.
    return [schema for schema in active if is_portal_schema(schema)]
