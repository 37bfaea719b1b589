"""The worker that runs stored jobs, and the scheduler that enqueues periodic ones.

The worker takes the next ready job (`SELECT … FOR UPDATE SKIP LOCKED`, so any number of
workers on any number of nodes share one queue), runs it in the schema it was enqueued in
and records the outcome. A job that raises is tried again after its policy's backoff until
its attempts are used up, then marked failed (`manage.py jobs --failed`, the metrics).
Attempts are the worker ids a job was claimed by. A database outage does not stop the
worker: it waits and carries on, and puts back the job it was running.
"""

from __future__ import annotations

import datetime as dt
import logging
import signal
import time
from dataclasses import dataclass, field
from traceback import format_exception

from django_tasks import TaskContext, TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import normalize_uuid
from django_tenants.utils import schema_context

from django.conf import settings
from django.db import DatabaseError, IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.crypto import get_random_string

from tenants.current import public_schema
from tenants.jobs import PeriodicJob, enqueue_in, job_schema, periodic_jobs, retry_policy

log = logging.getLogger("tenants.jobs")

# A job still marked running this long after it started lost its worker (killed, machine
# gone): it is put back in the queue.
STALE_AFTER_SECONDS = 30 * 60


def stale_after() -> float:
    return float(getattr(settings, "CONG_JOB_STALE_AFTER", STALE_AFTER_SECONDS))


@dataclass
class Worker:
    interval: float = 1.0
    worker_id: str = field(default_factory=lambda: get_random_string(32))
    with_scheduler: bool = False
    schedule_every: float = 30.0
    running: bool = True
    ran: int = 0
    _busy: bool = False
    _last_schedule: float = 0.0
    _last_reclaim: float = 0.0

    # --- the loop ---------------------------------------------------------------------

    def run(self, *, batch: bool = False, max_jobs: int | None = None) -> int:
        """Run jobs until stopped (`batch`: until none is ready). Returns how many ran."""
        outage = 0
        while self.running:
            try:
                if not connection.in_atomic_block:  # inside a test's transaction: not ours
                    close_old_connections()
                connection.set_schema_to_public()
                self._periodic_chores()
                row = self.claim()
                outage = 0
            except DatabaseError as exc:
                outage += 1
                self._after_database_error(exc, outage)
                if batch and outage > 3:
                    raise
                continue
            if row is None:
                if batch:
                    break
                time.sleep(self.interval)
                continue
            try:
                self.run_job(row)
            except DatabaseError as exc:
                outage += 1
                self._after_database_error(exc, outage)
                continue
            if max_jobs is not None and self.ran >= max_jobs:
                break
        return self.ran

    def _periodic_chores(self) -> None:
        now = time.monotonic()
        if now - self._last_reclaim >= 60:
            reclaim_stale()
            self._last_reclaim = now
        if self.with_scheduler and now - self._last_schedule >= self.schedule_every:
            schedule_due()
            self._last_schedule = now

    def _after_database_error(self, exc: Exception, outage: int) -> None:
        delay = min(30.0, 0.5 * 2 ** min(outage, 6))
        log.warning("database unavailable (%s); worker waits %.1f s", exc.__class__.__name__, delay)
        if not connection.in_atomic_block:
            try:
                connection.close()
            except Exception:  # the connection is already gone
                pass
        time.sleep(delay)
        try:
            self.put_back_own()
        except DatabaseError:
            pass

    def install_signals(self) -> None:
        def stop(signum, frame):
            self.running = False
            if not self._busy:
                raise SystemExit(0)
            log.warning("stopping after the current job (%s)", signal.strsignal(signum))

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)

    # --- one job ----------------------------------------------------------------------

    def claim(self) -> DBTaskResult | None:
        with transaction.atomic():
            row = DBTaskResult.objects.ready().select_for_update(skip_locked=True).first()
            if row is not None:
                row.claim(self.worker_id)
        return row

    def run_job(self, row: DBTaskResult) -> None:
        self._busy = True
        try:
            try:
                job = row.task
                result = row.task_result
                schema = job_schema(row) or public_schema()
                with schema_context(schema):
                    if job.takes_context:
                        value = job.call(TaskContext(task_result=result), *result.args, **result.kwargs)
                    else:
                        value = job.call(*result.args, **result.kwargs)
                connection.set_schema_to_public()
                row.set_successful(value)
            except DatabaseError as exc:
                # Possibly the database itself: leave the job running, put back below once the
                # database answers again (or by the stale-job sweep).
                connection.set_schema_to_public()
                if not self._record_failure(row, exc):
                    raise
            except Exception as exc:
                connection.set_schema_to_public()
                self._record_failure(row, exc)
        finally:
            self._busy = False
            self.ran += 1
        if not self.running:
            log.info("worker %s stopped", self.worker_id)

    def _record_failure(self, row: DBTaskResult, exc: BaseException) -> bool:
        """Schedule another attempt or mark the job failed. False if the database would not
        take it."""
        try:
            policy = retry_policy(row.task_path)
            attempts = len(row.worker_ids)
            if attempts < policy.max_attempts:
                row.status = TaskResultStatus.READY
                row.run_after = timezone.now() + policy.delay(attempts)
                row.exception_class_path = f"{type(exc).__module__}.{type(exc).__qualname__}"
                row.traceback = "".join(format_exception(exc))
                row.save(update_fields=["status", "run_after", "exception_class_path", "traceback"])
                log.warning(
                    "job %s (%s) failed, attempt %s of %s; again at %s",
                    normalize_uuid(row.id), row.task_path, attempts, policy.max_attempts,
                    row.run_after.isoformat(),
                )
            else:
                row.set_failed(exc)
                log.error(
                    "job %s (%s) failed for good after %s attempts: %s",
                    normalize_uuid(row.id), row.task_path, attempts, exc,
                )
            return True
        except DatabaseError:
            return False

    def put_back_own(self) -> int:
        """Jobs this worker claimed but could not finish (the database went away): ready
        again. The attempt counts."""
        mine = DBTaskResult.objects.running().filter(worker_ids__contains=[self.worker_id])
        return mine.update(status=TaskResultStatus.READY)


