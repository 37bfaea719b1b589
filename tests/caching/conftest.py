"""A portal with every page type (the demo content of every section), committed so that a
live server can serve it, provisioned once for the caching tests and removed at the end."""

from __future__ import annotations

import copy
import os
import shutil
import socket
import subprocess
import time

import pytest

from django.db import connection

CODE = "demotruyvan"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on port {port} after {seconds} s")


def require_binary(name: str, path: str, variable: str) -> str:
    """The path of a Debian server binary; skip without it, unless `variable` is set (CI)."""
    found = shutil.which(name) or (path if os.path.exists(path) else None)
    if found:
        return found
    if os.environ.get(variable):
        pytest.fail(f"{variable} is set but {name} is not installed", pytrace=False)
    pytest.skip(f"{name} not installed (apt-get install {name}); set {variable}=1 to make this fail")


def _remove_portal() -> None:
    from django.core.cache import caches

    from tenants.models import Domain, Portal, PortalEvent

    connection.set_schema_to_public()
    portal = Portal.objects.filter(code=CODE).first()
    if portal is None:
        return
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{portal.schema_name}" CASCADE')
    from search.models import SearchDocument

    SearchDocument.objects.filter(portal=portal.schema_name).delete()
    PortalEvent.objects.filter(portal=portal).delete()
    Domain.objects.filter(tenant=portal).delete()
    Portal.objects.filter(pk=portal.pk).delete()
    for alias in ("default", "pages"):
        caches[alias].clear()


def _provision_portal():
    from django_tenants.utils import schema_context

    from core.sections import ensure_sections, registered_sections
    from demo.portals import DEMO_CONTENT
    from home.models import HomePage
    from tenants.models import Portal
    from tenants.provisioning import PortalSpec
    from tests.support.portals import create_active_portal

    portal = create_active_portal(PortalSpec(
        code=CODE, name="Sở Truy vấn tỉnh Thử", name_en="Department of Queries",
        kind=Portal.Kind.DEPARTMENT,
    ))
    with schema_context(portal.schema_name):
        home = HomePage.objects.get(depth=2, locale__language_code="vi")
        # Every section, the province's gazette included, so every page type has a page.
        ensure_sections(home, sections=registered_sections())
        home.intro = "<p>Cổng có đủ mọi loại trang.</p>"
        home.save_revision().publish()
        as_province = copy.copy(portal)
        as_province.kind = Portal.Kind.PROVINCE
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(as_province)
    connection.set_schema_to_public()
    return portal


# The package: removed after the last page-cache test, so that no other test meets it.
@pytest.fixture(scope="package")
def demo_portal(django_db_setup, django_db_blocker):
    """The committed portal with every page type (any leftover of a crashed run replaced)."""
    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
        _remove_portal()
        try:
            portal = _provision_portal()
        except BaseException:
            _remove_portal()
            raise
    yield portal
    with django_db_blocker.unblock():
        _close_other_sessions()
        _remove_portal()


def _close_other_sessions() -> None:
    """End the database sessions live servers' threads may still hold."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
