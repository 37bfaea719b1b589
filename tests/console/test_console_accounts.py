"""One account policy everywhere: the console and the platform accounts get the portals'
rules — lockout counted once across the console and every portal, password history and
expiry, idle timeout, mandatory two-factor with encrypted secrets, recovery codes and a
QR code drawn on the server — and the console's journal shows its sign-ins."""

from __future__ import annotations

import datetime as dt
import re
import time
from io import StringIO

import pytest
from cryptography.fernet import Fernet
from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from accounts.models import AccountState
from signin import crypto
from signin.models import PlatformAccountState, SignInLockout
from tenants.models import PlatformRole, PortalEvent
from tenants.provisioning import PortalSpec
from tests.support.accounts import (
    CONSOLE,
    PASSWORD,
    PLATFORM_TOTP_SECRET,
    console_login,
    portal_login,
    totp_code,
)
from tests.support.portals import client_for, create_active_portal

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD
WRONG = "SaiMatKhau@2026"
LOCKED_EVERYWHERE = "bị tạm khoá trên toàn hệ thống"


def signed_in_console(browser) -> bool:
    return "_auth_user_id" in browser.session


def signed_in_portal(browser, portal) -> bool:
    with schema_context(portal.schema_name):
        return "_auth_user_id" in browser.session


@pytest.fixture
def quantri(make_platform_user):
    return make_platform_user("quantri", OPERATOR)


def test_ten_wrong_console_passwords_lock_quantri_everywhere(quantri, province, portal_a, portal_b):
    for n in range(10):
        browser, response = console_login("quantri", WRONG, ip=f"10.20.0.{n}")
        assert not signed_in_console(browser)
    # The right password, from a fresh address: refused in the console…
    browser, response = console_login("quantri", ip="10.20.1.1")
    assert not signed_in_console(browser)
    assert LOCKED_EVERYWHERE in response.content.decode()
    # …and in every portal's admin.
    for n, portal in enumerate([province, portal_a, portal_b]):
        browser, response = portal_login(portal, "quantri", ip=f"10.20.2.{n}")
        assert not signed_in_portal(browser, portal)
        assert LOCKED_EVERYWHERE in response.content.decode()
    lock = SignInLockout.objects.get(scope="account", key="quantri", unlocked_at__isnull=True)
    assert lock.realm == ""  # the platform's realm: one lock for the whole platform

    # The console's journal has the refusals and the lockout.
    refusals = PortalEvent.objects.filter(action="console_login_refused", actor="quantri")
    assert refusals.count() >= 10
    assert PortalEvent.objects.filter(action="lockout", actor="quantri").exists()


def test_twenty_failures_over_five_portals_lock_too(quantri, province, portal_a, portal_b):
    portals = [province, portal_a, portal_b] + [
        create_active_portal(PortalSpec(code=code, name=f"Xã {code}", kind="commune"))
        for code in ("xalocka", "xalockb")
    ]
    for p_index, portal in enumerate(portals):
        for n in range(4):  # four in each portal: under any one portal's threshold of five
            browser, _ = portal_login(portal, "quantri", WRONG, ip=f"10.21.{p_index}.{n}")
            assert not signed_in_portal(browser, portal)
    browser, response = console_login("quantri", ip="10.21.9.9")
    assert not signed_in_console(browser)
    assert LOCKED_EVERYWHERE in response.content.decode()
    browser, _ = portal_login(portal_a, "quantri", ip="10.21.9.8")
    assert not signed_in_portal(browser, portal_a)

    # An operator unlocks it in the console; a portal's board head cannot.
    other = console_login("vanhanh.khac", ip="10.21.8.1")[0]  # no such account: refused
    assert not signed_in_console(other)
    lock = SignInLockout.objects.get(scope="account", key="quantri", unlocked_at__isnull=True)
    with schema_context(portal_a.schema_name):
        from django.contrib.auth.models import Group, User

        head = User.objects.create_user("truongban.mo", password=PASSWORD)
        head.groups.add(Group.objects.get(name="Trưởng Ban Biên tập"))
    head_browser, _ = portal_login(portal_a, "truongban.mo", ip="10.21.8.2")
    response = head_browser.post(f"/admin/tai-khoan/khoa-dang-nhap/{lock.pk}/mo-khoa/")
    assert response.status_code == 404
    lock.refresh_from_db()
    assert lock.in_force


