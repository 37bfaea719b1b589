"""Locking sign-in after repeated failures, per account name and per IP address.

The counting is shared by the console and every portal (`signin.store`): a platform
account's name is counted once for the whole platform, under the platform's rules; a
portal's own account in its portal, under the portal's `AccountPolicy`; an address across
everything. `LockoutBackend` comes first among the authentication backends: while a lockout
is in force even the right password is refused, in the console and in every portal.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import client_ip
from signin import store
from signin.models import PLATFORM_REALM, SignInLockout
from signin.policy import platform_policy
from tenants.current import in_public_schema, is_public, schema_name

Scope = SignInLockout.Scope
account_key = store.account_key


def is_platform_name(username: str | None) -> bool:
    with in_public_schema():
        return get_user_model()._default_manager.filter(username__iexact=(username or "").strip()).exists()


def realm_of(username: str | None) -> str:
    """Whose rules count this name here: in the console, the platform's; in a portal, the
    portal's own user of that name, else the platform account of that name, else the
    portal (names nobody has are counted where they were tried)."""
    if is_public():
        return PLATFORM_REALM
    name = (username or "").strip()
    if get_user_model()._default_manager.filter(username__iexact=name).exists():
        return schema_name()
    if is_platform_name(name):
        return PLATFORM_REALM
    return schema_name()


def active_lockouts(username: str | None, ip: str | None) -> list[SignInLockout]:
    return store.active_lockouts(realm_of(username), username, ip)


def register_failure(username: str | None, ip: str | None, policy) -> list[SignInLockout]:
    """Count a failure here; `policy` is the place's (the portal's, or the platform's in the
    console)."""
    realm = realm_of(username)
    account_rules = platform_policy() if realm == PLATFORM_REALM else policy
    return store.register_failure(realm, username, ip, account_rules, policy)


def forget_failures(username: str | None) -> None:
    store.forget_failures(realm_of(username), username)


def unlock(lockout: SignInLockout, by: str) -> None:
    store.unlock(lockout, by)


def lockout_message(lockout: SignInLockout) -> str:
    until = timezone.localtime(lockout.locked_until).strftime("%H:%M")
    if lockout.scope == Scope.IP:
        return _(
            "Địa chỉ IP của bạn đã bị tạm khoá đăng nhập do nhập sai nhiều lần, đến %(time)s. "
            "Vui lòng thử lại sau thời điểm đó."
        ) % {"time": until}
    if lockout.is_platform_account:
        return _(
            "Tài khoản đã bị tạm khoá trên toàn hệ thống do đăng nhập sai nhiều lần, đến %(time)s. "
            "Vui lòng thử lại sau thời điểm đó hoặc đề nghị quản trị hệ thống mở khoá."
        ) % {"time": until}
    return _(
        "Tài khoản đã bị tạm khoá do đăng nhập sai nhiều lần, đến %(time)s. Vui lòng thử lại "
        "sau thời điểm đó hoặc đề nghị Trưởng Ban Biên tập mở khoá."
    ) % {"time": until}


class LockoutBackend:
    """Refuses every sign-in (even with the right password) while a lockout is in force,
    in the console and in every portal.

    Raising PermissionDenied stops Django from trying the other backends and sends
    `user_login_failed`, which is counted and recorded in the audit trail.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and active_lockouts(username, client_ip(request)):
            raise PermissionDenied
        return None

    # No get_user(): it never signs anyone in, and Django's test client's force_login()
    # picks the first backend that has one.
