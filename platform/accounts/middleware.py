"""The account rules on every request of a portal.

In order: idle timeout (sign out after the policy's minutes without a request), the second
sign-in step for users with two-factor on, the forced password change (first sign-in with
an issued password, or a password older than the policy allows), and two-factor set-up
when the portal makes it mandatory for approvers. Until the user has done what is asked,
every /admin/ URL leads to that one page (sign-out and the admin's JavaScript translations
stay reachable) and public pages see an anonymous visitor.
"""

from __future__ import annotations

import time
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts import audit, security
from accounts.audit import Action
from accounts.models import AccountPolicy, AccountState

# How often the last-activity time is written to the session (seconds).
ACTIVITY_RESOLUTION = 60

ALWAYS_OPEN = ("wagtailadmin_logout", "wagtailadmin_javascript_catalog", "wagtailadmin_sprite")


class AccountSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = audit.bind_request(request)
        try:
            response = self.check(request) if audit.in_portal() else None
            return response or self.get_response(request)
        finally:
            audit.unbind_request(token)

    # --- checks ---------------------------------------------------------------------------

    def check(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        admin_prefix = reverse("wagtailadmin_home")
        in_admin = request.path.startswith(admin_prefix)
        policy = AccountPolicy.current(request)

        response = self.check_idle(request, user, policy, in_admin)
        if response is not None or not request.user.is_authenticated:
            return response

        if request.session.get(security.OTP_PENDING):
            return self.hold(request, in_admin, "accounts_otp_verify")

        if security.is_mapped(user):
            # Password rules of the platform account live in the console; its second
            # factor is mandatory everywhere, so one is set up here if it has none yet.
            if security.must_set_up_totp(user, policy):
                text = _(
                    "Tài khoản hệ thống (quản trị hệ thống, Ban Biên tập Cổng tỉnh) phải dùng xác thực "
                    "hai bước. Hãy bật xác thực hai bước trước khi làm việc khác."
                )
                return self.hold(request, in_admin, "accounts_otp_setup", text)
            return None
        if not security.is_local_password_user(user):
            return None
        state = AccountState.for_user(user)
        reason = security.password_change_reason(user, policy, state)
        if reason is not None:
            if reason == security.INITIAL:
                text = _(
                    "Bạn đang dùng mật khẩu được cấp. Theo quy chế, bạn phải đổi mật khẩu ở lần "
                    "đăng nhập đầu tiên trước khi làm việc khác."
                )
            else:
                text = _(
                    "Mật khẩu của bạn đã dùng quá %(days)d ngày. Theo quy chế, bạn phải đổi mật "
                    "khẩu trước khi làm việc khác."
                ) % {"days": policy.password_max_age_days}
            return self.hold(request, in_admin, "accounts_change_password", text)

        if security.must_set_up_totp(user, policy, state):
            text = _(
                "Cổng yêu cầu người duyệt tin bài dùng xác thực hai bước. Hãy bật xác thực hai "
                "bước trước khi làm việc khác."
            )
            return self.hold(request, in_admin, "accounts_otp_setup", text)
        return None

    def check_idle(self, request, user, policy: AccountPolicy, in_admin: bool):
        now = time.time()
        last_seen = request.session.get(security.LAST_SEEN)
        limit = policy.idle_timeout_minutes * 60
        if limit and last_seen and now - last_seen > limit:
            audit.record(
                Action.SESSION_EXPIRED,
                actor=user.get_username(),
                target=user.get_username(),
                detail=f"không thao tác quá {policy.idle_timeout_minutes} phút",
                request=request,
            )
            request._cong_idle_logout = True
            logout(request)
            if not in_admin:
                return None
            messages.warning(
                request,
                _(
                    "Phiên làm việc đã kết thúc vì bạn không thao tác quá %(minutes)d phút. "
                    "Vui lòng đăng nhập lại."
                )
                % {"minutes": policy.idle_timeout_minutes},
            )
            return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': request.get_full_path()})}")
        if not last_seen or now - last_seen >= ACTIVITY_RESOLUTION:
            request.session[security.LAST_SEEN] = now
        return None

    def hold(self, request, in_admin: bool, url_name: str, text: str | None = None):
        """Send every admin request to `url_name`; public pages see an anonymous visitor."""
        if not in_admin:
            request.user = AnonymousUser()
            return None
        target = reverse(url_name)
        if request.path == target or request.path in {reverse(name) for name in ALWAYS_OPEN}:
            return None
        if text and request.method == "GET":
            messages.warning(request, text)
        return redirect(target)
