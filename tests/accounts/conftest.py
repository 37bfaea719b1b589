"""Helpers for the account-rule tests: signing in through the real admin, and an
independent RFC 6238 implementation to compute the codes an authenticator app would show."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest
from django_tenants.utils import schema_context

from accounts.models import AuditEvent
from tests.conftest import PASSWORD, client_for

NEW_PASSWORD = "DoiMatKhau2027x"


def totp_code(secret: str, at: float | None = None) -> str:
    """RFC 6238 TOTP (SHA-1, 30 s, 6 digits), written here independently of accounts.totp."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[19] & 15
    number = (int.from_bytes(digest[offset : offset + 4], "big") & 0x7FFFFFFF) % 1_000_000
    return f"{number:06d}"


def login(portal, username: str, password: str = PASSWORD, ip: str = "10.0.0.1", browser=None):
    browser = browser or client_for(portal)
    response = browser.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )
    return browser, response


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with a redirect to the dashboard and
    a message; plain Django views answer 403."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def is_signed_in(browser, portal) -> bool:
    """Sessions live in the portal's schema."""
    with schema_context(portal.schema_name):
        return "_auth_user_id" in browser.session


def events(portal, action: str | None = None, **filters):
    with schema_context(portal.schema_name):
        queryset = AuditEvent.objects.all()
        if action:
            queryset = queryset.filter(action=action)
        return list(queryset.filter(**filters))


def home_page_id(portal) -> int:
    from wagtail.models import Site

    with schema_context(portal.schema_name):
        return Site.objects.get(is_default_site=True).root_page_id


@pytest.fixture
def board_head(portal_a, make_local_user):
    return make_local_user(portal_a, "truongban", "Trưởng Ban Biên tập", first_name="Trưởng", last_name="Ban")


@pytest.fixture
def editor(portal_a, make_local_user):
    return make_local_user(portal_a, "bientap", "Biên tập viên", first_name="Biên", last_name="Tập")
