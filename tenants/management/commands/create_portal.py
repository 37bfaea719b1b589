from __future__ import annotations

from tenants.models import Portal
from tenants.provisioning import PortalSpec, create_portal

from ._base import PortalCommand, actor, add_decision_arguments, decision_from_options

KINDS = [k for k in Portal.Kind.values if k != Portal.Kind.PLATFORM]


class Command(PortalCommand):
    help = "Tạo một cổng mới (cổng tỉnh hoặc cổng thành viên) từ lược đồ mẫu."

    def add_arguments(self, parser):
        parser.add_argument("--code", required=True, help="mã cổng, chữ không dấu: sotttt")
        parser.add_argument("--name", required=True, help="tên tiếng Việt")
        parser.add_argument("--name-en", default="", help="tên tiếng Anh")
        parser.add_argument("--kind", required=True, choices=KINDS, help="loại cổng")
        parser.add_argument("--parent", default=None, help="mã cổng cấp trên (mặc định: cổng tỉnh)")
        parser.add_argument(
            "--domain", action="append", default=[], help="tên miền thêm (có thể lặp lại)"
        )
        parser.add_argument("--email", default="", help="thư điện tử liên hệ")
        parser.add_argument(
            "--status",
            default=None,
            choices=[Portal.Status.ACTIVE, Portal.Status.REQUESTED],
            help=(
                "requested (mặc định): chờ Ban Biên tập Cổng tỉnh phê duyệt; active chỉ khi có "
                "quyết định phê duyệt (--decision, --approved-by, --decision-file)"
            ),
        )
        add_decision_arguments(parser, required=False)

    def handle(self, *args, **options):
        decision = decision_from_options(options)
        status = options["status"] or (Portal.Status.ACTIVE if decision else Portal.Status.REQUESTED)
        portal = create_portal(
            PortalSpec(
                code=options["code"],
                name=options["name"],
                name_en=options["name_en"],
                kind=options["kind"],
                parent_code=options["parent"],
                domains=tuple(options["domain"]),
                status=status,
                contact_email=options["email"],
            ),
            actor=actor(),
            decision=decision,
        )
        self.stdout.write(self.style.SUCCESS(f"Đã tạo cổng {portal.code}: {portal.name}"))
        if not portal.is_active:
            self.stdout.write(f"Trạng thái: {portal.get_status_display()} (chưa phục vụ công chúng)")
        self.stdout.write(portal.url())
