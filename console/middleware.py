"""The account rules on every request of the console, as the portals have them:

idle timeout, the second sign-in step, the forced password change (issued or expired), and
two-factor enrolment, which is mandatory for operators and the province board. Until the
account has done what is asked, every console page leads to that one page.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import security
from console.journal import Action, log
from signin.accounts import INITIAL, needs_enrolment, password_change_reason, state_of
from signin.policy import platform_policy
from tenants.current import is_public

ACTIVITY_RESOLUTION = 60
ALWAYS_OPEN = ("console:logout", "console:recovery_codes")


def _url(request, name: str) -> str:
    # Middleware runs before Django switches to the console's URLs (request.urlconf).
    return reverse(name, urlconf=getattr(request, "urlconf", None))


class ConsoleSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = None
        user = getattr(request, "user", None)
        if is_public() and user is not None and user.is_authenticated:
            response = self.check(request, user)
        return response or self.get_response(request)

    def check(self, request, user):
        policy = platform_policy()
        now = time.time()
        last_seen = request.session.get(security.LAST_SEEN)
        limit = policy.idle_timeout_minutes * 60
        if limit and last_seen and now - last_seen > limit:
            log(Action.SESSION_EXPIRED, user.get_username(),
                f"không thao tác quá {policy.idle_timeout_minutes} phút", request)
            request._cong_idle_logout = True
            logout(request)
            messages.warning(
                request,
                _(
                    "Phiên làm việc đã kết thúc vì bạn không thao tác quá %(minutes)d phút. "
                    "Vui lòng đăng nhập lại."
                )
                % {"minutes": policy.idle_timeout_minutes},
            )
            login_url = _url(request, "console:login")
            return redirect(f"{login_url}?{urlencode({'next': request.get_full_path()})}")
        if not last_seen or now - last_seen >= ACTIVITY_RESOLUTION:
            request.session[security.LAST_SEEN] = now

        if request.session.get(security.OTP_PENDING):
            return self.hold(request, "console:otp_verify")
        state = state_of(user.pk)
        reason = password_change_reason(state)
        if reason is not None:
            if reason == INITIAL:
                text = _("Bạn đang dùng mật khẩu được cấp: hãy đổi mật khẩu trước khi làm việc khác.")
            else:
                text = _(
                    "Mật khẩu của bạn đã dùng quá %(days)d ngày: hãy đổi mật khẩu trước khi làm việc khác."
                ) % {"days": policy.password_max_age_days}
            return self.hold(request, "console:change_password", text)
        if needs_enrolment(state):
            text = _(
                "Tài khoản hệ thống phải dùng xác thực hai bước. Hãy bật xác thực hai bước trước "
                "khi làm việc khác."
            )
            return self.hold(request, "console:otp_setup", text)
        return None

    def hold(self, request, url_name: str, text: str | None = None):
        target = _url(request, url_name)
        if request.path == target or request.path in {_url(request, name) for name in ALWAYS_OPEN}:
            return None
        if text and request.method == "GET":
            messages.warning(request, text)
        return redirect(target)
