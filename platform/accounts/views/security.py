"""Admin pages of one's own account (password change, two-factor) and the board head's
page of sign-in lockouts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts import lockout, security, totp
from accounts.audit import Action, client_ip, record
from accounts.forms import OtpCodeForm, OtpDisableForm, PasswordChangeForm, RecoveryRenewForm
from accounts.models import AccountPolicy, AccountState
from signin.models import PLATFORM_REALM, SignInLockout
from signin.qr import qr_svg
from tenants.current import schema_name

SETUP_SECRET = "cong_totp_setup_secret"
# Recovery codes are shown once, on the page after they are made, then only their hashes
# remain.
FRESH_CODES = "cong_fresh_recovery_codes"


def _safe_next(request: HttpRequest, value: str | None, default: str) -> str:
    if value and url_has_allowed_host_and_scheme(value, {request.get_host()}, request.is_secure()):
        return value
    return reverse(default)


def _render(request: HttpRequest, template: str, title: str, **context) -> TemplateResponse:
    return TemplateResponse(request, template, {"page_title": title, "header_title": title, **context})


@sensitive_post_parameters()
def change_password(request: HttpRequest) -> HttpResponse:
    if not security.is_local_password_user(request.user):
        messages.info(request, _("Tài khoản hệ thống đổi mật khẩu ở trang quản trị hệ thống."))
        return redirect("wagtailadmin_home")
    policy = AccountPolicy.current(request)
    reason = security.password_change_reason(request.user, policy)
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        # Other sessions of this user end (their auth hash no longer matches); this one stays.
        update_session_auth_hash(request, user)
        messages.success(request, _("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."))
        return redirect("wagtailadmin_home")
    state = AccountState.for_user(request.user)
    return _render(
        request,
        "accounts/change_password.html",
        _("Đổi mật khẩu"),
        form=form,
        reason=reason,
        expires_at=state.password_expires_at(policy.password_max_age_days),
    )


def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second sign-in step: the code of the user's authenticator app, or one of the
    recovery codes."""
    if not request.session.get(security.OTP_PENDING):
        return redirect("wagtailadmin_home")
    user = request.user
    name = security.signin_name(user)
    state = security.two_factor_state(user)
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if state.accept_code(code) or state.use_recovery_code(code):
            if len(code.strip()) > totp.DIGITS:
                record(Action.RECOVERY_CODE_USED, actor=user.get_username(), target=name,
                       detail=f"còn {len(state.recovery_codes)} mã")
            del request.session[security.OTP_PENDING]
            request.session.cycle_key()
            return redirect(_safe_next(request, request.GET.get("next"), "wagtailadmin_home"))
        policy = AccountPolicy.current(request)
        caused = lockout.register_failure(name, client_ip(request), policy)
        record(Action.TWO_FACTOR_FAILED, actor=user.get_username(), target=name)
        for lock in caused:
            record(Action.LOCKOUT, actor=user.get_username(), target=lock.key,
                   detail=f"{lock.get_scope_display()}, sai mã xác thực hai bước")
        locks = lockout.active_lockouts(name, client_ip(request))
        if locks:
            text = lockout.lockout_message(locks[0])
            logout(request)
            messages.error(request, text)
            return redirect("wagtailadmin_login")
        form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return _render(request, "accounts/otp_verify.html", _("Xác thực hai bước"), form=form)


