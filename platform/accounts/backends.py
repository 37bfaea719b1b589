"""Sign-in of platform accounts (operators, province board) into a portal's admin."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import BaseBackend
from django.contrib.auth.models import Group
from django.db import connection, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import roles
from accounts.models import MappedAccount
from tenants.current import current_portal, in_public_schema, is_public

log = logging.getLogger(__name__)

MAPPED_PREFIX = "@"


@dataclass(frozen=True)
class PlatformIdentity:
    user_id: int
    username: str
    role: str
    full_name: str
    email: str


def _client_ip(request: HttpRequest | None) -> str | None:
    from accounts.audit import client_ip

    return client_ip(request)


def _identity_of(role) -> PlatformIdentity:
    user = role.user
    return PlatformIdentity(
        user_id=user.pk,
        username=user.get_username(),
        role=role.role,
        full_name=user.get_full_name(),
        email=user.email,
    )


def platform_identity(username: str, password: str | None) -> tuple[PlatformIdentity | None, bool]:
    """Check credentials against the public schema.

    Returns (identity, known): `known` tells whether a platform account with a role exists
    under that name, so a failed attempt on it can be audited.
    """
    from tenants.models import PlatformRole

    with in_public_schema():
        role = (
            PlatformRole.objects.select_related("user")
            .filter(user__username=username)
            .first()
        )
        if role is None:
            return None, False
        user = role.user
        if not user.is_active or (password is not None and not user.check_password(password)):
            return None, True
        return _identity_of(role), True


def platform_identity_by_id(user_id: int) -> PlatformIdentity | None:
    from tenants.models import PlatformRole

    with in_public_schema():
        role = PlatformRole.objects.select_related("user").filter(user_id=user_id).first()
        if role is None or not role.user.is_active:
            return None
        return _identity_of(role)


def record_event(action: str, actor: str, detail: str = "", request: HttpRequest | None = None) -> None:
    """Write to the portal registry's audit trail for the current portal, and to the
    portal's own trail (`AuditEvent`, the same action names)."""
    from accounts import audit
    from tenants.models import PortalEvent

    portal = current_portal(active_only=False)
    if portal is None:
        return
    PortalEvent.objects.create(
        portal_id=portal.pk, action=action, actor=actor, detail=detail, ip_address=_client_ip(request)
    )
    audit.record(str(action), actor=actor, target=actor, detail=detail, request=request)


class PlatformAccountBackend(BaseBackend):
    """Authenticate a platform account inside a portal and act through its mapped account.

    Operators get full rights in every portal. Province board members act as board members
    in the province portal and may only look in member portals. Local accounts always win:
    a name that belongs to a portal's own user is never taken over.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None or is_public():
            return None
        User = get_user_model()
        local = User.objects.filter(username=username).first()
        if local is not None:
            return None  # a portal's own user: ModelBackend decides
        identity, known = platform_identity(username, password)
        if identity is not None and (reason := self.password_must_change(identity)):
            from tenants.models import PortalEvent

            record_event(PortalEvent.Action.MAPPED_LOGIN_REFUSED, identity.username, reason, request)
            if request is not None:
                request._cong_login_refusal = _(
                    "Mật khẩu tài khoản hệ thống của bạn phải được đổi trước (cấp lần đầu hoặc đã "
                    "quá hạn). Hãy đăng nhập trang quản trị hệ thống để đổi mật khẩu."
                )
            return None
        if identity is None:
            if known:
                from tenants.models import PortalEvent

                record_event(
                    PortalEvent.Action.MAPPED_LOGIN_REFUSED,
                    username,
                    "sai mật khẩu hoặc tài khoản bị khoá",
                    request,
                )
            return None
        return self.map_into_portal(identity, request)

    @staticmethod
    def password_must_change(identity: PlatformIdentity) -> str | None:
        """The platform's password rules: an issued or expired password is changed in the
        console before the account works anywhere."""
        from signin.accounts import EXPIRED, password_change_reason, state_of

        reason = password_change_reason(state_of(identity.user_id))
        if reason is None:
            return None
        return "mật khẩu đã quá hạn" if reason == EXPIRED else "mật khẩu được cấp chưa được đổi"

    @transaction.atomic
    def map_into_portal(self, identity: PlatformIdentity, request: HttpRequest | None = None):
        from tenants.models import PlatformRole, PortalEvent

        User = get_user_model()
        portal = current_portal(active_only=False)
        mapping = MappedAccount.objects.select_related("user").filter(public_user_id=identity.user_id).first()
        if mapping is None:
            local_name = f"{MAPPED_PREFIX}{identity.username}"
            if User.objects.filter(username=local_name).exists():
                # Someone created a local user with the reserved name: refuse, do not merge.
                record_event(
                    PortalEvent.Action.MAPPED_LOGIN_REFUSED,
                    identity.username,
                    f"tên tài khoản {local_name} đã có người dùng khác",
                    request,
                )
                log.warning("mapped login refused in %s: %s taken", connection.schema_name, local_name)
                return None
            user = User(username=local_name)
            user._cong_platform_mapping = True  # the one way to an "@…" name
            mapping = MappedAccount(public_user_id=identity.user_id, public_username=identity.username)
        else:
            user = mapping.user
        first, _sep, last = identity.full_name.rpartition(" ")
        user.first_name, user.last_name = (first, last) if first else (identity.full_name, "")
        user.email = identity.email
        user.is_active = True
        user.is_superuser = identity.role == PlatformRole.Role.OPERATOR
        user.is_staff = False
        user.set_unusable_password()
        user.save()
        if identity.role == PlatformRole.Role.OPERATOR:
            group_names: list[str] = []
        elif portal.is_province:
            group_names = [roles.APPROVER]
        else:
            # Look only, plus what this portal's board head has granted.
            from editorial.models import province_board_groups

            group_names = province_board_groups()
        user.groups.set(Group.objects.filter(name__in=group_names))
        mapping.user = user
        mapping.public_username = identity.username
        mapping.role = identity.role
        mapping.last_mapped_at = timezone.now()
        mapping.save()
        record_event(
            PortalEvent.Action.MAPPED_LOGIN,
            identity.username,
            f"vai trò {identity.role}, tài khoản {user.username}",
            request,
        )
        return user

    def get_user(self, user_id):
        """Reload the mapped account, and drop the session's rights as soon as the platform
        account is deactivated or loses its role."""
        if is_public():
            return None
        mapping = MappedAccount.objects.select_related("user").filter(user_id=user_id).first()
        if mapping is None or not mapping.user.is_active:
            return None
        identity = platform_identity_by_id(mapping.public_user_id)
        if identity is None or identity.role != mapping.role:
            return None
        return mapping.user
