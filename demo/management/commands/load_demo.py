from __future__ import annotations

from django.conf import settings
from django.core.management.base import CommandError

from demo.portals import DEMO_PASSWORD, PLATFORM_ACCOUNTS, PORTAL_ACCOUNTS, load_demo
from tenants.current import public_schema
from tenants.management.commands._base import PortalCommand
from tenants.models import Portal, portal_url


class Command(PortalCommand):
    help = "Nạp dữ liệu mẫu (tỉnh Lai Châu và các cổng thành viên) nếu chưa có cổng tỉnh."

    def add_arguments(self, parser):
        parser.add_argument("--password", default=DEMO_PASSWORD, help="mật khẩu các tài khoản mẫu")

    def handle(self, *args, **options):
        if not settings.CONG_ALLOW_DEMO:
            # The demo's accounts share one published password: never in production.
            raise CommandError(
                "Không nạp dữ liệu mẫu với cấu hình này (CONG_ALLOW_DEMO tắt, ví dụ cấu hình "
                "production): các tài khoản mẫu dùng chung một mật khẩu công khai."
            )
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
