"""Enqueue the periodic jobs that are due (tenants.jobs.register_periodic)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError, close_old_connections

from tenants.worker import schedule_due


class Command(BaseCommand):
    help = (
        "Đưa các công việc định kỳ đến hạn vào hàng đợi. Mặc định chạy một lần (hẹn giờ "
        "systemd mỗi phút); --loop: chạy mãi."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--loop", action="store_true", help="chạy mãi, mỗi --every giây")
        parser.add_argument("--every", type=float, default=30.0, help="số giây giữa hai lần (--loop)")

    def handle(self, *args, loop: bool = False, every: float = 30.0, **options) -> None:
        while True:
            try:
                close_old_connections()
                done = schedule_due()
            except DatabaseError as exc:
                if not loop:
                    raise
                self.stderr.write(f"Cơ sở dữ liệu chưa sẵn sàng: {exc.__class__.__name__}")
                done = {}
            for name, count in done.items():
                self.stdout.write(f"{name}: {count} việc")
            if not loop:
                return
            time.sleep(every)
