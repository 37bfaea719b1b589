from __future__ import annotations

from tenants.models import Portal
from tenants.provisioning import change_status, get_portal

from ._base import PortalCommand, actor


class Command(PortalCommand):
    help = "Lưu trữ một cổng (ngừng phục vụ, giữ dữ liệu)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")
        parser.add_argument("--reason", default="", help="lý do (ghi vào nhật ký)")

    def handle(self, *args, **options):
        portal = change_status(
            get_portal(options["code"]), Portal.Status("archived"), actor(), options["reason"]
        )
        self.stdout.write(self.style.SUCCESS(f"Đã lưu trữ cổng {portal.code}: {portal.name}"))
