from __future__ import annotations

import json

from tenants.models import Portal

from ._base import PortalCommand


class Command(PortalCommand):
    help = "Liệt kê các cổng: mã, lược đồ, tên, loại, cổng cấp trên, trạng thái, tên miền."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="in dạng JSON")

    def handle(self, *args, **options):
        portals = (
            Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
            .select_related("parent")
            .prefetch_related("domains")
            .order_by("pk")
        )
        rows = [
            {
                "code": p.code,
                "schema": p.schema_name,
                "name": p.name,
                "name_en": p.name_en,
                "kind": p.kind,
                "parent": p.parent.code if p.parent else None,
                "status": p.status,
                "domains": [
                    d.domain
                    for d in sorted(p.domains.all(), key=lambda d: (not d.is_primary, d.domain))
                ],
                "url": p.url(),
            }
            for p in portals
        ]
        if options["json"]:
            self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        if not rows:
            self.stdout.write("Chưa có cổng nào.")
            return
        header = ("MÃ", "LƯỢC ĐỒ", "LOẠI", "CẤP TRÊN", "TRẠNG THÁI", "TÊN MIỀN", "TÊN")
        table = [header] + [
            (
                r["code"], r["schema"], r["kind"], r["parent"] or "-", r["status"],
                " ".join(r["domains"]), r["name"],
            )
            for r in rows
        ]
        widths = [max(len(row[i]) for row in table) for i in range(len(header) - 1)]
        for row in table:
            cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
            self.stdout.write("  ".join(cells + [row[-1]]))
