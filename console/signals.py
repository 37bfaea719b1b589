"""Sign-in events of the console (public schema): counted in the platform-wide store and
written to the console's journal. The portals' own events are the accounts app's."""

from __future__ import annotations

import time

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver
from django.utils import timezone

from accounts import lockout, security
from accounts.audit import client_ip
from console.journal import Action, log
from signin.accounts import state_of
from signin.policy import platform_policy
from tenants.current import is_public


@receiver(user_logged_in)
def on_console_login(sender, request, user, **kwargs):
    if not is_public() or request is None:
        return
    lockout.forget_failures(user.get_username())
    log(Action.CONSOLE_LOGIN, user.get_username(), request=request)
    request.session[security.LAST_SEEN] = time.time()
    if state_of(user.pk).totp_enabled:
        request.session[security.OTP_PENDING] = True


@receiver(user_login_failed)
def on_console_login_failed(sender, credentials, request=None, **kwargs):
    if not is_public() or request is None:
        return
    username = (credentials.get("username") or "")[:150]
    ip = client_ip(request)
    locked_before = lockout.active_lockouts(username, ip)
    caused = lockout.register_failure(username, ip, platform_policy())
    log(
        Action.CONSOLE_LOGIN_REFUSED,
        username,
        "đăng nhập khi đang bị khoá" if locked_before else "sai tên đăng nhập hoặc mật khẩu",
        request,
    )
    for lock in caused:
        log(
            Action.LOCKOUT,
            username,
            f"{lock.get_scope_display()} {lock.key}, đến "
            f"{timezone.localtime(lock.locked_until):%H:%M %d/%m/%Y}",
            request,
        )


@receiver(user_logged_out)
def on_console_logout(sender, request, user, **kwargs):
    if not is_public() or user is None or request is None or getattr(request, "_cong_idle_logout", False):
        return
    log(Action.CONSOLE_LOGOUT, user.get_username(), request=request)
