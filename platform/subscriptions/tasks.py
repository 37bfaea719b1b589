"""Background work of subscriptions: matching a publication with the subscriptions."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tenants.jobs import portal_job


@portal_job(max_attempts=3, backoff=60)
def record_publication(schema_name: str, source: str, object_id: int) -> int:
    """Add the item to the next digest of every confirmed subscription it concerns; returns
    how many subscriptions got it."""
    from .digest import record

    with schema_context(schema_name):
        return record(source, object_id)
