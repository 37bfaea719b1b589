from __future__ import annotations

from django_tenants.utils import schema_context

from django.core.management.base import BaseCommand
from django.db import connection, transaction

from signin import crypto
from signin.models import PlatformAccountState
from tenants.current import template_schema
from tenants.provisioning import portal_schemas


class Command(BaseCommand):
    help = (
        "Mã hoá lại mọi khoá bí mật xác thực hai bước (tài khoản hệ thống và người dùng của mọi "
        "cổng) bằng khoá hiện hành CONG_TOTP_KEY; khoá cũ phải có trong CONG_TOTP_OLD_KEYS."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--show-derived", action="store_true",
            help="in khoá suy ra từ DJANGO_SECRET_KEY hiện tại (để đưa vào CONG_TOTP_OLD_KEYS)",
        )

    def handle(self, *args, **options):
        if options["show_derived"]:
            self.stdout.write(crypto.derived_key().decode())
            return
        total = self._rotate(PlatformAccountState)
        from accounts.models import AccountState

        for schema in [template_schema(), *portal_schemas()]:
            with schema_context(schema):
                total += self._rotate(AccountState)
        connection.set_schema_to_public()
        self.stdout.write(self.style.SUCCESS(f"Đã mã hoá lại {total} khoá bí mật bằng khoá hiện hành."))

    @staticmethod
    @transaction.atomic
    def _rotate(model) -> int:
        count = 0
        for state in model.objects.select_for_update().exclude(totp_secret=""):
            state.totp_secret = crypto.rotate(state.totp_secret)
            state.save(update_fields=["totp_secret"])
            count += 1
        return count
