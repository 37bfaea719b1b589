from __future__ import annotations

from tenants.provisioning import approve_portal, get_portal

from ._base import PortalCommand, actor


class Command(PortalCommand):
    help = "Phê duyệt cổng thành viên đang chờ (quyết định của Ban Biên tập Cổng tỉnh)."

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")

    def handle(self, *args, **options):
        portal = approve_portal(get_portal(options["code"]), actor())
        self.stdout.write(self.style.SUCCESS(f"Đã phê duyệt cổng {portal.code}: {portal.url()}"))
