"""Back up one portal into one archive; the archive's path is the last line printed."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import CommandError, CommandParser

from tenants.backup import BackupError, backup_portal
from tenants.provisioning import get_portal

from ._base import PortalCommand


class Command(PortalCommand):
    help = (
        "Sao lưu một cổng: lược đồ, bản ghi đăng ký và tên miền, tệp đa phương tiện, tài liệu "
        "tìm kiếm, trong một tệp tar có manifest và mã kiểm tra SHA-256. Dòng cuối là đường "
        "dẫn tệp sao lưu."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("code", help="mã cổng")
        parser.add_argument("--output", help="thư mục lưu (mặc định CONG_BACKUP_DIR, var/backups)")

    def handle(self, *args, code: str, output: str | None = None, **options) -> None:
        portal = get_portal(code)
        started = time.perf_counter()
        try:
            archive = backup_portal(portal, Path(output) if output else None)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        if options["verbosity"]:
            size = archive.stat().st_size / 1_000_000
            seconds = time.perf_counter() - started
            self.stderr.write(f"Đã sao lưu cổng {code}: {size:.1f} MB trong {seconds:.1f} giây.")
        self.stdout.write(str(archive))