def reclaim_stale(now=None) -> int:
    """Put back jobs running for longer than CONG_JOB_STALE_AFTER: their worker died."""
    now = now or timezone.now()
    limit = now - dt.timedelta(seconds=stale_after())
    stale = DBTaskResult.objects.running().filter(started_at__lt=limit)
    count = stale.update(status=TaskResultStatus.READY)
    if count:
        log.warning("%s job(s) lost their worker and are queued again", count)
    return count


# --- the scheduler -----------------------------------------------------------------------


def active_portal_schemas() -> list[str]:
    from tenants.models import Portal

    return list(
        Portal.objects.filter(status=Portal.Status.ACTIVE)
        .exclude(schema_name=public_schema())
        .order_by("pk")
        .values_list("schema_name", flat=True)
    )


def enqueue_periodic(periodic: PeriodicJob) -> int:
    """Enqueue one round of `periodic` now; returns the number of jobs."""
    schemas = active_portal_schemas() if periodic.per_portal else [public_schema()]
    for schema in schemas:
        enqueue_in(schema, periodic.job, *periodic.args)
    return len(schemas)


def schedule_due(now=None) -> dict[str, int]:
    """Enqueue every periodic job whose current period has not been enqueued yet.

    A period missed while no scheduler ran is not replayed: the current one is enqueued,
    and the jobs catch up with whatever is due (a scheduled page whose time has passed).
    """
    from tenants.models import PeriodicRun

    now = now or timezone.now()
    done: dict[str, int] = {}
    with schema_context(public_schema()):
        for periodic in periodic_jobs():
            slot = periodic.slot(now)
            if PeriodicRun.objects.filter(job=periodic.name, slot=slot).exists():
                continue
            try:
                with transaction.atomic():
                    run = PeriodicRun.objects.create(job=periodic.name, slot=slot)
                    run.jobs = enqueue_periodic(periodic)
                    run.save(update_fields=["jobs"])
            except IntegrityError:  # another scheduler took this period
                continue
            done[periodic.name] = run.jobs
    return done
