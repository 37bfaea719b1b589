"""Background jobs with the portal carried along, and the registry of periodic jobs.

The engine is django-tasks (the task API Django 6 adopts, which Wagtail already uses) with
its ORM backend, `django_tasks_db`: jobs are rows of one table in the public schema, so one
worker serves every portal, a job enqueued inside a transaction exists exactly when that
transaction commits, and nothing is lost while the worker is down (the rows wait).

- `PortalDatabaseBackend` writes the schema the connection is in when a job is enqueued
  next to its arguments; the worker (`tenants.worker`) runs the job in that schema. Every
  task is carried so, Wagtail's own (reference index, image focal points) included.
- `portal_job(...)` declares a task with its retry policy (attempts, backoff).
- `register_periodic(...)` adds a job the scheduler enqueues on a schedule, once per
  active portal (`per_portal=True`, run in each portal's schema) or once for the platform.
  An app registers its periodic jobs in its `AppConfig.ready()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task, task_backends
from django_tasks.base import Task
from django_tasks.utils import normalize_json
from django_tasks_db.backend import DatabaseBackend
from django_tenants.utils import schema_context

from django.db import connection, transaction

if TYPE_CHECKING:
    from django_tasks_db.models import DBTaskResult

# The key next to "args" and "kwargs" in a job row that names the schema it runs in.
SCHEMA_KEY = "schema"


class PortalDatabaseBackend(DatabaseBackend):
    """django_tasks_db's backend, remembering the schema each job was enqueued in."""

    def _task_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        # The model is imported here: backends are built while the apps still load.
        from django_tasks_db.models import DBTaskResult

        stored = normalize_json({"args": args, "kwargs": kwargs})
        return DBTaskResult.objects.create(
            id=self._get_id(),
            args_kwargs={**stored, SCHEMA_KEY: connection.schema_name},
            priority=task.priority,
            task_path=task.module_path,
            queue_name=task.queue_name,
            run_after=task.run_after,
            backend_name=self.alias,
        )

    async def _atask_to_db_task(self, task, args, kwargs) -> DBTaskResult:
        from asgiref.sync import sync_to_async

        return await sync_to_async(self._task_to_db_task)(task, args, kwargs)


def job_schema(row: DBTaskResult) -> str | None:
    """The schema a stored job runs in (None: enqueued before schemas were recorded)."""
    return (row.args_kwargs or {}).get(SCHEMA_KEY)


# --- Retries -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RetryPolicy:
    """How often a failing job is tried, and how long to wait before each new attempt:
    `backoff` seconds, doubled at every attempt, at most `max_backoff`."""

    max_attempts: int = 3
    backoff: float = 30.0
    max_backoff: float = 3600.0

    def delay(self, attempts_made: int) -> dt.timedelta:
        seconds = min(self.max_backoff, self.backoff * (2 ** max(0, attempts_made - 1)))
        return dt.timedelta(seconds=seconds)


DEFAULT_POLICY = RetryPolicy()
_POLICIES: dict[str, RetryPolicy] = {}


def retry_policy(module_path: str) -> RetryPolicy:
    """The policy of the task at `module_path` (the default for tasks not declared here,
    such as Wagtail's)."""
    return _POLICIES.get(module_path, DEFAULT_POLICY)


def portal_job(
    *,
    max_attempts: int = DEFAULT_POLICY.max_attempts,
    backoff: float = DEFAULT_POLICY.backoff,
    max_backoff: float = DEFAULT_POLICY.max_backoff,
    priority: int = 0,
    queue_name: str = "default",
) -> Callable[[Callable[..., Any]], Task]:
    """Declare a background job: a django-tasks task with a retry policy.

    It runs in the schema it was enqueued in (a portal's, or the public schema); ask
    `tenants.current` which portal. Arguments and the return value must be JSON.
    """

    def wrap(function: Callable[..., Any]) -> Task:
        declared = task(priority=priority, queue_name=queue_name)(function)
        _POLICIES[declared.module_path] = RetryPolicy(max_attempts, backoff, max_backoff)
        return declared

    return wrap


def enqueue_in(schema: str, job: Task, *args: Any, **kwargs: Any):
    """Enqueue `job` to run in `schema`, wherever the caller is."""
    with schema_context(schema):
        return job.enqueue(*args, **kwargs)


def is_queued_in_database(job: Task | None = None) -> bool:
    """Whether jobs (of `job`'s backend, else the default one) are stored rows, run by the
    worker, rather than run at once in this process."""
    backend = task_backends[job.backend if job is not None else DEFAULT_TASK_BACKEND_ALIAS]
    return isinstance(backend, DatabaseBackend)


def enqueue_on_commit(job: Task, *args: Any, **kwargs: Any) -> None:
    """Enqueue `job` for the current transaction's outcome.

    A stored queue takes the job inside the transaction: the row commits with the change
    that caused it, or not at all. A backend that runs jobs at once runs it after commit,
    so it sees the committed data.
    """
    if is_queued_in_database(job):
        job.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: job.enqueue(*args, **kwargs))


# --- Periodic jobs -------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodicJob:
    """A job the scheduler enqueues on a schedule.

    Exactly one of `every` (a period, counted from midnight UTC, e.g. every 5 minutes) and
    `daily_at` ("HH:MM" in the platform's time zone) is given. `per_portal`: one job per
    active portal, run in its schema; otherwise one job in the public schema.
    """

    name: str
    job: Task
    every: dt.timedelta | None = None
    daily_at: str | None = None
    per_portal: bool = False
    args: tuple = ()

    def slot(self, now: dt.datetime) -> dt.datetime:
        """The start of the period `now` falls in: a job is enqueued once per slot."""
        from django.utils import timezone

        if self.every is not None:
            epoch = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
            periods = (now - epoch) // self.every
            return epoch + periods * self.every
        hour, minute = (int(part) for part in self.daily_at.split(":"))
        local = timezone.localtime(now)
        start = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
        if start > local:
            start -= dt.timedelta(days=1)
        return start


_PERIODIC: dict[str, PeriodicJob] = {}


def register_periodic(
    name: str,
    job: Task,
    *,
    every: dt.timedelta | None = None,
    daily_at: str | None = None,
    per_portal: bool = False,
    args: tuple = (),
) -> PeriodicJob:
    """Add a periodic job (call it from an `AppConfig.ready()`). Registering a name again
    replaces the earlier job."""
    if (every is None) == (daily_at is None):
        raise ValueError("give exactly one of every= and daily_at=")
    if daily_at is not None:
        hour, _sep, minute = daily_at.partition(":")
        if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
            raise ValueError(f"daily_at must be HH:MM, not {daily_at!r}")
    if every is not None and every <= dt.timedelta(0):
        raise ValueError("every= must be positive")
    periodic = PeriodicJob(name, job, every, daily_at, per_portal, tuple(args))
    _PERIODIC[name] = periodic
    return periodic


def periodic_jobs() -> list[PeriodicJob]:
    return sorted(_PERIODIC.values(), key=lambda periodic: periodic.name)
