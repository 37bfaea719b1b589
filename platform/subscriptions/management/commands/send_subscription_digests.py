"""Mail each confirmed subscription what was published for it since its last mail."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.core.management.base import BaseCommand, CommandParser

from ._portals import target_schemas


class Command(BaseCommand):
    help = "Gửi thư tin mới cho người đăng ký nhận tin (cổng đang chạy, một cổng, hoặc mọi cổng)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--portal", help="chỉ cổng có mã này")

    def handle(self, *args, portal: str | None = None, **options) -> None:
        from subscriptions.digest import send_digests

        for schema in target_schemas(portal):
            with schema_context(schema):
                sent = send_digests()
            self.stdout.write(f"{schema}: {sent}")
