"""Permissions by role group for the board's registers (calendar exceptions, questions,
comments).

The role groups (accounts.roles) carry page and media rights only; these registers are
granted by group membership here, so they need no Django permission rows that
`ensure_roles` would reset.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from wagtail.permission_policies.base import BasePermissionPolicy

from .roles import APPROVER, BOARD_HEAD, CONTRIBUTOR, EDITOR

STAFF_GROUPS = frozenset({CONTRIBUTOR, EDITOR, APPROVER, BOARD_HEAD})
BOARD_GROUPS = frozenset({APPROVER, BOARD_HEAD})


def user_groups(user) -> frozenset[str]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return frozenset()
    cached = getattr(user, "_role_group_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._role_group_names = cached
    return cached


def in_groups(user, groups: Iterable[str]) -> bool:
    """Whether `user` is a superuser or belongs to one of `groups`."""
    if getattr(user, "is_superuser", False) and user.is_active:
        return True
    return bool(user_groups(user) & frozenset(groups))


class RoleGroupPolicy(BasePermissionPolicy):
    """Grants each action to the groups named for it in `rules`; superusers may do all."""

    def __init__(self, model, rules: Mapping[str, Iterable[str]]):
        super().__init__(model)
        self.rules = {action: frozenset(groups) for action, groups in rules.items()}

    def user_has_permission(self, user, action: str) -> bool:
        return in_groups(user, self.rules.get(action, ()))

    def users_with_any_permission(self, actions: Iterable[str]) -> QuerySet:
        groups: set[str] = set()
        for action in actions:
            groups |= self.rules.get(action, frozenset())
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__name__in=groups), is_active=True)
            .distinct()
        )
