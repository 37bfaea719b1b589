"""Locking sign-in after repeated failures, per account name and per IP address.

Failures and lockouts are rows in the portal's schema, shared by every worker and kept
across restarts. `LockoutBackend` comes first among the authentication backends: while a
lockout is in force even the right password is refused.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.audit import client_ip, in_portal
from accounts.models import AccountPolicy, FailedLogin, LoginLockout

Scope = LoginLockout.Scope


def account_key(username: str | None) -> str:
    """Lockouts ignore case, so "TruongBan" and "truongban" share a counter."""
    return (username or "").strip().lower()[:150]


def active_lockouts(username: str | None, ip: str | None) -> list[LoginLockout]:
    """Lockouts in force for this account name or this address, latest end first."""
    condition = Q()
    if account_key(username):
        condition |= Q(scope=Scope.ACCOUNT, key=account_key(username))
    if ip:
        condition |= Q(scope=Scope.IP, key=ip)
    if not condition:
        return []
    return list(
        LoginLockout.objects.filter(condition, unlocked_at__isnull=True, locked_until__gt=timezone.now())
        .order_by("-locked_until")
    )


def _lock_if_over(scope: str, key: str, threshold: int, policy: AccountPolicy,
                  now: dt.datetime) -> LoginLockout | None:
    if not threshold or not key:
        return None
    counting = _counting(scope, key)
    recent = counting.filter(at__gte=now - dt.timedelta(minutes=policy.lockout_window_minutes))
    if recent.count() < threshold:
        return None
    _clear(scope, key)
    return LoginLockout.objects.create(
        scope=scope, key=key, locked_at=now, locked_until=now + dt.timedelta(minutes=policy.lockout_minutes)
    )


def _counting(scope: str, key: str):
    if scope == Scope.ACCOUNT:
        return FailedLogin.objects.filter(username=key, counts_for_account=True)
    return FailedLogin.objects.filter(ip_address=key, counts_for_ip=True)


def _clear(scope: str, key: str) -> None:
    flag = "counts_for_account" if scope == Scope.ACCOUNT else "counts_for_ip"
    _counting(scope, key).update(**{flag: False})


def register_failure(username: str | None, ip: str | None, policy: AccountPolicy) -> list[LoginLockout]:
    """Count a failed sign-in; return the lockouts it caused (none while already locked)."""
    now = timezone.now()
    key = account_key(username)
    if active_lockouts(username, ip):
        FailedLogin.objects.create(
            username=key, ip_address=ip, at=now, counts_for_account=False, counts_for_ip=False
        )
        return []
    FailedLogin.objects.create(username=key, ip_address=ip, at=now)
    caused = [
        _lock_if_over(Scope.ACCOUNT, key, policy.lockout_threshold, policy, now),
        _lock_if_over(Scope.IP, ip or "", policy.ip_lockout_threshold, policy, now),
    ]
    return [lock for lock in caused if lock is not None]


def forget_failures(username: str | None) -> None:
    """After a successful sign-in the account's earlier failures no longer count."""
    _clear(Scope.ACCOUNT, account_key(username))


def unlock(lockout: LoginLockout, by: str) -> None:
    lockout.unlocked_at = timezone.now()
    lockout.unlocked_by = by
    lockout.save(update_fields=["unlocked_at", "unlocked_by"])
    _clear(lockout.scope, lockout.key)


def lockout_message(lockout: LoginLockout) -> str:
    until = timezone.localtime(lockout.locked_until).strftime("%H:%M")
    if lockout.scope == Scope.IP:
        return _(
            "Địa chỉ IP của bạn đã bị tạm khoá đăng nhập do nhập sai nhiều lần, đến %(time)s. "
            "Vui lòng thử lại sau thời điểm đó."
        ) % {"time": until}
    return _(
        "Tài khoản đã bị tạm khoá do đăng nhập sai nhiều lần, đến %(time)s. Vui lòng thử lại "
        "sau thời điểm đó hoặc đề nghị Trưởng Ban Biên tập mở khoá."
    ) % {"time": until}


class LockoutBackend:
    """Refuses every sign-in (even with the right password) while a lockout is in force.

    Raising PermissionDenied stops Django from trying the other backends and sends
    `user_login_failed`, which is recorded in the audit trail.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if in_portal() and username and active_lockouts(username, client_ip(request)):
            raise PermissionDenied
        return None

    # No get_user(): it never signs anyone in, and Django's test client's force_login()
    # picks the first backend that has one.
