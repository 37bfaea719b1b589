"""The job queue in /readyz and /metrics (core.monitoring): how many jobs wait, per portal,
how long the oldest has waited, how many failed."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.db.models import Count, Min
from django.db.models.fields.json import KeyTextTransform
from django.utils import timezone

from tenants.jobs import SCHEMA_KEY


def _rows():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects


def queue_ready() -> str:
    """/readyz: the queue is not past CONG_READY_MAX_QUEUE jobs waiting to run."""
    waiting = _rows().ready().count()
    limit = settings.CONG_READY_MAX_QUEUE
    if waiting > limit:
        raise RuntimeError(f"{waiting} jobs waiting (limit {limit}): is a worker running?")
    return f"{waiting} waiting"


def queue_gauges() -> Iterable[tuple]:
    rows = _rows()
    ready = rows.ready()
    per_portal = {
        item["schema"] or "-": item["n"]
        for item in ready.annotate(schema=KeyTextTransform(SCHEMA_KEY, "args_kwargs"))
        .values("schema").annotate(n=Count("id")).order_by()
    }
    oldest = ready.aggregate(at=Min("enqueued_at"))["at"]
    yield ("cong_jobs_ready", "Jobs waiting to run, by portal (schema).", per_portal, "portal")
    yield ("cong_jobs_running", "Jobs running now.", rows.running().count())
    yield ("cong_jobs_failed", "Jobs that failed for good (manage.py jobs --failed).", rows.failed().count())
    yield (
        "cong_jobs_oldest_ready_seconds", "How long the oldest waiting job has waited.",
        (timezone.now() - oldest).total_seconds() if oldest else 0,
    )


def register() -> None:
    from core.monitoring import register_check, register_gauges

    register_check("queue", queue_ready)
    register_gauges(queue_gauges)