def test_sign_in_without_next_lands_on_the_console_home(quantri):
    browser = client_for(CONSOLE)
    response = browser.post("/dang-nhap/", {"username": "quantri", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    # The second step first, then home.
    assert browser.get("/")["Location"] == "/tai-khoan/xac-thuc/"
    response = browser.post("/tai-khoan/xac-thuc/", {"code": totp_code(PLATFORM_TOTP_SECRET)})
    assert response["Location"] == "/"
    assert browser.get("/").status_code == 200
    journal = browser.get("/nhat-ky/").content.decode()
    assert "Đăng nhập trang quản trị hệ thống" in journal


def test_first_sign_in_leads_to_enrolment_with_a_qr_code(make_platform_user, province):
    make_platform_user("bbt.moi", BOARD, totp=False)
    browser, _ = console_login("bbt.moi")
    for path in ("/", "/giam-sat/", "/nhat-ky/", "/don-dang-ky/"):
        assert browser.get(path)["Location"] == "/tai-khoan/hai-buoc/", path
    page = browser.get("/tai-khoan/hai-buoc/").content.decode()
    assert '<svg width="' in page and 'class="totp-qr"' in page and "<path" in page
    assert "<script" not in page.split("<main")[1] and 'style="' not in page.split("<main")[1]
    secret = re.search(r'data-totp-secret="([A-Z2-7]+)"', page).group(1)

    wrong = "000000" if totp_code(secret) != "000000" else "111111"
    response = browser.post("/tai-khoan/hai-buoc/", {"code": wrong})
    assert response.status_code == 200 and "không đúng" in response.content.decode()
    response = browser.post("/tai-khoan/hai-buoc/", {"code": totp_code(secret)})
    assert response["Location"] == "/tai-khoan/ma-khoi-phuc/"
    page = browser.get("/tai-khoan/ma-khoi-phuc/").content.decode()
    codes = re.findall(r'data-recovery-code="([a-z0-9-]+)"', page)
    assert len(codes) == 10
    # Shown once.
    assert browser.get("/tai-khoan/ma-khoi-phuc/")["Location"] == "/tai-khoan/"
    assert browser.get("/").status_code == 200

    # Stored encrypted under the key, the recovery codes only as hashes.
    state = PlatformAccountState.objects.get(user__username="bbt.moi")
    assert state.totp_secret.startswith("gAAAAA") and secret not in state.totp_secret
    assert state.secret == secret
    assert not any(code.replace("-", "") in str(state.recovery_codes) for code in codes)
    assert PortalEvent.objects.filter(action="2fa_enabled", actor="bbt.moi").exists()

    # The next sign-in asks for the code; a recovery code works once.
    browser = console_login("bbt.moi", otp=False)[0]
    assert browser.get("/")["Location"] == "/tai-khoan/xac-thuc/"
    assert browser.post("/tai-khoan/xac-thuc/", {"code": codes[0]})["Location"] == "/"
    browser = console_login("bbt.moi", otp=False)[0]
    response = browser.post("/tai-khoan/xac-thuc/", {"code": codes[0]})
    assert response.status_code == 200 and "không đúng" in response.content.decode()
    assert PortalEvent.objects.filter(action="recovery_code_used", actor="bbt.moi").count() == 1


def test_a_platform_account_enrols_in_a_portal_too(make_platform_user, portal_a):
    make_platform_user("vanhanh.cong", OPERATOR, totp=False)
    browser, _ = portal_login(portal_a, "vanhanh.cong")
    assert signed_in_portal(browser, portal_a)
    response = browser.get("/admin/pages/")
    assert response["Location"] == "/admin/tai-khoan/hai-buoc/"
    page = browser.get("/admin/tai-khoan/hai-buoc/").content.decode()
    assert 'class="totp-qr"' in page
    secret = re.search(r'data-totp-secret="([A-Z2-7]+)"', page).group(1)
    response = browser.post("/admin/tai-khoan/hai-buoc/", {"code": totp_code(secret)})
    assert response["Location"] == "/admin/tai-khoan/ma-khoi-phuc/"
    assert browser.get("/admin/pages/").status_code == 200
    # The secret is the platform account's: the console now asks for its code.
    assert PlatformAccountState.objects.get(user__username="vanhanh.cong").secret == secret
    console = console_login("vanhanh.cong", otp=False)[0]
    assert console.get("/")["Location"] == "/tai-khoan/xac-thuc/"
    # And another portal's sign-in asks for it too.
    connection.set_schema_to_public()


def test_console_idle_timeout(quantri):
    browser, _ = console_login("quantri")
    assert browser.get("/").status_code == 200
    session = browser.session
    session["cong_last_seen"] = time.time() - 31 * 60
    session.save()
    response = browser.get("/giam-sat/")
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/?next=")
    assert not signed_in_console(browser)
    assert PortalEvent.objects.filter(action="session_expired", actor="quantri").exists()


def test_platform_password_expiry_and_history(quantri, portal_a):
    PlatformAccountState.objects.filter(user=quantri).update(
        password_changed_at=timezone.now() - dt.timedelta(days=61)
    )
    # A portal refuses the expired platform password and says where to change it.
    browser, response = portal_login(portal_a, "quantri")
    assert not signed_in_portal(browser, portal_a)
    assert "trang quản trị hệ thống để đổi mật khẩu" in response.content.decode()
    # The console holds every page at the password change.
    browser, _ = console_login("quantri")
    assert browser.get("/")["Location"] == "/tai-khoan/doi-mat-khau/"
    for new, message in [(PASSWORD, "Không được dùng lại"), ("Quantri@2026", "ít nhất 12 ký tự"),
                         ("LaiChau@20262026", "quá dễ đoán")]:
        response = browser.post(
            "/tai-khoan/doi-mat-khau/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
        )
        assert response.status_code == 200 and message in response.content.decode(), new
    new = "Nui-Pu-Ta-Leng-3049"
    response = browser.post(
        "/tai-khoan/doi-mat-khau/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert browser.get("/").status_code == 200
    assert PortalEvent.objects.filter(action="password_changed", actor="quantri").exists()
    browser, _ = portal_login(portal_a, "quantri", new)
    assert signed_in_portal(browser, portal_a)


def test_plain_secrets_are_encrypted_by_the_migration_and_keys_rotate(portal_a, editor_a, settings):
    from importlib import import_module

    from django.apps import apps

    migration = import_module("accounts.migrations.0003_shared_lockouts_encrypted_totp_recovery_codes")
    with schema_context(portal_a.schema_name):
        state = AccountState.for_user(editor_a)
        AccountState.objects.filter(pk=state.pk).update(
            totp_secret=PLATFORM_TOTP_SECRET, totp_enabled_at=timezone.now()
        )
        migration.encrypt_secrets(apps, None)
        state.refresh_from_db()
        assert crypto.is_encrypted(state.totp_secret) and state.secret == PLATFORM_TOTP_SECRET

    old_key = crypto.derived_key().decode()
    settings.CONG_TOTP_KEY = Fernet.generate_key().decode()
    settings.CONG_TOTP_OLD_KEYS = [old_key]
    out = StringIO()
    call_command("rotate_totp_key", stdout=out)
    assert "Đã mã hoá lại" in out.getvalue()
    settings.CONG_TOTP_OLD_KEYS = []  # the old key is gone: the secret still opens
    with schema_context(portal_a.schema_name):
        state.refresh_from_db()
        assert state.secret == PLATFORM_TOTP_SECRET


@pytest.fixture
def editor_a(portal_a, make_local_user):
    return make_local_user(portal_a, "bientap.mahoa", "Biên tập viên")
