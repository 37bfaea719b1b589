"""Optional TOTP two-factor sign-in, and the portal setting that makes it mandatory for
approvers."""

from __future__ import annotations

import base64
import re
import time

from django_tenants.utils import schema_context

from accounts import totp
from accounts.models import AccountPolicy, AccountState
from tests.support.accounts import events, is_signed_in, login, totp_code

SETUP_URL = "/admin/tai-khoan/hai-buoc/"
VERIFY_URL = "/admin/tai-khoan/xac-thuc/"


def test_our_codes_match_the_rfc_6238_test_vector():
    # RFC 6238 appendix B, SHA-1 seed "12345678901234567890", T = 59 s → 94287082 (8 digits).
    secret = base64.b32encode(b"12345678901234567890").decode()
    assert totp_code(secret, 59) == "287082"
    assert totp.code(secret, 59) == "287082"
    assert totp.code(secret, 1111111109) == "081804"  # 07081804


def enrol(portal, browser) -> str:
    page = browser.get(SETUP_URL).content.decode()
    secret = re.search(r'data-totp-secret="([A-Z2-7]+)"', page).group(1)
    assert "otpauth://totp/" in page and f"secret={secret}" in page
    response = browser.post(SETUP_URL, {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert "Mã xác thực không đúng" in response.content.decode()
    response = browser.post(SETUP_URL, {"code": totp_code(secret)})
    assert response.status_code == 302
    return secret


def test_enrolment_then_a_second_step_at_sign_in(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    account_page = browser.get("/admin/account/").content.decode()
    assert SETUP_URL in account_page
    secret = enrol(portal_a, browser)
    with schema_context(portal_a.schema_name):
        assert AccountState.objects.get(user=editor).totp_enabled
    assert events(portal_a, "2fa_enabled", target="bientap")
    browser.post("/admin/logout/")

    browser, response = login(portal_a, "bientap")
    for url in ("/admin/", "/admin/pages/", "/admin/images/", "/admin/account/"):
        response = browser.get(url)
        assert response.status_code == 302 and response["Location"] == VERIFY_URL, url
    response = browser.post(VERIFY_URL, {"code": "12345"})
    assert response.status_code == 200
    wrong = next(c for c in ("000000", "111111") if c != totp_code(secret, time.time() + 30))
    response = browser.post(VERIFY_URL, {"code": wrong})
    assert "Mã xác thực không đúng" in response.content.decode()
    assert events(portal_a, "2fa_failed", target="bientap")
    # The next step's code (the current one was used at enrolment and cannot be replayed).
    response = browser.post(VERIFY_URL, {"code": totp_code(secret, time.time() + 30)})
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200
    assert browser.get("/admin/images/").status_code == 200


def test_a_used_code_cannot_be_replayed(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    secret = enrol(portal_a, browser)
    browser.post("/admin/logout/")
    browser, _ = login(portal_a, "bientap")
    response = browser.post(VERIFY_URL, {"code": totp_code(secret)})
    assert response.status_code == 200  # the enrolment already used this step
    assert browser.get("/admin/")["Location"] == VERIFY_URL


def test_wrong_codes_lock_the_account(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    secret = enrol(portal_a, browser)
    browser.post("/admin/logout/")
    browser, _ = login(portal_a, "bientap")
    valid = {totp_code(secret, time.time() + d) for d in (-30, 0, 30)}
    wrong = next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)
    for _attempt in range(5):
        response = browser.post(VERIFY_URL, {"code": wrong})
    assert response.status_code == 302 and response["Location"] == "/admin/login/"
    assert not is_signed_in(browser, portal_a)
    browser, response = login(portal_a, "bientap")
    assert "bị tạm khoá" in response.content.decode()


def test_mandatory_for_approvers_when_the_portal_says_so(portal_a, make_local_user, editor):
    make_local_user(portal_a, "duyet", "Thành viên Ban Biên tập")
    with schema_context(portal_a.schema_name):
        policy = AccountPolicy.current()
        policy.require_2fa_for_approvers = True
        policy.save()
    browser, _ = login(portal_a, "duyet")
    response = browser.get("/admin/pages/", follow=True)
    assert response.redirect_chain[-1][0] == SETUP_URL
    assert "Cổng yêu cầu người duyệt tin bài dùng xác thực hai bước" in response.content.decode()
    enrol(portal_a, browser)
    assert browser.get("/admin/images/").status_code == 200
    # Not approvers: not required.
    editor_browser, _ = login(portal_a, "bientap")
    assert editor_browser.get("/admin/images/").status_code == 200


def shown_codes(browser, url: str) -> list[str]:
    return re.findall(r'data-recovery-code="([a-z0-9-]+)"', browser.get(url).content.decode())


def test_portal_editors_get_a_qr_code_and_single_use_recovery_codes(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    page = browser.get(SETUP_URL).content.decode()
    assert 'class="totp-qr"' in page and "<path" in page  # drawn on the server
    secret = re.search(r'data-totp-secret="([A-Z2-7]+)"', page).group(1)
    response = browser.post(SETUP_URL, {"code": totp_code(secret)})
    assert response["Location"] == "/admin/tai-khoan/ma-khoi-phuc/"
    codes = shown_codes(browser, response["Location"])
    assert len(codes) == 10 and len(set(codes)) == 10
    assert browser.get("/admin/tai-khoan/ma-khoi-phuc/")["Location"] == SETUP_URL  # shown once
    with schema_context(portal_a.schema_name):
        state = AccountState.objects.get(user=editor)
        assert state.totp_secret.startswith("gAAAAA") and secret not in state.totp_secret
        assert all(code.replace("-", "") not in "".join(state.recovery_codes) for code in codes)
    browser.post("/admin/logout/")

    browser, _ = login(portal_a, "bientap")
    assert browser.post(VERIFY_URL, {"code": codes[3].upper()}).status_code == 302
    assert browser.get("/admin/").status_code == 200
    assert events(portal_a, "recovery_code_used", target="bientap")
    browser.post("/admin/logout/")
    browser, _ = login(portal_a, "bientap")
    response = browser.post(VERIFY_URL, {"code": codes[3]})
    assert "Mã xác thực không đúng" in response.content.decode()

    # New codes (with a current code) replace the old ones.
    response = browser.post(VERIFY_URL, {"code": codes[4]})
    assert response.status_code == 302
    response = browser.post(SETUP_URL, {"action": "renew", "code": totp_code(secret, time.time() + 30)})
    assert response["Location"] == "/admin/tai-khoan/ma-khoi-phuc/"
    fresh = shown_codes(browser, response["Location"])
    assert len(fresh) == 10 and not set(fresh) & set(codes)
    browser.post("/admin/logout/")
    browser, _ = login(portal_a, "bientap")
    assert "Mã xác thực không đúng" in browser.post(VERIFY_URL, {"code": codes[5]}).content.decode()
    assert browser.post(VERIFY_URL, {"code": fresh[0]}).status_code == 302
