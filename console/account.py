"""The console's own-account pages for platform accounts: password change, two-factor
enrolment and the second sign-in step, recovery codes; and the operators' page of
sign-in lockouts across the platform."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from accounts import lockout, security, totp
from accounts.audit import client_ip
from accounts.forms import OtpCodeForm, PasswordChangeForm, RecoveryRenewForm
from console.journal import Action, log
from console.views import OPERATOR, role_required
from signin.accounts import password_change_reason, state_of
from signin.models import SignInLockout
from signin.policy import platform_policy
from signin.qr import qr_svg

SETUP_SECRET = "cong_console_totp_secret"
FRESH_CODES = "cong_console_recovery_codes"
ISSUER = "Quản trị hệ thống Cổng thông tin"


def _signed_in(request: HttpRequest) -> HttpResponse | None:
    if not request.user.is_authenticated:
        return redirect(f"{reverse('console:login')}?next={request.path}")
    return None


def account(request: HttpRequest) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    state = state_of(request.user.pk)
    return render(
        request,
        "console/account.html",
        {
            "state": state,
            "codes_left": len(state.recovery_codes),
            "expires_at": state.password_expires_at(platform_policy().password_max_age_days),
            "renew_form": RecoveryRenewForm(),
        },
    )


@sensitive_post_parameters()
def change_password(request: HttpRequest) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        log(Action.PASSWORD_CHANGED, user.get_username(), request=request)
        messages.success(request, _("Đã đổi mật khẩu. Các phiên đăng nhập khác của bạn đã kết thúc."))
        return redirect("console:portal_list")
    reason = password_change_reason(state_of(request.user.pk))
    return render(request, "console/change_password.html", {"form": form, "reason": reason})


def otp_verify(request: HttpRequest) -> HttpResponse:
    """The second sign-in step: the authenticator's code or a recovery code."""
    if (response := _signed_in(request)) is not None:
        return response
    if not request.session.get(security.OTP_PENDING):
        return redirect("console:portal_list")
    user = request.user
    state = state_of(user.pk)
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        if state.accept_code(code) or state.use_recovery_code(code):
            if len(code.strip()) > totp.DIGITS:
                log(Action.RECOVERY_CODE_USED, user.get_username(),
                    f"còn {len(state.recovery_codes)} mã", request)
            del request.session[security.OTP_PENDING]
            request.session.cycle_key()
            target = request.GET.get("next")
            if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
                return redirect(target)
            return redirect("console:portal_list")
        ip = client_ip(request)
        caused = lockout.register_failure(user.get_username(), ip, platform_policy())
        log(Action.TWO_FACTOR_FAILED, user.get_username(), request=request)
        for lock in caused:
            log(Action.LOCKOUT, user.get_username(), f"{lock.get_scope_display()} {lock.key}", request)
        locks = lockout.active_lockouts(user.get_username(), ip)
        if locks:
            text = lockout.lockout_message(locks[0])
            logout(request)
            messages.error(request, text)
            return redirect("console:login")
        form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return render(request, "console/otp_verify.html", {"form": form})


def otp_setup(request: HttpRequest) -> HttpResponse:
    """Two-factor enrolment: a new secret, its QR code drawn here, confirmed by a code."""
    if (response := _signed_in(request)) is not None:
        return response
    state = state_of(request.user.pk)
    if state.totp_enabled:
        return redirect("console:account")
    secret = request.session.get(SETUP_SECRET) or totp.generate_secret()
    request.session[SETUP_SECRET] = secret
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(secret, form.cleaned_data["code"])
        if step is not None:
            request.session[FRESH_CODES] = state.enable_totp(secret, step)
            del request.session[SETUP_SECRET]
            log(Action.TWO_FACTOR_ENABLED, request.user.get_username(), request=request)
            messages.success(request, _("Đã bật xác thực hai bước."))
            return redirect("console:recovery_codes")
        form.add_error("code", _("Mã xác thực không đúng. Kiểm tra giờ của điện thoại rồi thử lại."))
    uri = totp.provisioning_uri(secret, request.user.get_username(), ISSUER)
    return render(
        request,
        "console/otp_setup.html",
        {
            "form": form,
            "secret": secret,
            "secret_grouped": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
            "uri": uri,
            "qr": qr_svg(uri, _("Mã QR để thêm tài khoản vào ứng dụng xác thực")),
        },
    )


@require_POST
def renew_recovery_codes(request: HttpRequest) -> HttpResponse:
    if (response := _signed_in(request)) is not None:
        return response
    state = state_of(request.user.pk)
    form = RecoveryRenewForm(request.POST)
    if state.totp_enabled and form.is_valid() and state.accept_code(form.cleaned_data["code"]):
        request.session[FRESH_CODES] = state.renew_recovery_codes()
        log(Action.TWO_FACTOR_ENABLED, request.user.get_username(), "cấp lại mã khôi phục", request)
        return redirect("console:recovery_codes")
    messages.error(request, _("Mã xác thực không đúng hoặc đã hết hạn."))
    return redirect("console:account")


def recovery_codes(request: HttpRequest) -> HttpResponse:
    """The recovery codes just made, shown this once."""
    if (response := _signed_in(request)) is not None:
        return response
    codes = request.session.pop(FRESH_CODES, None)
    if not codes:
        return redirect("console:account")
    return render(request, "console/recovery_codes.html", {"codes": codes})


@role_required(OPERATOR)
def lockouts(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    in_force = SignInLockout.objects.filter(unlocked_at__isnull=True, locked_until__gt=now)
    recent = SignInLockout.objects.exclude(pk__in=in_force.values("pk"))[:50]
    return render(request, "console/lockouts.html", {"in_force": in_force, "recent": recent})


@require_POST
@role_required(OPERATOR)
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    lock = get_object_or_404(SignInLockout, pk=pk)
    if not lock.in_force:
        return HttpResponseForbidden(_("Khoá này đã hết hiệu lực."))
    lockout.unlock(lock, request.user.get_username())
    log(Action.UNLOCK, request.user.get_username(), f"{lock.get_scope_display()} {lock.key}", request)
    messages.success(request, _("Đã mở khoá đăng nhập cho %(key)s.") % {"key": lock.key})
    return redirect("console:lockouts")
