"""Model permissions of the portal roles on content kept outside the page tree.

Page rights come from accounts.roles (granted on the tree); snippets (categories, issuing
authorities, schedules, officials…) and per-portal settings need model permissions. They are
derived from what is registered, so a new snippet is covered without touching this file.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import DraftStateMixin
from wagtail.snippets.models import get_snippet_models

from accounts import roles

# Actions on snippets per role. "publish" exists only for snippets with draft state; those
# go through the board's workflow like pages.
SNIPPET_ACTIONS = {
    roles.CONTRIBUTOR: ["add", "view"],
    roles.EDITOR: ["add", "change", "view"],
    roles.APPROVER: ["add", "change", "view", "publish"],
    roles.BOARD_HEAD: ["add", "change", "view", "publish", "delete"],
    roles.PROVINCE_OVERSIGHT: ["view"],
}
# Per-portal settings (contact details, theme, account policy) belong to the board head.
SETTINGS_ROLES = [roles.BOARD_HEAD]


def _settings_models() -> list[type]:
    from django.apps import apps

    return [
        model
        for model in apps.get_models()
        if issubclass(model, BaseSiteSetting) and not model._meta.abstract
    ]


def ensure_content_permissions() -> None:
    """Grant each role its snippet and settings permissions. Idempotent; adds only."""
    snippet_types = {model: ContentType.objects.get_for_model(model) for model in get_snippet_models()}
    for name, actions in SNIPPET_ACTIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        wanted = []
        for model, content_type in snippet_types.items():
            for action in actions:
                if action == "publish" and not issubclass(model, DraftStateMixin):
                    continue
                wanted.append((content_type, f"{action}_{model._meta.model_name}"))
        if name in SETTINGS_ROLES:
            for model in _settings_models():
                content_type = ContentType.objects.get_for_model(model)
                wanted.append((content_type, f"change_{model._meta.model_name}"))
        permissions = [
            permission
            for content_type, codename in wanted
            if (permission := Permission.objects.filter(content_type=content_type, codename=codename).first())
        ]
        group.permissions.add(*permissions)
