from __future__ import annotations

from tenants.models import Portal
from tenants.provisioning import change_status, get_portal

from ._base import PortalCommand, actor


class Command(PortalCommand):
    help = "Tạm dừng một cổng (không phục vụ gì của cổng đó)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")
        parser.add_argument("--reason", default="", help="lý do (ghi vào nhật ký)")

    def handle(self, *args, **options):
        portal = change_status(
            get_portal(options["code"]), Portal.Status("suspended"), actor(), options["reason"]
        )
        self.stdout.write(self.style.SUCCESS(f"Đã tạm dừng cổng {portal.code}: {portal.name}"))
