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
from tenants.provisioning import (
    DecisionSpec,
    PortalSpec,
    create_portal,
    ensure_platform_portal,
    prepare_template,
)

PASSWORD = "MatKhau@Thu2026"
# The authenticator secret every test platform account is enrolled with (two-factor is
# mandatory for operators and the province board).
PLATFORM_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written here independently of accounts.totp,
    as an authenticator app computes it."""
    import base64
    import hashlib
    import hmac
    import struct
    import time

    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[19] & 15
    number = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


def board_decision(number: str = "01/QĐ-BBT") -> DecisionSpec:
    """The province board's decision a portal is admitted by (a one-line PDF)."""
    import datetime as dt

    from django.core.files.base import ContentFile

    return DecisionSpec(
        number=number, date=dt.date(2026, 1, 5), signer="Hoàng Thị Tỉnh",
        file=ContentFile(b"%PDF-1.4 quyet dinh phe duyet", name="quyet-dinh.pdf"),
    )


def create_active_portal(spec: PortalSpec, actor: str = "") -> Portal:
    """A portal admitted by the province board, through the one path there is."""
    return create_portal(spec, actor, decision=board_decision())

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
            create_active_portal(
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

    def make(portal: Portal, username: str, group: str | None = None, *, legacy: bool = False, **extra):
        """`legacy`: a row from before the naming rules (accounts.names), inserted without
        the checks every save runs now."""
        from django.contrib.auth.hashers import make_password
        from django.contrib.auth.models import Group, User

        with schema_context(portal.schema_name):
            if legacy:
                (user,) = User.objects.bulk_create(
                    [User(username=username, password=make_password(PASSWORD), **extra)]
                )
            else:
                user = User.objects.create_user(username=username, password=PASSWORD, **extra)
            if group:
                user.groups.add(Group.objects.get(name=group))
        return user

    return make


@pytest.fixture
def make_platform_user(db):
    """Create a public-schema account with a platform role, enrolled in two-factor with
    PLATFORM_TOTP_SECRET unless `totp=False` (then its first sign-in leads to enrolment)."""

    def make(username: str, role: str | None, *, totp: bool = True, **extra):
        from django.contrib.auth.models import User

        from signin.models import PlatformAccountState
        from tenants.models import PlatformRole

        with in_public_schema():
            user = User.objects.create_user(username=username, password=PASSWORD, **extra)
            if role:
                PlatformRole.objects.create(user=user, role=role)
                if totp:
                    PlatformAccountState.for_user(user).enable_totp(PLATFORM_TOTP_SECRET, 0)
        return user

    return make


def second_step(browser, verify_url: str, username: str, secret: str = PLATFORM_TOTP_SECRET):
    """Answer the second sign-in step with the authenticator's code. A test signs in many
    times within one 30-second step, and a code is accepted once: the account's last used
    step is set back first, as if the next step had come."""
    from django.contrib.auth.models import User

    from signin.models import PlatformAccountState

    with in_public_schema():
        user = User.objects.get(username=username)
        PlatformAccountState.objects.filter(user=user).update(totp_last_step=0)
    return browser.post(verify_url, {"code": totp_code(secret)})


CONSOLE = "quantri.laichau.test"


def console_login(
    username: str, password: str = PASSWORD, ip: str = "10.9.0.1", browser=None, *, otp: bool = True
):
    """Sign in to the platform console as a person would, the second step included unless
    `otp` is False; returns (browser, response of the last step)."""
    browser = browser or client_for(CONSOLE)
    response = browser.post("/dang-nhap/", {"username": username, "password": password}, REMOTE_ADDR=ip)
    if otp and response.status_code == 302:
        with in_public_schema():
            pending = browser.session.get("cong_otp_pending")
        if pending:
            response = second_step(browser, "/tai-khoan/xac-thuc/", username)
    return browser, response


def portal_login(portal: Portal, username: str, password: str = PASSWORD, ip: str = "10.0.0.1",
                 browser=None, *, otp: bool = True):
    """Sign in to a portal's admin; a platform account answers its second step too."""
    browser = browser or client_for(portal)
    response = browser.post("/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip)
    if otp and response.status_code == 302:
        with schema_context(portal.schema_name):
            pending = browser.session.get("cong_otp_pending")
            mapped = browser.session.get("_auth_user_id") and username and not _is_local(username)
        if pending and mapped:
            response = second_step(browser, "/admin/tai-khoan/xac-thuc/", username)
    return browser, response


def _is_local(username: str) -> bool:
    from django.contrib.auth.models import User

    return User.objects.filter(username=username).exists()