def otp_setup(request: HttpRequest) -> HttpResponse:
    """Turn two-factor on: show a new secret and its QR code, confirm it with a code."""
    user = request.user
    if not (security.is_local_password_user(user) or security.is_mapped(user)):
        raise PermissionDenied
    state = security.two_factor_state(user)
    if state.totp_enabled:
        return otp_manage(request, state)
    secret = request.session.get(SETUP_SECRET) or totp.generate_secret()
    request.session[SETUP_SECRET] = secret
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(secret, form.cleaned_data["code"])
        if step is not None:
            codes = state.enable_totp(secret, step)
            del request.session[SETUP_SECRET]
            request.session[FRESH_CODES] = codes
            record(Action.TWO_FACTOR_ENABLED, target=security.signin_name(user))
            messages.success(request, _("Đã bật xác thực hai bước. Lần đăng nhập sau sẽ hỏi mã xác thực."))
            return redirect("accounts_recovery_codes")
        form.add_error("code", _("Mã xác thực không đúng. Kiểm tra giờ của điện thoại rồi thử lại."))
    portal_name = getattr(getattr(request, "tenant", None), "name", "") or "Cổng thông tin"
    uri = totp.provisioning_uri(secret, security.signin_name(user), portal_name)
    return _render(
        request,
        "accounts/otp_setup.html",
        _("Bật xác thực hai bước"),
        form=form,
        secret=secret,
        secret_grouped=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=uri,
        qr=qr_svg(uri, _("Mã QR để thêm tài khoản vào ứng dụng xác thực")),
        platform_account=security.is_mapped(user),
    )


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes just made, shown this once."""
    codes = request.session.pop(FRESH_CODES, None)
    if not codes:
        return redirect("accounts_otp_setup")
    return _render(request, "accounts/recovery_codes.html", _("Mã khôi phục"), codes=codes)


@sensitive_post_parameters()
def otp_manage(request: HttpRequest, state) -> HttpResponse:
    """Two-factor is on: new recovery codes with a current code; turned off with the
    password and a code, unless it is required of this user."""
    required = security.totp_required(request.user, AccountPolicy.current(request))
    can_disable = not required and security.is_local_password_user(request.user)
    disable_form = OtpDisableForm(request.POST if request.POST.get("action") == "disable" else None)
    renew_form = RecoveryRenewForm(request.POST if request.POST.get("action") == "renew" else None)
    if request.method == "POST" and request.POST.get("action") == "renew" and renew_form.is_valid():
        if state.accept_code(renew_form.cleaned_data["code"]):
            request.session[FRESH_CODES] = state.renew_recovery_codes()
            record(Action.RECOVERY_CODES_RENEWED, target=security.signin_name(request.user))
            return redirect("accounts_recovery_codes")
        renew_form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
    if request.method == "POST" and request.POST.get("action") == "disable" and can_disable and (
        disable_form.is_valid()
    ):
        if not request.user.check_password(disable_form.cleaned_data["password"]):
            disable_form.add_error("password", _("Mật khẩu hiện tại không đúng."))
        elif not state.accept_code(disable_form.cleaned_data["code"]):
            disable_form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
        else:
            state.disable_totp()
            record(Action.TWO_FACTOR_DISABLED, target=request.user.get_username())
            messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("wagtailadmin_account")
    return _render(
        request, "accounts/otp_manage.html", _("Xác thực hai bước"), form=disable_form,
        renew_form=renew_form, state=state, required=required, can_disable=can_disable,
        codes_left=len(state.recovery_codes),
    )


def _require_manager(request: HttpRequest) -> None:
    if not security.can_manage_accounts(request.user):
        raise PermissionDenied


def _lockouts_here():
    """What a board head sees and may unlock: this portal's own accounts and addresses.
    Platform accounts are unlocked by the operators in the console."""
    return SignInLockout.objects.filter(
        Q(scope=SignInLockout.Scope.ACCOUNT, realm=schema_name()) | Q(scope=SignInLockout.Scope.IP)
    )


def lockouts(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    now = timezone.now()
    mine = _lockouts_here()
    in_force = mine.filter(unlocked_at__isnull=True, locked_until__gt=now)
    recent = mine.exclude(pk__in=in_force.values("pk"))[:50]
    platform_locked = SignInLockout.objects.filter(
        scope=SignInLockout.Scope.ACCOUNT, realm=PLATFORM_REALM, unlocked_at__isnull=True,
        locked_until__gt=now,
    )
    return _render(
        request, "accounts/lockouts.html", _("Khoá đăng nhập"), in_force=in_force, recent=recent,
        platform_locked=platform_locked,
    )


@require_POST
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    lock = get_object_or_404(_lockouts_here(), pk=pk)
    if lock.in_force:
        lockout.unlock(lock, request.user.get_username())
        record(Action.UNLOCK, target=lock.key, detail=lock.get_scope_display())
        messages.success(request, _("Đã mở khoá đăng nhập cho %(key)s.") % {"key": lock.key})
    return redirect(_safe_next(request, request.POST.get("next"), "accounts_lockouts"))
