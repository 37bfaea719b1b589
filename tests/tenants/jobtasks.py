"""Jobs used by the job-queue tests (importable by path, as the worker needs)."""

from __future__ import annotations

from django.db import connection

from tenants.current import current_portal
from tenants.jobs import portal_job

CALLS: list[str] = []


@portal_job(max_attempts=3, backoff=0)
def where_am_i(label: str) -> dict:
    portal = current_portal()
    CALLS.append(label)
    return {"schema": connection.schema_name, "portal": portal.code if portal else None}


@portal_job(max_attempts=3, backoff=0)
def fails_twice(label: str) -> int:
    CALLS.append(label)
    if CALLS.count(label) < 3:
        raise ConnectionError(f"not yet ({CALLS.count(label)})")
    return CALLS.count(label)


@portal_job(max_attempts=3, backoff=0)
def always_fails() -> None:
    raise ValueError("hỏng hẳn")


@portal_job(max_attempts=4, backoff=60)
def fails_slowly() -> None:
    raise ConnectionError("mail server down")
