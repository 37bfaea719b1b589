from __future__ import annotations

from tenants.provisioning import get_portal, reject_portal

from ._base import PortalCommand, actor


class Command(PortalCommand):
    help = "Ghi nhận Ban Biên tập Cổng tỉnh không phê duyệt một cổng đang chờ, kèm lý do."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")
        parser.add_argument("--reason", required=True, help="lý do không phê duyệt")

    def handle(self, *args, **options):
        portal = reject_portal(get_portal(options["code"]), options["reason"], actor())
        self.stdout.write(self.style.SUCCESS(f"Cổng {portal.code} không được phê duyệt."))
