"""A portal with every page type (the demo content of every section), committed so that a
live server can serve it, provisioned once for the caching tests and removed at the end."""

from __future__ import annotations

import copy

import pytest

from django.db import connection

CODE = "demotruyvan"


def _remove_portal() -> None:
    from tests.support.portals import remove_committed_portal

    remove_committed_portal(CODE)


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
