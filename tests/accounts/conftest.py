"""Helpers for the account-rule tests: signing in through the real admin, and an
independent RFC 6238 implementation to compute the codes an authenticator app would show."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from accounts.models import AuditEvent
from tests.conftest import PASSWORD, portal_login, totp_code  # noqa: F401 - totp_code is shared

NEW_PASSWORD = "DoiMatKhau2027x"


def login(portal, username: str, password: str = PASSWORD, ip: str = "10.0.0.1", browser=None):
    """Sign in to the portal's admin (a platform account answers its second step too)."""
    return portal_login(portal, username, password, ip, browser)


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
