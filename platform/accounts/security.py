"""Decisions about one user under the portal's account policy."""

from __future__ import annotations

from django.utils import timezone

from accounts import roles
from accounts.models import AccountPolicy, AccountState

# Session keys
LAST_SEEN = "cong_last_seen"
OTP_PENDING = "cong_otp_pending"

INITIAL = "initial"
EXPIRED = "expired"


def is_mapped(user) -> bool:
    """A platform account acting in this portal through its reserved "@…" account."""
    return bool(
        user.is_authenticated and user.get_username().startswith("@") and not user.has_usable_password()
        and hasattr(user, "mapped_account")
    )


def signin_name(user) -> str:
    """The name the person signs in with: the platform account's for a mapped account."""
    if is_mapped(user):
        return user.mapped_account.public_username
    return user.get_username()


def two_factor_state(user):
    """Where the user's second factor is kept: the portal's `AccountState` for its own
    users, the platform account's state (control plane) for mapped accounts."""
    if is_mapped(user):
        from signin.accounts import state_of

        return state_of(user.mapped_account.public_user_id)
    return AccountState.for_user(user)


def totp_required(user, policy: AccountPolicy) -> bool:
    """Operators and the province board always; a portal's approvers if the portal says so."""
    if is_mapped(user):
        from signin.policy import platform_policy

        return platform_policy().require_2fa
    return policy.require_2fa_for_approvers and is_approver(user)


def is_local_password_user(user) -> bool:
    """Mapped platform accounts ("@…") have no password here: the password rules, the
    forced change and local two-factor do not apply to them."""
    return user.is_authenticated and user.has_usable_password()


def in_group(user, *names: str) -> bool:
    return user.is_authenticated and user.groups.filter(name__in=names).exists()


def can_manage_accounts(user) -> bool:
    """Board heads and superusers (platform operators) manage users and unlock sign-in."""
    return user.is_authenticated and user.is_active and (
        user.is_superuser or in_group(user, roles.BOARD_HEAD)
    )


def can_read_audit(user) -> bool:
    return can_manage_accounts(user) or in_group(user, roles.PROVINCE_OVERSIGHT)


def is_approver(user) -> bool:
    return in_group(user, roles.APPROVER, roles.BOARD_HEAD)


def password_change_reason(user, policy: AccountPolicy, state: AccountState | None = None) -> str | None:
    """INITIAL when the password was issued by someone else, EXPIRED when too old."""
    if not is_local_password_user(user):
        return None
    state = state or AccountState.for_user(user)
    if state.must_change_password:
        return INITIAL
    expires = state.password_expires_at(policy.password_max_age_days)
    if expires is not None and expires <= timezone.now():
        return EXPIRED
    return None


def must_set_up_totp(user, policy: AccountPolicy, state=None) -> bool:
    if not (is_local_password_user(user) or is_mapped(user)) or not totp_required(user, policy):
        return False
    state = state or two_factor_state(user)
    return not state.totp_enabled
