"""What the job queue holds: waiting, running and failed jobs; retry the failed ones."""

from __future__ import annotations

import json

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tenants.jobs import job_schema, periodic_jobs
from tenants.models import PeriodicRun


def summary() -> dict[str, int]:
    now = timezone.now()
    rows = DBTaskResult.objects
    return {
        "ready": rows.ready().count(),
        "waiting_retry": rows.filter(status=TaskResultStatus.READY, run_after__gt=now)
        .exclude(traceback="").count(),
        "running": rows.running().count(),
        "failed": rows.failed().count(),
        "succeeded": rows.successful().count(),
    }


def describe(row: DBTaskResult) -> dict:
    last_line = (row.traceback or "").strip().splitlines()[-1:] or [""]
    return {
        "id": str(row.id),
        "task": row.task_path,
        "schema": job_schema(row),
        "status": row.status,
        "attempts": len(row.worker_ids),
        "enqueued_at": row.enqueued_at.isoformat(),
        "finished_at": row.finished_at.isoformat() if row.finished_at else None,
        "error": last_line[0],
    }


class Command(BaseCommand):
    help = (
        "Hàng đợi công việc nền: số việc chờ, đang chạy, lỗi; --failed liệt kê việc lỗi; "
        "--retry ID hoặc --retry-failed cho chạy lại."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--failed", action="store_true", help="liệt kê các việc lỗi")
        parser.add_argument(
            "--retry", metavar="ID", action="append", default=[], help="chạy lại việc lỗi này"
        )
        parser.add_argument("--retry-failed", action="store_true", help="chạy lại mọi việc lỗi")
        parser.add_argument("--periodic", action="store_true", help="các việc định kỳ và lần chạy gần nhất")
        parser.add_argument("--limit", type=int, default=50)
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options) -> None:
        if options["retry"] or options["retry_failed"]:
            self.retry(options["retry"], options["retry_failed"])
            return
        if options["failed"]:
            failed = DBTaskResult.objects.failed().order_by("-finished_at")[: options["limit"]]
            rows = [describe(row) for row in failed]
            if options["json"]:
                self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
                return
            if not rows:
                self.stdout.write("Không có việc lỗi.")
            for row in rows:
                self.stdout.write(
                    f"{row['id']}  {row['finished_at'] or ''}  {row['schema'] or '-'}  {row['task']}  "
                    f"({row['attempts']} lần)  {row['error']}"
                )
            return
        if options["periodic"]:
            for periodic in periodic_jobs():
                last = PeriodicRun.objects.filter(job=periodic.name).first()
                when = timezone.localtime(last.slot).strftime("%d/%m/%Y %H:%M") if last else "chưa chạy"
                plan = f"mỗi {periodic.every}" if periodic.every else f"hằng ngày {periodic.daily_at}"
                scope = "từng cổng" if periodic.per_portal else "toàn hệ thống"
                self.stdout.write(f"{periodic.name}: {plan}, {scope}; lần gần nhất {when}")
            return
        counts = summary()
        if options["json"]:
            self.stdout.write(json.dumps(counts))
            return
        self.stdout.write(
            f"Đang chờ: {counts['ready']}; chờ thử lại: {counts['waiting_retry']}; "
            f"đang chạy: {counts['running']}; lỗi: {counts['failed']}; xong: {counts['succeeded']}"
        )

    def retry(self, ids: list[str], every_failed: bool) -> None:
        rows = DBTaskResult.objects.failed()
        if not every_failed:
            rows = rows.filter(id__in=ids)
            if rows.count() != len(set(ids)):
                raise CommandError("Không tìm thấy việc lỗi với mã đã cho.")
        count = rows.update(
            status=TaskResultStatus.READY, run_after=timezone.now(), finished_at=None, worker_ids=[]
        )
        self.stdout.write(f"Đã cho chạy lại {count} việc.")
