"""Counting failed sign-ins and locking, once for the whole platform.

Failures and lockouts are rows in the control plane's schema, shared by every worker, node,
portal and the console, and kept across restarts. An account is counted in its realm: a
platform account's name (`PLATFORM_REALM`) everywhere at once — ten wrong passwords in the
console, or four in each of five portals, lock it in the console and in every portal — and
a portal's own account in its portal. An address is counted across everything.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from django.db.models import Q
from django.utils import timezone

from signin.models import SignInFailure, SignInLockout

Scope = SignInLockout.Scope


class LockoutRules(Protocol):
    lockout_threshold: int
    ip_lockout_threshold: int
    lockout_window_minutes: int
    lockout_minutes: int


def account_key(username: str | None) -> str:
    """Lockouts ignore case, so "TruongBan" and "truongban" share a counter."""
    return (username or "").strip().lower()[:150]


def active_lockouts(realm: str, username: str | None, ip: str | None) -> list[SignInLockout]:
    """Lockouts in force for this account name (in its realm) or this address, latest end
    first."""
    condition = Q()
    if account_key(username):
        condition |= Q(scope=Scope.ACCOUNT, realm=realm, key=account_key(username))
    if ip:
        condition |= Q(scope=Scope.IP, key=ip)
    if not condition:
        return []
    return list(
        SignInLockout.objects.filter(condition, unlocked_at__isnull=True, locked_until__gt=timezone.now())
        .order_by("-locked_until")
    )


def _counting(scope: str, realm: str, key: str):
    if scope == Scope.ACCOUNT:
        return SignInFailure.objects.filter(realm=realm, username=key, counts_for_account=True)
    return SignInFailure.objects.filter(ip_address=key, counts_for_ip=True)


def _clear(scope: str, realm: str, key: str) -> None:
    flag = "counts_for_account" if scope == Scope.ACCOUNT else "counts_for_ip"
    _counting(scope, realm, key).update(**{flag: False})


def _lock_if_over(scope: str, realm: str, key: str, threshold: int, rules: LockoutRules,
                  now: dt.datetime) -> SignInLockout | None:
    if not threshold or not key:
        return None
    recent = _counting(scope, realm, key).filter(
        at__gte=now - dt.timedelta(minutes=rules.lockout_window_minutes)
    )
    if recent.count() < threshold:
        return None
    _clear(scope, realm, key)
    return SignInLockout.objects.create(
        scope=scope, realm=realm if scope == Scope.ACCOUNT else "", key=key, locked_at=now,
        locked_until=now + dt.timedelta(minutes=rules.lockout_minutes),
    )


def register_failure(realm: str, username: str | None, ip: str | None, account_rules: LockoutRules,
                     ip_rules: LockoutRules) -> list[SignInLockout]:
    """Count a failed sign-in; return the lockouts it caused (none while already locked).
    `account_rules` are those of the account's realm, `ip_rules` those of the place."""
    now = timezone.now()
    key = account_key(username)
    if active_lockouts(realm, username, ip):
        SignInFailure.objects.create(
            realm=realm, username=key, ip_address=ip, at=now, counts_for_account=False, counts_for_ip=False
        )
        return []
    SignInFailure.objects.create(realm=realm, username=key, ip_address=ip, at=now)
    caused = [
        _lock_if_over(Scope.ACCOUNT, realm, key, account_rules.lockout_threshold, account_rules, now),
        _lock_if_over(Scope.IP, "", ip or "", ip_rules.ip_lockout_threshold, ip_rules, now),
    ]
    return [lock for lock in caused if lock is not None]


def forget_failures(realm: str, username: str | None) -> None:
    """After a successful sign-in the account's earlier failures no longer count."""
    _clear(Scope.ACCOUNT, realm, account_key(username))


def unlock(lockout: SignInLockout, by: str) -> None:
    lockout.unlocked_at = timezone.now()
    lockout.unlocked_by = by
    lockout.save(update_fields=["unlocked_at", "unlocked_by"])
    _clear(lockout.scope, lockout.realm, lockout.key)
