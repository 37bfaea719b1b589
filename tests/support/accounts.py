"""Users of a portal and of the platform, signing in through the real admin, the audit trail.

Every account made here has the password `PASSWORD`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

from django_tenants.utils import schema_context

from django.contrib.auth.models import Group, User
from django.test import Client

from tenants.current import in_public_schema
from tenants.models import Portal

from .portals import client_for

PASSWORD = "MatKhau@Thu2026"
NEW_PASSWORD = "DoiMatKhau2027x"
# The authenticator secret every test platform account is enrolled with (two-factor is
# mandatory for operators and the province board).
PLATFORM_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
# The platform console's domain in the tests.
CONSOLE = "quantri.laichau.test"


def local_user(
    portal: Portal, username: str, group: str | None = None, *, legacy: bool = False, **extra
) -> User:
    """A user inside a portal's schema, optionally in one of its role groups. `legacy`: a row
    from before the naming rules (accounts.names), inserted without the checks every save
    runs now."""
    from django.contrib.auth.hashers import make_password

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


def platform_user(username: str, role: str | None, *, totp: bool = True, **extra) -> User:
    """A public-schema account, with a platform role unless `role` is None, enrolled in
    two-factor with PLATFORM_TOTP_SECRET unless `totp=False` (then its first sign-in leads
    to enrolment)."""
    from signin.models import PlatformAccountState
    from tenants.models import PlatformRole

    with in_public_schema():
        user = User.objects.create_user(username=username, password=PASSWORD, **extra)
        if role:
            PlatformRole.objects.create(user=user, role=role)
            if totp:
                PlatformAccountState.for_user(user).enable_totp(PLATFORM_TOTP_SECRET, 0)
    return user


def second_step(browser: Client, verify_url: str, username: str, secret: str = PLATFORM_TOTP_SECRET):
    """Answer the second sign-in step with the authenticator's code. A test signs in many
    times within one 30-second step, and a code is accepted once: the account's last used
    step is set back first, as if the next step had come."""
    from signin.models import PlatformAccountState

    with in_public_schema():
        user = User.objects.get(username=username)
        PlatformAccountState.objects.filter(user=user).update(totp_last_step=0)
    return browser.post(verify_url, {"code": totp_code(secret)})


def console_login(
    username: str, password: str = PASSWORD, ip: str = "10.9.0.1", browser: Client | None = None,
    *, otp: bool = True,
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


def login(
    portal: Portal, username: str, password: str = PASSWORD, ip: str = "10.0.0.1",
    browser: Client | None = None, *, otp: bool = True,
):
    """Sign in on the portal's admin form, a platform account answering its second step
    too (unless `otp` is False); returns the browser and the last step's response."""
    browser = browser or client_for(portal)
    response = browser.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    if otp and response.status_code == 302:
        with schema_context(portal.schema_name):
            pending = browser.session.get("cong_otp_pending")
            mapped = browser.session.get("_auth_user_id") and username and not _is_local(username)
        if pending and mapped:
            response = second_step(browser, "/admin/tai-khoan/xac-thuc/", username)
    return browser, response


def _is_local(username: str) -> bool:
    return User.objects.filter(username=username).exists()


# The name the account tests use for a portal sign-in.
portal_login = login


def is_signed_in(browser: Client, portal: Portal) -> bool:
    """Sessions live in the portal's schema."""
    with schema_context(portal.schema_name):
        return "_auth_user_id" in browser.session


def events(portal: Portal, action: str | None = None, **filters) -> list:
    """The portal's audit trail (accounts.AuditEvent), optionally of one action."""
    from accounts.models import AuditEvent

    with schema_context(portal.schema_name):
        queryset = AuditEvent.objects.all()
        if action:
            queryset = queryset.filter(action=action)
        return list(queryset.filter(**filters))


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written here independently of accounts.totp,
    to compute the codes an authenticator app would show."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[19] & 15
    number = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"
