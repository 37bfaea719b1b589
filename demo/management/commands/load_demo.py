from __future__ import annotations

from demo.portals import DEMO_PASSWORD, PLATFORM_ACCOUNTS, PORTAL_ACCOUNTS, load_demo
from tenants.current import public_schema
from tenants.management.commands._base import PortalCommand
from tenants.models import Portal, portal_url


class Command(PortalCommand):
    help = "Nạp dữ liệu mẫu (tỉnh Lai Châu và các cổng thành viên) nếu chưa có cổng tỉnh."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEMO_PASSWORD, help="mật khẩu các tài khoản mẫu")

    def handle(self, *args, **options):
        portals = load_demo(options["password"])
        if not portals:
            self.stdout.write("Đã có cổng tỉnh: bỏ qua dữ liệu mẫu.")
            return
        self.stdout.write(self.style.SUCCESS("Đã nạp dữ liệu mẫu:"))
        for portal in portals:
            self.stdout.write(f"  {portal.url()}  {portal.name}")
        console = Portal.objects.get(schema_name=public_schema()).primary_domain
        self.stdout.write(f"  {portal_url(console)}  Quản trị hệ thống")
        names = ", ".join(u for u, _r, _n in PLATFORM_ACCOUNTS)
        per_portal = ", ".join(f"{s}.<mã cổng>" for s, _g, _n in PORTAL_ACCOUNTS)
        self.stdout.write(f"Tài khoản hệ thống: {names}; mỗi cổng: {per_portal}.")
