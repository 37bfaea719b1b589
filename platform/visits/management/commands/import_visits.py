from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Đếm lượt xem trang từ nhật ký truy cập của nginx (log_format cong_visits), "
        "tiếp từ chỗ lần trước đã đọc."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--log", help=f"Tệp nhật ký (mặc định: {settings.CONG_VISITS_LOG}).")

    def handle(self, *args, log=None, **options) -> None:
        from visits.importer import import_log

        self.stdout.write(str(import_log(log)))
