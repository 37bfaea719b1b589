"""Which portal is this? The one answer, for requests, commands and background jobs alike.

django-tenants keeps the schema a connection works in on `connection.tenant` (the Portal
set by the routing middleware, or a stand-in holding only the schema name inside
`schema_context`). Everything else asks here instead of comparing schema names itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django_tenants.utils import get_public_schema_name, schema_context

from django.conf import settings
from django.db import connection

if TYPE_CHECKING:
    from django.http import HttpRequest

    from tenants.models import Portal


def public_schema() -> str:
    """The control plane's schema (the registry, platform accounts, the console)."""
    return get_public_schema_name()


def template_schema() -> str:
    """The schema new portals are cloned from: migrated and seeded, never served."""
    return settings.TENANT_BASE_SCHEMA


def schema_name() -> str:
    """The schema the connection works in now."""
    return connection.schema_name


def is_public(schema: str | None = None) -> bool:
    """Whether `schema` (default: the current one) is the control plane's."""
    return (schema if schema is not None else connection.schema_name) == public_schema()


def is_portal_schema(schema: str | None = None) -> bool:
    """Whether `schema` (default: the current one) holds a portal: neither the control plane
    nor the template."""
    schema = schema if schema is not None else connection.schema_name
    return schema not in (public_schema(), template_schema())


def in_public_schema():
    """A context manager that works in the control plane's schema, then returns."""
    return schema_context(public_schema())


# Where the registry row read for a `schema_context` stand-in is kept, on the stand-in itself:
# it lives exactly as long as the block (django-tenants makes a new one for each).
_ROW = "_cong_portal"
_UNREAD = object()


def current_portal(request: HttpRequest | None = None, *, active_only: bool = True) -> Portal | None:
    """The portal of `request`, or of the connection's schema when there is no request.

    None in the control plane, in the template, and (unless `active_only` is False) for a
    portal that is not active. Inside `schema_context` the registry row is read once per
    block: a status changed inside the block is not seen until the next one.
    """
    from tenants.models import Portal

    tenant = getattr(request, "tenant", None) if request is not None else connection.tenant
    if tenant is None:
        return None
    if not isinstance(tenant, Portal):
        if not is_portal_schema(tenant.schema_name):
            return None
        row = getattr(tenant, _ROW, _UNREAD)
        if row is _UNREAD:
            row = (
                Portal.objects.filter(schema_name=tenant.schema_name)
                .prefetch_related("domains")
                .first()
            )
            setattr(tenant, _ROW, row)
        tenant = row
        if tenant is None:
            return None
    if tenant.is_platform:
        return None
    if active_only and not tenant.is_active:
        return None
    return tenant
