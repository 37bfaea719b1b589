"""The daily job of every active portal: legal documents' validity, the clocks in the
province's ledger, and the reminder digests (deadlines.daily)."""

from __future__ import annotations

import datetime as dt

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from deadlines.daily import run_daily
from tenants.models import Portal


class Command(BaseCommand):
    help = (
        "Việc hằng ngày của mọi cổng đang hoạt động: cập nhật hiệu lực văn bản, tính lại thời "
        "hạn đăng tin, gửi thư nhắc (mỗi người một thư một ngày)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--portal", help="chỉ cổng có mã này")
        parser.add_argument("--date", help="chạy như vào ngày này (dd/mm/yyyy), để kiểm tra")
        parser.add_argument("--no-mail", action="store_true", help="không gửi thư nhắc")

    def handle(self, *args, portal=None, date=None, no_mail=False, **options) -> None:
        today = None
        if date:
            try:
                today = dt.datetime.strptime(date, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError("--date phải có dạng dd/mm/yyyy") from exc
        portals = Portal.objects.filter(status=Portal.Status.ACTIVE).exclude(
            kind=Portal.Kind.PLATFORM
        ).order_by("pk")
        if portal:
            portals = portals.filter(code=portal)
            if not portals.exists():
                raise CommandError(f"Không có cổng đang hoạt động mã {portal}")
        for each in portals:
            report = run_daily(each.schema_name, today, send_mail=not no_mail)
            self.stdout.write(
                f"{each.code}: {report.validity_changes} văn bản đổi hiệu lực, "
                f"{report.clocks} mục theo dõi, {report.digests} thư nhắc"
            )
        connection.set_schema_to_public()
