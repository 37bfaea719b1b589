"""The account rules of platform accounts (operators, the province board): the portals'
defaults from the provincial regulation, set for the whole platform in settings
(CONG_PLATFORM_ACCOUNT_POLICY), with the same names as a portal's `AccountPolicy`."""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.conf import settings


@dataclass(frozen=True)
class PlatformPolicy:
    password_max_age_days: int = 60
    password_history: int = 5
    lockout_threshold: int = 5
    ip_lockout_threshold: int = 5
    lockout_window_minutes: int = 15
    lockout_minutes: int = 15
    idle_timeout_minutes: int = 30
    # Operators and the province board always sign in with a second factor.
    require_2fa: bool = True


def platform_policy() -> PlatformPolicy:
    overrides = getattr(settings, "CONG_PLATFORM_ACCOUNT_POLICY", {}) or {}
    known = {f.name for f in fields(PlatformPolicy)}
    return PlatformPolicy(**{k: v for k, v in overrides.items() if k in known})
