"""Shared plumbing of the portal commands: errors become clear messages, not tracebacks."""

from __future__ import annotations

import getpass
import os

from django.core.management.base import BaseCommand, CommandError


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
