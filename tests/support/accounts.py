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


def local_user(portal: Portal, username: str, group: str | None = None, **extra) -> User:
    """A user inside a portal's schema, optionally in one of its role groups."""
    with schema_context(portal.schema_name):
        user = User.objects.create_user(username=username, password=PASSWORD, **extra)
        if group:
            user.groups.add(Group.objects.get(name=group))
    return user


def platform_user(username: str, role: str | None, **extra) -> User:
    """A public-schema account, with a platform role unless `role` is None."""
    from tenants.models import PlatformRole

    with in_public_schema():
        user = User.objects.create_user(username=username, password=PASSWORD, **extra)
        if role:
            PlatformRole.objects.create(user=user, role=role)
    return user


def login(
    portal: Portal, username: str, password: str = PASSWORD, ip: str = "10.0.0.1",
    browser: Client | None = None,
):
    """Sign in on the portal's admin form; returns the browser and the form's response."""
    browser = browser or client_for(portal)
    response = browser.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return browser, response


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
