from __future__ import annotations

from django.core.management.base import BaseCommand

from reports.reminders import send_reminders


class Command(BaseCommand):
    help = "Nhắc Trưởng Ban Biên tập các cổng nộp báo cáo định kỳ trước hạn."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"{send_reminders()} thư nhắc đã gửi")
