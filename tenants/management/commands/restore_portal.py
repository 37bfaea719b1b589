"""Restore a portal from an archive made by backup_portal."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, CommandParser

from tenants.backup import BackupError, restore_portal

from ._base import PortalCommand


class Command(PortalCommand):
    help = (
        "Khôi phục một cổng từ tệp sao lưu: vào chính mã cổng đó (thay dữ liệu hiện có khi "
        "thêm --replace), hoặc thành cổng mới với --as MÃ_MỚI (lược đồ và tên miền riêng)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", help="tệp .tar do backup_portal tạo")
        parser.add_argument("--as", dest="new_code", help="khôi phục thành cổng mới với mã này")
        parser.add_argument(
            "--replace", action="store_true",
            help="thay toàn bộ dữ liệu hiện có của cổng bằng bản sao lưu",
        )
        parser.add_argument("--domain", help="tên miền của cổng mới (mặc định <mã>.<tên miền tỉnh>)")

    def handle(self, *args, archive: str, new_code: str | None = None, replace: bool = False,
               domain: str | None = None, **options) -> None:
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Không có tệp {archive}.")
        if domain and not new_code:
            raise CommandError("--domain chỉ dùng với --as.")
        try:
            restored = restore_portal(path, new_code=new_code, replace=replace, domain=domain)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        rows = sum(restored.tables.values())
        self.stdout.write(
            f"Đã khôi phục cổng {restored.portal.code} ({restored.portal.primary_domain}): "
            f"{len(restored.tables)} bảng, {rows} dòng, trong {restored.seconds:.1f} giây."
        )
