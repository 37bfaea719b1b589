from __future__ import annotations

import os

from django.core.management import call_command
from django.core.management.base import CommandError

from core.caching import purge
from tenants.migrating import migrate_portals
from tenants.provisioning import ensure_platform_portal, portal_schemas, prepare_template

from ._base import PortalCommand


class Command(PortalCommand):
    help = (
        "Cập nhật cơ sở dữ liệu: lược đồ public, lược đồ mẫu của cổng mới và mọi cổng (song "
        "song với --jobs N); bảo đảm có bản ghi của trang quản trị hệ thống. Nếu dừng giữa chừng "
        "vì lỗi, chạy lại sẽ tiếp tục từ các cổng chưa xong."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--jobs", type=int, default=None,
            help="số cổng cập nhật cùng lúc (mặc định 1; với --executor multiprocessing: số CPU)",
        )
        parser.add_argument(
            "--executor", default="standard", choices=["standard", "multiprocessing"],
            help="multiprocessing: cập nhật các cổng song song (như --jobs <số CPU>)",
        )
        parser.add_argument(
            "--restart", action="store_true",
            help="bỏ qua tiến độ của lần chạy bị dừng, làm lại mọi cổng",
        )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        jobs = options["jobs"]
        if jobs is None:
            jobs = (os.cpu_count() or 2) if options["executor"] == "multiprocessing" else 1
        if jobs < 1:
            raise CommandError("--jobs phải từ 1 trở lên.")
        call_command("migrate_schemas", shared=True, interactive=False, verbosity=verbosity)
        call_command("create_extensions", verbosity=verbosity)
        prepare_template(verbosity=verbosity)
        ensure_platform_portal()

        def progress(schema: str, error: str | None) -> None:
            if error is not None:
                self.stderr.write(f"{schema}: LỖI {error}")
            elif verbosity > 1:
                self.stdout.write(f"{schema}: xong")

        outcome = migrate_portals(jobs=jobs, restart=options["restart"], progress=progress)
        if verbosity:
            resumed = f", {len(outcome.skipped)} cổng đã xong từ lần trước" if outcome.skipped else ""
            self.stdout.write(
                f"Đã cập nhật {len(outcome.done)} cổng trong {outcome.seconds:.1f} giây "
                f"({jobs} tiến trình{resumed})."
            )
        # After a deploy the kept pages were rendered by the previous release.
        for schema in portal_schemas():
            purge.purge_portal(schema)
        if outcome.failed:
            raise CommandError(
                f"{len(outcome.failed)} cổng bị lỗi: {', '.join(sorted(outcome.failed))}. "
                "Sửa lỗi rồi chạy lại lệnh: các cổng đã xong sẽ được bỏ qua."
            )
        self.stdout.write(self.style.SUCCESS("Cơ sở dữ liệu đã được cập nhật."))
