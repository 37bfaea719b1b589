"""Shared fixtures.

Portals are created once per test session (a portal costs about a second; migrating one
from scratch would cost twelve) through the real provisioning path, and every test runs
inside a transaction that is rolled back, so tests can change them freely.
"""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db import connection
from django.test import Client

from tenants.current import in_public_schema
from tenants.models import Portal
from tenants.provisioning import PortalSpec, create_portal, ensure_platform_portal, prepare_template

PASSWORD = "MatKhau@Thu2026"

# code → (name, kind): the province and two members, with domains under laichau.test
TEST_PORTALS = {
    "tinhthu": ("Cổng thông tin điện tử tỉnh Thử", Portal.Kind.PROVINCE),
    "soa": ("Sở A", Portal.Kind.DEPARTMENT),
    "xab": ("Xã B", Portal.Kind.COMMUNE),
}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Never provision into a real database: only pytest-django's test_* database.
    name = connection.settings_dict["NAME"]
    assert name.startswith("test_"), f"refusing to set up test portals in {name!r}"
    call_command("compile_translations", verbosity=0)
    with django_db_blocker.unblock():
        call_command("create_extensions")
        prepare_template()
        ensure_platform_portal()
        for code, (name, kind) in TEST_PORTALS.items():
            if Portal.objects.filter(code=code).exists():  # --reuse-db
                continue
            create_portal(
                PortalSpec(
                    code=code, name=name, kind=kind,
                    domains=("cu-soa.example.vn",) if code == "soa" else (),
                )
            )
        connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _public_schema_after_each_test():
    yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _nothing_kept_between_tests():
    """Each test's data is rolled back, and its purges never committed: what the caches and
    the per-process memos kept of it must go too."""
    yield
    from django.core.cache import caches

    from core.caching import memo, tokens
    from tenants.directory import directory

    for alias in ("default", "pages"):
        caches[alias].clear()
    memo.clear()
    tokens.clear_pending()
    directory.forget()


@pytest.fixture
def province(db) -> Portal:
    return Portal.objects.get(code="tinhthu")


@pytest.fixture
def portal_a(db) -> Portal:
    return Portal.objects.get(code="soa")


@pytest.fixture
def portal_b(db) -> Portal:
    return Portal.objects.get(code="xab")


def host_of(portal: Portal) -> str:
    return portal.primary_domain


class PortalClient(Client):
    """The test client, back in the public schema after each response, as a new request
    in a server process would be (the tenant middleware starts every request there)."""

    def request(self, **request):
        try:
            return super().request(**request)
        finally:
            connection.set_schema_to_public()


def client_for(portal: Portal | str) -> Client:
    """A browser pointed at one portal's domain (or at any host name)."""
    host = portal if isinstance(portal, str) else host_of(portal)
    return PortalClient(HTTP_HOST=host)


@pytest.fixture
def make_local_user():
    """Create a user inside a portal's schema, optionally in one of its role groups."""

    def make(portal: Portal, username: str, group: str | None = None, **extra):
        from django.contrib.auth.models import Group, User

        with schema_context(portal.schema_name):
            user = User.objects.create_user(username=username, password=PASSWORD, **extra)
            if group:
                user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def make_platform_user(db):
    """Create a public-schema account with a platform role."""

    def make(username: str, role: str | None, **extra):
        from django.contrib.auth.models import User

        from tenants.models import PlatformRole

        with in_public_schema():
            user = User.objects.create_user(username=username, password=PASSWORD, **extra)
            if role:
                PlatformRole.objects.create(user=user, role=role)
        return user

    return make
