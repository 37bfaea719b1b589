"""Lockout after repeated failed sign-ins, per account name and per IP address."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.utils import timezone

from signin.models import SignInLockout as LoginLockout
from tests.support.accounts import events, is_signed_in, login
from tests.support.admin import refused
from tests.support.portals import client_for

WRONG = "SaiMatKhau123"


def fail_times(portal, username: str, times: int, ips=None):
    for attempt in range(times):
        ip = ips[attempt] if ips else "10.0.0.1"
        browser, response = login(portal, username, WRONG, ip=ip)
        assert not is_signed_in(browser, portal)
    return response


def lock_until_text(portal, scope: str, key: str) -> str:
    with schema_context(portal.schema_name):
        lock = LoginLockout.objects.get(scope=scope, key=key, unlocked_at__isnull=True)
        return timezone.localtime(lock.locked_until).strftime("%H:%M")


def test_five_failures_lock_the_account_even_for_the_right_password(portal_a, editor, board_head):
    # From five different addresses: only the account counter reaches the threshold.
    response = fail_times(portal_a, "bientap", 4, ips=[f"10.0.1.{n}" for n in range(4)])
    assert "bị tạm khoá" not in response.content.decode()
    response = fail_times(portal_a, "bientap", 1, ips=["10.0.1.9"])
    until = lock_until_text(portal_a, "account", "bientap")
    assert f"Tài khoản đã bị tạm khoá do đăng nhập sai nhiều lần, đến {until}" in response.content.decode()

    # The right password is refused while locked, from any address, and says until when.
    browser, response = login(portal_a, "bientap", ip="10.0.2.1")
    assert not is_signed_in(browser, portal_a)
    assert f"đến {until}" in response.content.decode()
    # Case does not get around it.
    browser, _ = login(portal_a, "BienTap", ip="10.0.2.2")
    assert not is_signed_in(browser, portal_a)
    # Other accounts are not affected.
    browser, _ = login(portal_a, "truongban", ip="10.0.2.3")
    assert is_signed_in(browser, portal_a)

    assert len(events(portal_a, "login_failed", actor="bientap")) == 6
    assert events(portal_a, "lockout", target="bientap")


def test_an_editor_cannot_unlock_the_board_head_can(portal_a, editor, board_head, make_local_user):
    make_local_user(portal_a, "congtacvien", "Cộng tác viên")
    fail_times(portal_a, "congtacvien", 5, ips=[f"10.0.3.{n}" for n in range(5)])
    with schema_context(portal_a.schema_name):
        lock = LoginLockout.objects.get(scope="account", key="congtacvien")

    editor_browser, _ = login(portal_a, "bientap", ip="10.0.4.1")
    assert refused(editor_browser.get("/admin/tai-khoan/khoa-dang-nhap/"))
    assert refused(editor_browser.post(f"/admin/tai-khoan/khoa-dang-nhap/{lock.pk}/mo-khoa/"))
    browser, _ = login(portal_a, "congtacvien", ip="10.0.4.2")
    assert not is_signed_in(browser, portal_a)

    head, _ = login(portal_a, "truongban", ip="10.0.4.3")
    listing = head.get("/admin/users/").content.decode()
    assert "Mở khoá đăng nhập" in listing
    page = head.get("/admin/tai-khoan/khoa-dang-nhap/").content.decode()
    assert "congtacvien" in page
    response = head.post(f"/admin/tai-khoan/khoa-dang-nhap/{lock.pk}/mo-khoa/")
    assert response.status_code == 302
    browser, _ = login(portal_a, "congtacvien", ip="10.0.4.2")
    assert is_signed_in(browser, portal_a)
    assert events(portal_a, "unlock", actor="truongban", target="congtacvien")


def test_failures_from_one_address_lock_that_address(portal_a, editor, board_head):
    for n in range(5):
        login(portal_a, f"khongco{n}", WRONG, ip="10.9.9.9")
    until = lock_until_text(portal_a, "ip", "10.9.9.9")
    browser, response = login(portal_a, "bientap", ip="10.9.9.9")
    assert not is_signed_in(browser, portal_a)
    expected = f"Địa chỉ IP của bạn đã bị tạm khoá đăng nhập do nhập sai nhiều lần, đến {until}"
    assert expected in response.content.decode()
    browser, _ = login(portal_a, "bientap", ip="10.9.9.10")
    assert is_signed_in(browser, portal_a)
    assert events(portal_a, "lockout", target="10.9.9.9")


def test_the_address_behind_the_trusted_proxy_is_used(portal_a, editor):
    for _n in range(5):
        client_for(portal_a).post(
            "/admin/login/", {"username": "x", "password": WRONG},
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7",
        )
    with schema_context(portal_a.schema_name):
        assert LoginLockout.objects.filter(scope="ip", key="203.0.113.7").exists()
        assert not LoginLockout.objects.filter(scope="ip", key="127.0.0.1").exists()
    # A client that is not the proxy cannot choose its address.
    client_for(portal_a).post(
        "/admin/login/", {"username": "y", "password": WRONG},
        REMOTE_ADDR="10.5.5.5", HTTP_X_FORWARDED_FOR="198.51.100.1",
    )
    assert events(portal_a, "login_failed", actor="y")[0].ip_address == "10.5.5.5"


def test_a_successful_sign_in_resets_the_account_counter(portal_a, editor):
    fail_times(portal_a, "bientap", 4, ips=[f"10.0.6.{n}" for n in range(4)])
    browser, _ = login(portal_a, "bientap", ip="10.0.6.9")
    assert is_signed_in(browser, portal_a)
    fail_times(portal_a, "bientap", 4, ips=[f"10.0.7.{n}" for n in range(4)])
    browser, _ = login(portal_a, "bientap", ip="10.0.7.9")
    assert is_signed_in(browser, portal_a)
