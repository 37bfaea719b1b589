from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from tenants.current import is_portal_schema
from tenants.models import Portal


class Command(BaseCommand):
    help = (
        "Cộng dồn lượt xem của các ngày trước vào số liệu theo ngày, "
        "xóa dữ liệu thô và muối của các ngày đó."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--portal", help="Chỉ cổng có mã này (mặc định: cổng đang chạy, hoặc mọi cổng hoạt động)."
        )
        parser.add_argument("--today", type=dt.date.fromisoformat,
                            help="Ngày coi là hôm nay (YYYY-MM-DD); các ngày trước đó được cộng dồn.")

    def handle(self, *args, portal=None, today=None, **options) -> None:
        from visits.rollup import rollup

        today = today or timezone.localdate()
        if portal:
            schemas = [Portal.objects.get(code=portal).schema_name]
        elif is_portal_schema(connection.schema_name):
            # Run as a per-portal job: in its schema already.
            schemas = [connection.schema_name]
        else:
            schemas = list(
                Portal.objects.filter(status=Portal.Status.ACTIVE).values_list("schema_name", flat=True)
            )
        for schema in schemas:
            with schema_context(schema):
                rolled = rollup(today)
            self.stdout.write(f"{schema}: {rolled}")
