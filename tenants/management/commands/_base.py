"""Shared plumbing of the portal commands: errors become clear messages, not tracebacks."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from pathlib import Path

from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone


def actor() -> str:
    """Who ran the command, for the audit trail."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name (container without passwd entry)
        user = str(os.getuid())
    return f"lệnh:{user}"


class PortalCommand(BaseCommand):
    def execute(self, *args, **options):
        from tenants.provisioning import ProvisioningError

        try:
            return super().execute(*args, **options)
        except ProvisioningError as exc:
            raise CommandError(str(exc)) from exc


def add_decision_arguments(parser, required: bool) -> None:
    """The province board's decision, as `create_portal` and `approve_portal` take it."""
    group = parser.add_argument_group("quyết định của Ban Biên tập Cổng tỉnh")
    group.add_argument("--decision", required=required, help="số quyết định, ví dụ 12/QĐ-BBT")
    group.add_argument("--approved-by", required=required, help="người ký quyết định")
    group.add_argument(
        "--decision-file", required=required, help="tệp PDF của quyết định đã ký"
    )
    group.add_argument(
        "--decision-date", default=None, help="ngày quyết định, dd/mm/yyyy (mặc định: hôm nay)"
    )


def decision_from_options(options):
    """A DecisionSpec from the command line, or None when no decision was given. The file
    is opened here and read when the decision is recorded."""
    from tenants.provisioning import DecisionSpec

    given = [options.get("decision"), options.get("approved_by"), options.get("decision_file")]
    if not any(given):
        return None
    if not all(given):
        raise CommandError("Quyết định cần đủ --decision, --approved-by và --decision-file.")
    path = Path(options["decision_file"])
    if not path.is_file():
        raise CommandError(f"Không có tệp {path}.")
    date = timezone.localdate()
    if options.get("decision_date"):
        try:
            date = dt.datetime.strptime(options["decision_date"], "%d/%m/%Y").date()
        except ValueError as exc:
            raise CommandError("Ngày quyết định viết dạng dd/mm/yyyy.") from exc
    return DecisionSpec(
        number=options["decision"], date=date, signer=options["approved_by"],
        file=File(path.open("rb"), name=path.name),
    )
