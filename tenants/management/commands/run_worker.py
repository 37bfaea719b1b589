"""Run the background jobs of every portal (tenants.worker)."""

from __future__ import annotations

import logging

from django.core.management.base import BaseCommand, CommandParser

from tenants.worker import Worker


class Command(BaseCommand):
    help = (
        "Chạy các công việc nền của mọi cổng (thư, chỉ mục tìm kiếm, xuất bản theo lịch…). "
        "Chạy song song nhiều tiến trình, trên nhiều máy, đều được."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--interval", type=float, default=1.0,
            help="số giây chờ khi hàng đợi trống (mặc định 1)",
        )
        parser.add_argument(
            "--batch", action="store_true", help="chạy hết việc đang chờ rồi dừng",
        )
        parser.add_argument("--max-jobs", type=int, help="dừng sau chừng này việc")
        parser.add_argument(
            "--with-scheduler", action="store_true",
            help="đồng thời đưa các việc định kỳ vào hàng đợi (một máy, khi phát triển)",
        )
        parser.add_argument("--worker-id", help="tên của tiến trình (mặc định: ngẫu nhiên)")

    def handle(self, *args, **options) -> None:
        worker = Worker(interval=options["interval"], with_scheduler=options["with_scheduler"])
        if options["worker_id"]:
            worker.worker_id = options["worker_id"][:64]
        if options["verbosity"] > 1:
            logging.getLogger("tenants.jobs").setLevel(logging.INFO)
        worker.install_signals()
        ran = worker.run(batch=options["batch"], max_jobs=options["max_jobs"])
        if options["batch"] or options["max_jobs"]:
            self.stdout.write(f"Đã chạy {ran} việc.")
