"""Admin pages of one's own account (password change, two-factor) and the board head's
page of sign-in lockouts."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.core.exceptions import PermissionDenied
from django.db import transaction
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
from accounts.forms import OtpCodeForm, OtpDisableForm, PasswordChangeForm
from accounts.models import AccountPolicy, AccountState, LoginLockout

SETUP_SECRET = "cong_totp_setup_secret"


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
    """The second sign-in step: the code of the user's authenticator app."""
    if not request.session.get(security.OTP_PENDING):
        return redirect("wagtailadmin_home")
    user = request.user
    state = AccountState.for_user(user)
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(
            state.totp_secret, form.cleaned_data["code"], after_step=state.totp_last_step
        )
        if step is not None:
            state.totp_last_step = step
            state.save(update_fields=["totp_last_step"])
            del request.session[security.OTP_PENDING]
            request.session.cycle_key()
            return redirect(_safe_next(request, request.GET.get("next"), "wagtailadmin_home"))
        policy = AccountPolicy.current(request)
        caused = lockout.register_failure(user.get_username(), client_ip(request), policy)
        record(Action.TWO_FACTOR_FAILED, actor=user.get_username(), target=user.get_username())
        for lock in caused:
            record(Action.LOCKOUT, actor=user.get_username(), target=lock.key,
                   detail=f"{lock.get_scope_display()}, sai mã xác thực hai bước")
        locks = lockout.active_lockouts(user.get_username(), client_ip(request))
        if locks:
            text = lockout.lockout_message(locks[0])
            logout(request)
            messages.error(request, text)
            return redirect("wagtailadmin_login")
        form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
    return _render(request, "accounts/otp_verify.html", _("Xác thực hai bước"), form=form)


def otp_setup(request: HttpRequest) -> HttpResponse:
    """Turn two-factor on: show a new secret, confirm it with a code."""
    if not security.is_local_password_user(request.user):
        raise PermissionDenied
    state = AccountState.for_user(request.user)
    if state.totp_enabled:
        return otp_manage(request, state)
    secret = request.session.get(SETUP_SECRET) or totp.generate_secret()
    request.session[SETUP_SECRET] = secret
    form = OtpCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        step = totp.matching_step(secret, form.cleaned_data["code"])
        if step is not None:
            state.totp_secret = secret
            state.totp_enabled_at = timezone.now()
            state.totp_last_step = step
            state.save(update_fields=["totp_secret", "totp_enabled_at", "totp_last_step"])
            del request.session[SETUP_SECRET]
            record(Action.TWO_FACTOR_ENABLED, target=request.user.get_username())
            messages.success(request, _("Đã bật xác thực hai bước. Lần đăng nhập sau sẽ hỏi mã xác thực."))
            return redirect("wagtailadmin_home")
        form.add_error("code", _("Mã xác thực không đúng. Kiểm tra giờ của điện thoại rồi thử lại."))
    portal_name = getattr(getattr(request, "tenant", None), "name", "") or "Cổng thông tin"
    return _render(
        request,
        "accounts/otp_setup.html",
        _("Bật xác thực hai bước"),
        form=form,
        secret=secret,
        secret_grouped=" ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        uri=totp.provisioning_uri(secret, request.user.get_username(), portal_name),
    )


@sensitive_post_parameters()
def otp_manage(request: HttpRequest, state: AccountState) -> HttpResponse:
    """Two-factor is on: it can be turned off with the password and a code, unless the
    portal requires it of this user."""
    required = AccountPolicy.current(request).require_2fa_for_approvers and security.is_approver(request.user)
    form = OtpDisableForm(request.POST or None)
    if request.method == "POST" and not required and form.is_valid():
        step = totp.matching_step(
            state.totp_secret, form.cleaned_data["code"], after_step=state.totp_last_step
        )
        if not request.user.check_password(form.cleaned_data["password"]):
            form.add_error("password", _("Mật khẩu hiện tại không đúng."))
        elif step is None:
            form.add_error("code", _("Mã xác thực không đúng hoặc đã hết hạn."))
        else:
            state.totp_secret = ""
            state.totp_enabled_at = None
            state.save(update_fields=["totp_secret", "totp_enabled_at"])
            record(Action.TWO_FACTOR_DISABLED, target=request.user.get_username())
            messages.success(request, _("Đã tắt xác thực hai bước."))
            return redirect("wagtailadmin_account")
    return _render(
        request, "accounts/otp_manage.html", _("Xác thực hai bước"), form=form, state=state, required=required
    )


def _require_manager(request: HttpRequest) -> None:
    if not security.can_manage_accounts(request.user):
        raise PermissionDenied


def lockouts(request: HttpRequest) -> HttpResponse:
    _require_manager(request)
    now = timezone.now()
    in_force = LoginLockout.objects.filter(unlocked_at__isnull=True, locked_until__gt=now)
    recent = LoginLockout.objects.exclude(pk__in=in_force.values("pk"))[:50]
    return _render(
        request, "accounts/lockouts.html", _("Khoá đăng nhập"), in_force=in_force, recent=recent
    )


@require_POST
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    _require_manager(request)
    lock = get_object_or_404(LoginLockout, pk=pk)
    if lock.in_force:
        lockout.unlock(lock, request.user.get_username())
        record(Action.UNLOCK, target=lock.key, detail=lock.get_scope_display())
        messages.success(request, _("Đã mở khoá đăng nhập cho %(key)s.") % {"key": lock.key})
    return redirect(_safe_next(request, request.POST.get("next"), "accounts_lockouts"))
