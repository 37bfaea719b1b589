from __future__ import annotations

from tenants.provisioning import approve_portal, get_portal

from ._base import PortalCommand, actor, add_decision_arguments, decision_from_options


class Command(PortalCommand):
    help = (
        "Ghi nhận quyết định của Ban Biên tập Cổng tỉnh phê duyệt một cổng đang chờ "
        "(số, ngày, người ký, tệp quyết định) và đưa cổng vào hoạt động."
    )

    def add_arguments(self, parser):
        parser.add_argument("code", help="mã cổng")
        add_decision_arguments(parser, required=True)

    def handle(self, *args, **options):
        portal = approve_portal(get_portal(options["code"]), decision_from_options(options), actor())
        self.stdout.write(self.style.SUCCESS(f"Đã phê duyệt cổng {portal.code}: {portal.url()}"))
