"""The platform's own background jobs, and the periodic ones every install runs."""

from __future__ import annotations

import datetime as dt
import io
import logging

from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db.models import Q
from django.utils import timezone

from tenants.jobs import portal_job, register_periodic

log = logging.getLogger("tenants.jobs")

# How long finished jobs stay in the queue's table for operators to look at.
KEEP_SUCCEEDED = dt.timedelta(days=7)
KEEP_FAILED = dt.timedelta(days=30)


@portal_job(max_attempts=3, backoff=60)
def run_command(name: str, *args: str) -> str:
    """A management command as a job, in the schema it was enqueued in. Its output (the
    last 2,000 characters) is the job's result."""
    out = io.StringIO()
    call_command(name, *args, stdout=out, stderr=out)
    return out.getvalue()[-2000:]


@portal_job(max_attempts=3, backoff=30)
def publish_scheduled_everywhere() -> dict[str, str]:
    """Wagtail's scheduled publishing (go-live and expiry of pages and snippets) in every
    active portal's schema. A portal that fails does not hold up the others; the job then
    fails with their names and is tried again (publishing is idempotent)."""
    from tenants.worker import active_portal_schemas

    failed: dict[str, str] = {}
    for schema in active_portal_schemas():
        try:
            with schema_context(schema):
                call_command("publish_scheduled", stdout=io.StringIO())
        except Exception as exc:  # one portal's problem: note it, go on with the next
            log.exception("scheduled publishing failed in %s", schema)
            failed[schema] = f"{type(exc).__name__}: {exc}"
    if failed:
        raise RuntimeError(f"scheduled publishing failed in {', '.join(sorted(failed))}")
    return failed


@portal_job(max_attempts=2, backoff=600)
def prune_finished_jobs() -> int:
    """Forget jobs that succeeded a week ago or failed a month ago, and old schedule rows."""
    from django_tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from tenants.models import PeriodicRun

    now = timezone.now()
    old = Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=now - KEEP_SUCCEEDED) | Q(
        status=TaskResultStatus.FAILED, finished_at__lt=now - KEEP_FAILED
    )
    deleted, _detail = DBTaskResult.objects.filter(old).delete()
    PeriodicRun.objects.filter(slot__lt=now - KEEP_FAILED).delete()
    return deleted


def register_platform_jobs() -> None:
    register_periodic("publish_scheduled", publish_scheduled_everywhere, every=dt.timedelta(minutes=1))
    register_periodic("prune_finished_jobs", prune_finished_jobs, daily_at="03:15")
