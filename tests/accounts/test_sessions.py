"""Idle timeout and sign-out everywhere after a password change."""

from __future__ import annotations

import time

from django_tenants.utils import schema_context

from accounts.models import AccountPolicy
from accounts.security import LAST_SEEN
from tests.support.accounts import NEW_PASSWORD, PASSWORD, events, is_signed_in, login


def age_session(browser, portal, seconds: int) -> None:
    with schema_context(portal.schema_name):
        session = browser.session
        session[LAST_SEEN] = time.time() - seconds
        session.save()


def test_idle_sessions_end_after_the_policy_timeout(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    age_session(browser, portal_a, 29 * 60)
    assert browser.get("/admin/").status_code == 200  # 29 minutes: still fine, and refreshed
    age_session(browser, portal_a, 31 * 60)
    response = browser.get("/admin/images/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert not is_signed_in(browser, portal_a)
    page = browser.get(response["Location"]).content.decode()
    assert "không thao tác quá 30 phút" in page
    assert events(portal_a, "session_expired", target="bientap")


def test_idle_timeout_follows_the_policy(portal_a, editor):
    with schema_context(portal_a.schema_name):
        policy = AccountPolicy.current()
        policy.idle_timeout_minutes = 5
        policy.save()
    browser, _ = login(portal_a, "bientap")
    age_session(browser, portal_a, 6 * 60)
    assert browser.get("/admin/").status_code == 302


def test_a_password_change_signs_out_every_other_session(portal_a, editor):
    office, _ = login(portal_a, "bientap", ip="10.0.0.1")
    home, _ = login(portal_a, "bientap", ip="10.0.0.2")
    assert office.get("/admin/").status_code == 200
    assert home.get("/admin/").status_code == 200

    response = office.post(
        "/admin/tai-khoan/doi-mat-khau/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert office.get("/admin/").status_code == 200
    response = home.get("/admin/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_sign_out_is_recorded(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    browser.post("/admin/logout/")
    assert events(portal_a, "logout", actor="bientap")
    assert events(portal_a, "login", actor="bientap")
