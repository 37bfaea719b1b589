"""Issued passwords changed at first sign-in, expiry, history and strength rules."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.contrib.auth.models import Group, User
from django.utils import timezone

from accounts.models import AccountPolicy, AccountState, PasswordHistory
from tests.support.accounts import NEW_PASSWORD, PASSWORD, events, is_signed_in, login
from tests.support.portals import home_page_id

CHANGE_URL = "/admin/tai-khoan/doi-mat-khau/"
ISSUED = "CapMoi2026abcd"


def held_urls(portal) -> list[str]:
    return [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        "/admin/documents/",
        "/admin/users/",
        f"/admin/pages/{home_page_id(portal)}/edit/",
        "/admin/account/",
        "/admin/nhat-ky/",
    ]


def create_user_as_board_head(
    portal, head_browser, username: str, group: str = "Trưởng Ban Biên tập", email: str | None = None
):
    with schema_context(portal.schema_name):
        group_id = Group.objects.get(name=group).pk
    return head_browser.post(
        "/admin/users/new/",
        {
            "username": username,
            "email": email or f"{username}@example.vn",
            "first_name": "Người",
            "last_name": "Mới",
            "password1": ISSUED,
            "password2": ISSUED,
            "groups": [group_id],
            "is_superuser": "on",  # ignored: only superusers grant it
        },
    )


def test_user_created_by_the_board_head_must_change_the_issued_password(portal_a, board_head):
    head, _ = login(portal_a, "truongban")
    response = create_user_as_board_head(portal_a, head, "nguoimoi")
    assert response.status_code == 302, response.content.decode()[:3000]
    with schema_context(portal_a.schema_name):
        created = User.objects.get(username="nguoimoi")
        assert not created.is_superuser
        assert AccountState.objects.get(user=created).must_change_password

    browser, response = login(portal_a, "nguoimoi", ISSUED)
    assert is_signed_in(browser, portal_a)
    for url in held_urls(portal_a):
        response = browser.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == CHANGE_URL, url
    # Sign-out and the admin's JavaScript translations stay reachable.
    assert browser.get("/admin/jsi18n/").status_code == 200
    page = browser.get(CHANGE_URL).content.decode()
    assert "phải đổi mật khẩu ở lần đăng nhập đầu tiên" in page
    # Public pages see an anonymous visitor until then.
    assert browser.get("/").status_code == 200

    # The issued password cannot be kept.
    response = browser.post(
        CHANGE_URL, {"old_password": ISSUED, "new_password1": ISSUED, "new_password2": ISSUED}
    )
    assert response.status_code == 200
    assert "Không được dùng lại 5 mật khẩu gần nhất" in response.content.decode()

    response = browser.post(
        CHANGE_URL,
        {"old_password": ISSUED, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    for url in ("/admin/", "/admin/images/", "/admin/documents/", "/admin/users/", "/admin/account/",
                "/admin/nhat-ky/"):
        assert browser.get(url).status_code == 200, url
    with schema_context(portal_a.schema_name):
        assert not AccountState.objects.get(user__username="nguoimoi").must_change_password

    assert events(portal_a, "user_created", target="nguoimoi", actor="truongban")
    assert events(portal_a, "role_changed", target="nguoimoi")
    assert events(portal_a, "password_changed", target="nguoimoi", actor="nguoimoi")


def test_a_password_reset_by_the_board_head_must_be_changed_too(portal_a, board_head, editor):
    head, _ = login(portal_a, "truongban")
    with schema_context(portal_a.schema_name):
        editor_group = Group.objects.get(name="Biên tập viên").pk
    response = head.post(
        f"/admin/users/edit/{editor.pk}/",
        {
            "username": "bientap", "email": "bientap@example.vn", "first_name": "Biên",
            "last_name": "Tập", "is_active": "on", "groups": [editor_group],
            "password1": ISSUED, "password2": ISSUED,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    browser, _ = login(portal_a, "bientap", ISSUED)
    assert browser.get("/admin/pages/")["Location"] == CHANGE_URL
    assert events(portal_a, "password_changed", target="bientap", actor="truongban")


def test_an_expired_password_must_be_changed(portal_a, editor):
    with schema_context(portal_a.schema_name):
        AccountState.objects.filter(user=editor).update(
            password_changed_at=timezone.now() - dt.timedelta(days=61)
        )
    browser, _ = login(portal_a, "bientap")
    response = browser.get("/admin/images/", follow=True)
    assert response.redirect_chain[-1][0] == CHANGE_URL
    assert "đã dùng quá 60 ngày" in response.content.decode()

    browser.post(
        CHANGE_URL,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert browser.get("/admin/images/").status_code == 200


def test_expiry_follows_the_portal_policy(portal_a, editor):
    with schema_context(portal_a.schema_name):
        AccountState.objects.filter(user=editor).update(
            password_changed_at=timezone.now() - dt.timedelta(days=61)
        )
        policy = AccountPolicy.current()
        policy.password_max_age_days = 0  # disabled
        policy.save()
    browser, _ = login(portal_a, "bientap")
    assert browser.get("/admin/images/").status_code == 200


def test_the_last_passwords_cannot_be_reused(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    passwords = [PASSWORD, "ThuHai2026abc", "ThuBa2026abcd"]
    for old, new in zip(passwords, passwords[1:], strict=False):
        response = browser.post(CHANGE_URL, {"old_password": old, "new_password1": new, "new_password2": new})
        assert response.status_code == 302
    for reused in passwords:
        response = browser.post(
            CHANGE_URL, {"old_password": passwords[-1], "new_password1": reused, "new_password2": reused}
        )
        assert response.status_code == 200
        assert "Không được dùng lại 5 mật khẩu gần nhất" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert PasswordHistory.objects.filter(user=editor).count() == 3


def test_password_strength_rules(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    for weak, message in [
        ("chuachuso", "ít nhất 12 ký tự"),
        ("chicochucaithoi", "cả chữ cái và chữ số"),
        ("1234567890123", "cả chữ cái và chữ số"),
    ]:
        response = browser.post(
            CHANGE_URL, {"old_password": PASSWORD, "new_password1": weak, "new_password2": weak}
        )
        assert response.status_code == 200
        assert message in response.content.decode(), weak


def test_mapped_platform_accounts_are_exempt(portal_a, make_platform_user):
    from tenants.models import PlatformRole

    make_platform_user("vanhanh", PlatformRole.Role.OPERATOR)
    browser, _ = login(portal_a, "vanhanh")
    assert browser.get("/admin/images/").status_code == 200
    assert browser.get(CHANGE_URL).status_code == 302
    assert events(portal_a, "mapped_login", actor="vanhanh")
