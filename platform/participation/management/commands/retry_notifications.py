"""Resend the citizens' e-mails that are still pending or failed, in every portal."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.core.management.base import BaseCommand, CommandParser
from django.db import connection

from participation.models import Notification
from participation.notify import deliver
from tenants.provisioning import portal_schemas


class Command(BaseCommand):
    help = "Gửi lại thư thông báo chưa gửi được (mọi cổng, hoặc một cổng với --schema)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--schema", help="chỉ cổng có lược đồ này")
        parser.add_argument(
            "--max-attempts",
            type=int,
            default=20,
            help="bỏ qua thư đã thử gửi từ chừng này lần trở lên (mặc định 20)",
        )

    def handle(self, *args, schema: str | None = None, max_attempts: int = 20, **options) -> None:
        schemas = [schema] if schema else list(portal_schemas())
        sent = failed = 0
        for name in schemas:
            with schema_context(name):
                pending = Notification.objects.filter(
                    status__in=[Notification.Status.PENDING, Notification.Status.FAILED],
                    attempts__lt=max_attempts,
                ).order_by("created_at")
                for notification in pending:
                    if deliver(notification, attempts=1):
                        sent += 1
                    else:
                        failed += 1
        connection.set_schema_to_public()
        self.stdout.write(f"Đã gửi {sent} thư; {failed} thư vẫn lỗi.")
