from __future__ import annotations

from django.core.management import call_command

from core.caching import purge
from tenants.provisioning import (
    ensure_platform_portal,
    portal_schemas,
    prepare_template,
    sync_portal_schemas,
)

from ._base import PortalCommand


class Command(PortalCommand):
    help = (
        "Cập nhật cơ sở dữ liệu: lược đồ public, lược đồ mẫu của cổng mới và mọi cổng; "
        "bảo đảm có bản ghi của trang quản trị hệ thống."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--executor", default="standard", choices=["standard", "multiprocessing"],
            help="multiprocessing: cập nhật các cổng song song",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        call_command("migrate_schemas", shared=True, interactive=False, verbosity=verbosity)
        call_command("create_extensions", verbosity=verbosity)
        prepare_template(verbosity=verbosity)
        call_command(
            "migrate_schemas", tenant=True, interactive=False, verbosity=verbosity,
            executor=options["executor"],
        )
        ensure_platform_portal()
        synced = sync_portal_schemas()
        if verbosity:
            self.stdout.write(f"Đã đồng bộ {synced} cổng với lược đồ mẫu.")
        # After a deploy the kept pages were rendered by the previous release.
        for schema in portal_schemas():
            purge.purge_portal(schema)
        self.stdout.write(self.style.SUCCESS("Cơ sở dữ liệu đã được cập nhật."))
