"""The job queue: jobs are rows in the public schema, run by the worker in the schema they
were enqueued in, retried with backoff, shown when they fail, and kept while no worker runs.

The queue is switched on for these tests only (the suite runs jobs at once); the worker runs
in the test's own process and transaction.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from django_tenants.utils import schema_context

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from tenants.jobs import enqueue_in, is_queued_in_database, job_schema, register_periodic
from tenants.worker import Worker, reclaim_stale, schedule_due
from tests.tenants import jobtasks

QUEUE = {"default": {"BACKEND": "tenants.jobs.PortalDatabaseBackend"}}


@pytest.fixture
def queue(settings, db):
    settings.TASKS = QUEUE
    jobtasks.CALLS.clear()
    assert is_queued_in_database()
    yield
    jobtasks.CALLS.clear()


def run_worker(**options) -> int:
    return Worker(interval=0).run(batch=True, **options)


def test_a_job_runs_in_the_schema_it_was_enqueued_in(queue, portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        first = jobtasks.where_am_i.enqueue("a")
    second = enqueue_in(portal_b.schema_name, jobtasks.where_am_i, "b")
    platform = jobtasks.where_am_i.enqueue("platform")
    assert job_schema(DBTaskResult.objects.get(id=platform.id)) == "public"

    rows = {str(row.id): row for row in DBTaskResult.objects.all()}
    assert job_schema(rows[first.id]) == "soa"
    assert job_schema(rows[second.id]) == "xab"
    assert jobtasks.CALLS == []  # stored, not run

    assert run_worker() == 3
    assert sorted(jobtasks.CALLS) == ["a", "b", "platform"]
    values = {row.args_kwargs["args"][0]: row.return_value for row in DBTaskResult.objects.all()}
    assert values["a"] == {"schema": "soa", "portal": "soa"}
    assert values["b"] == {"schema": "xab", "portal": "xab"}
    assert values["platform"]["portal"] is None
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {TaskResultStatus.SUCCESSFUL}


def test_a_failing_job_is_tried_again_and_then_succeeds(queue, portal_a):
    with schema_context(portal_a.schema_name):
        jobtasks.fails_twice.enqueue("x")
    run_worker()
    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 3
    assert len(row.worker_ids) == 3  # three attempts


def test_a_job_that_keeps_failing_is_marked_failed_and_shown(queue, portal_a, capsys):
    with schema_context(portal_a.schema_name):
        jobtasks.always_fails.enqueue()
    run_worker()
    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.FAILED
    assert len(row.worker_ids) == 3
    assert row.exception_class_path == "builtins.ValueError"

    call_command("jobs", "--failed", "--json")
    [listed] = json.loads(capsys.readouterr().out)
    assert listed["task"] == "tests.tenants.jobtasks.always_fails"
    assert listed["schema"] == "soa"
    assert listed["attempts"] == 3
    assert "hỏng hẳn" in listed["error"]
    call_command("jobs", "--json")
    assert json.loads(capsys.readouterr().out)["failed"] == 1

    # An operator sends it round again.
    call_command("jobs", "--retry", str(row.id))
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and row.worker_ids == []


def test_retries_wait_longer_each_time(queue):
    jobtasks.fails_slowly.enqueue()
    before = timezone.now()
    run_worker()
    row = DBTaskResult.objects.get()
    assert row.status == TaskResultStatus.READY  # waiting for its next attempt
    assert len(row.worker_ids) == 1
    assert "mail server down" in row.traceback
    assert dt.timedelta(seconds=55) < row.run_after - before < dt.timedelta(seconds=65)

    # The wait is over: the second attempt fails too and waits twice as long.
    DBTaskResult.objects.filter(pk=row.pk).update(run_after=timezone.now())
    before = timezone.now()
    run_worker()
    row.refresh_from_db()
    assert len(row.worker_ids) == 2
    assert dt.timedelta(seconds=115) < row.run_after - before < dt.timedelta(seconds=125)


def test_jobs_wait_while_no_worker_runs_and_are_caught_up(queue, portal_a, portal_b):
    for portal in (portal_a, portal_b):
        for n in range(3):
            enqueue_in(portal.schema_name, jobtasks.where_am_i, f"{portal.code}-{n}")
    # The worker is down: nothing runs, nothing is lost.
    assert DBTaskResult.objects.ready().count() == 6
    assert jobtasks.CALLS == []
    # It comes back and catches up with everything.
    assert run_worker() == 6
    assert DBTaskResult.objects.successful().count() == 6
    assert sorted(jobtasks.CALLS) == sorted(f"{c}-{n}" for c in ("soa", "xab") for n in range(3))


def test_a_job_whose_worker_died_is_queued_again(queue, settings):
    jobtasks.where_am_i.enqueue("orphan")
    row = DBTaskResult.objects.get()
    row.claim("a-worker-that-was-killed")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - dt.timedelta(hours=1))
    assert reclaim_stale() == 1
    run_worker()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 2


def test_scheduled_publishing_publishes_in_every_portal(queue, province, portal_a, portal_b):
    from news.models import NewsArticlePage, NewsIndexPage
    from tests.support.factories import section_index

    due = timezone.now() - dt.timedelta(minutes=2)
    pages = {}
    for portal in (province, portal_a, portal_b):
        with schema_context(portal.schema_name):
            page = section_index(NewsIndexPage).add_child(
                instance=NewsArticlePage(title=f"Tin hẹn giờ {portal.code}", summary="Hẹn giờ.", live=False)
            )
            revision = page.save_revision()
            revision.approved_go_live_at = due
            revision.save()
            pages[portal.schema_name] = page.pk

    enqueued = schedule_due()
    assert enqueued["publish_scheduled"] == 1
    assert schedule_due() == {}  # this minute's round is already queued
    run_worker()
    for schema, pk in pages.items():
        with schema_context(schema):
            assert NewsArticlePage.objects.get(pk=pk).live, schema


def test_periodic_jobs_per_portal_run_in_each_active_portal(queue, province, portal_a, portal_b):
    register_periodic("test_every_portal", jobtasks.where_am_i, daily_at="00:00", per_portal=True,
                      args=("daily",))
    try:
        assert schedule_due()["test_every_portal"] == 3
        run_worker()
        ran = DBTaskResult.objects.filter(task_path="tests.tenants.jobtasks.where_am_i")
        assert sorted(row.return_value["portal"] for row in ran) == ["soa", "tinhthu", "xab"]
    finally:
        from tenants import jobs

        jobs._PERIODIC.pop("test_every_portal")


def test_schedule_slots():
    from tenants.jobs import PeriodicJob

    every_five = PeriodicJob("x", jobtasks.where_am_i, every=dt.timedelta(minutes=5))
    at = dt.datetime(2026, 3, 4, 10, 7, 30, tzinfo=dt.UTC)
    assert every_five.slot(at) == dt.datetime(2026, 3, 4, 10, 5, tzinfo=dt.UTC)
    nightly = PeriodicJob("y", jobtasks.where_am_i, daily_at="01:30")
    # 10:07 UTC is 17:07 in Hà Nội: today's 01:30 has passed.
    assert timezone.localtime(nightly.slot(at)).strftime("%d/%m %H:%M") == "04/03 01:30"
    early = dt.datetime(2026, 3, 4, 18, 0, tzinfo=dt.UTC)  # 01:00 on the 5th in Hà Nội
    assert timezone.localtime(nightly.slot(early)).strftime("%d/%m %H:%M") == "04/03 01:30"
    with pytest.raises(ValueError):
        register_periodic("bad", jobtasks.where_am_i, daily_at="25:00")


def test_citizen_emails_are_sent_by_the_worker(queue, portal_a, django_capture_on_commit_callbacks):
    from participation.models import Notification
    from participation.notify import queue_email

    with schema_context(portal_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            queue_email("dan@example.vn", "received", {"question": None, "portal_name": "Sở A",
                                                         "tracking_code": "X", "deadline": None})
        assert mail.outbox == []  # queued, not sent in the request
    row = DBTaskResult.objects.get(task_path="participation.tasks.deliver_notification")
    assert job_schema(row) == "soa"
    run_worker()
    assert [m.to for m in mail.outbox] == [["dan@example.vn"]]
    with schema_context(portal_a.schema_name):
        assert Notification.objects.get().status == Notification.Status.SENT


def test_a_mail_server_outage_is_retried_by_the_queue(queue, settings, portal_a,
                                                      django_capture_on_commit_callbacks):
    from participation.models import Notification
    from participation.notify import queue_email

    settings.EMAIL_BACKEND = "tests.support.participation.FailingEmailBackend"
    with schema_context(portal_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            queue_email("dan@example.vn", "received", {"question": None, "portal_name": "Sở A",
                                                         "tracking_code": "X", "deadline": None})
    run_worker()
    row = DBTaskResult.objects.get(task_path="participation.tasks.deliver_notification")
    assert row.status == TaskResultStatus.READY and len(row.worker_ids) == 1  # again in a minute
    assert row.exception_class_path == "participation.tasks.DeliveryFailed"
    with schema_context(portal_a.schema_name):
        notification = Notification.objects.get()
        assert notification.status == Notification.Status.FAILED and notification.attempts == 1


def test_db_worker_is_the_portal_aware_worker():
    # django_tasks_db's own db_worker would run every job in the public schema.
    from django.core.management import get_commands

    assert get_commands()["db_worker"] == "tenants"
