from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from search import indexing
from search.backends import get_backend
from tenants.models import Portal


class Command(BaseCommand):
    help = (
        "Chỉ mục tìm kiếm dùng chung: create (tạo chỉ mục và ánh xạ), rebuild [--portal MÃ | "
        "--stale] (lập lại chỉ mục một cổng, các cổng lập chỉ mục bằng phiên bản cũ, hoặc mọi "
        "cổng; không đụng đến cổng khác), status."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["create", "rebuild", "status"])
        parser.add_argument("--portal", help="mã cổng (chỉ với rebuild)")
        parser.add_argument(
            "--stale", action="store_true",
            help="chỉ các cổng có chỉ mục do phiên bản cũ lập (sau khi nâng cấp; chỉ với rebuild)",
        )

    def handle(self, *args, **options):
        connection.set_schema_to_public()
        backend = get_backend()
        action = options["action"]
        code = options["portal"]
        if code is not None:
            # An empty code would rebuild every portal; NUL cannot be sent to PostgreSQL.
            code = code.strip()
            if not code or "\x00" in code:
                raise CommandError("Mã cổng không hợp lệ (trống hoặc có ký tự NUL).")
        if action != "rebuild" and (code or options["stale"]):
            raise CommandError("--portal và --stale chỉ dùng với rebuild.")
        if code and options["stale"]:
            raise CommandError("Chọn một trong hai: --portal hoặc --stale.")
        if action == "create":
            created = backend.create_index()
            self.stdout.write(self.style.SUCCESS("Đã tạo chỉ mục.") if created else "Chỉ mục đã có sẵn.")
        elif action == "rebuild":
            backend.create_index()
            if code:
                portal = (
                    Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
                    .filter(code=code)
                    .prefetch_related("domains")
                    .first()
                )
                if portal is None:
                    raise CommandError(f"Không có cổng mã “{code}”.")
                counts = {portal.code: indexing.rebuild_portal(portal)}
            elif options["stale"]:
                counts = {portal.code: indexing.rebuild_portal(portal) for portal in indexing.stale_portals()}
                if not counts:
                    self.stdout.write(self.style.SUCCESS("Không cổng nào cần lập lại chỉ mục."))
                    return
            else:
                counts = indexing.rebuild_all()
            connection.set_schema_to_public()
            for code, count in counts.items():
                self.stdout.write(f"  {code}: {count}")
            self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục {sum(counts.values())} mục."))
        else:
            status = backend.status()
            self.stdout.write(
                f"{status['backend']} {status['index']}: {status['documents']} mục"
                + (f", {status['size']}" if status.get("size") else "")
            )
            for code, count in status.get("portals", {}).items():
                self.stdout.write(f"  {code}: {count}")
            if stale := indexing.stale_portals():
                codes = ", ".join(portal.code for portal in stale)
                self.stdout.write(self.style.WARNING(
                    f"{len(stale)} cổng có chỉ mục do phiên bản cũ lập ({codes}): "
                    "chạy search_index rebuild --stale."
                ))
