"""Decisions about a platform account under the platform's rules."""

from __future__ import annotations

from django.utils import timezone

from signin.models import PlatformAccountState
from signin.policy import platform_policy
from tenants.current import in_public_schema

INITIAL = "initial"
EXPIRED = "expired"


def state_of(user_id: int) -> PlatformAccountState:
    """The platform account's state, read and kept in the control plane's schema (its table
    is there whichever schema the connection is in)."""
    with in_public_schema():
        state, _created = PlatformAccountState.objects.get_or_create(
            user_id=user_id, defaults={"password_changed_at": timezone.now()}
        )
        return state


def password_change_reason(state: PlatformAccountState) -> str | None:
    if state.must_change_password:
        return INITIAL
    expires = state.password_expires_at(platform_policy().password_max_age_days)
    if expires is not None and expires <= timezone.now():
        return EXPIRED
    return None


def needs_enrolment(state: PlatformAccountState) -> bool:
    return platform_policy().require_2fa and not state.totp_enabled
