from __future__ import annotations

from tenants.models import portal_url
from tenants.provisioning import add_domain, get_portal

from ._base import PortalCommand, actor


class Command(PortalCommand):
    help = "Thêm một tên miền cho cổng (ví dụ tên miền riêng đang dùng của đơn vị)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")
        parser.add_argument("host", help="tên miền, ví dụ stttt.laichau.gov.vn")

    def handle(self, *args, **options):
        domain = add_domain(get_portal(options["code"]), options["host"], actor())
        self.stdout.write(self.style.SUCCESS(f"Đã thêm tên miền: {portal_url(domain.domain)}"))
