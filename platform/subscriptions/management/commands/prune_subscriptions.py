"""Remove subscriptions never confirmed within a week, and old mailed digest entries."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.core.management.base import BaseCommand, CommandParser

from ._portals import target_schemas


class Command(BaseCommand):
    help = "Xóa đăng ký nhận tin quá 7 ngày chưa xác nhận (cổng đang chạy, một cổng, hoặc mọi cổng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--portal", help="chỉ cổng có mã này")

    def handle(self, *args, portal: str | None = None, **options) -> None:
        from subscriptions.digest import prune

        for schema in target_schemas(portal):
            with schema_context(schema):
                pending, entries = prune()
            self.stdout.write(f"{schema}: {pending} {entries}")
