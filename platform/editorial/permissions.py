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

# Actions on snippets per role. Snippets with draft state (the leaders' schedule) go through
# the board's workflow like pages, so editors may draft them and approvers publish. The others
# (categories, issuing authorities, fields…) are live as soon as they are saved, so only those
# who may publish anyway (the board) create or change them; contributors and editors choose
# from them.
DRAFTED_SNIPPET_ACTIONS = {
    roles.CONTRIBUTOR: ["add", "view"],
    roles.EDITOR: ["add", "change", "view"],
    roles.APPROVER: ["add", "change", "view", "publish"],
    roles.BOARD_HEAD: ["add", "change", "view", "publish", "delete"],
    roles.PROVINCE_OVERSIGHT: ["view"],
}
LIVE_SNIPPET_ACTIONS = {
    roles.CONTRIBUTOR: ["view"],
    roles.EDITOR: ["view"],
    roles.APPROVER: ["add", "change", "view"],
    roles.BOARD_HEAD: ["add", "change", "view", "delete"],
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
    """Give each role exactly its snippet and settings permissions. Idempotent."""
    snippet_types = {model: ContentType.objects.get_for_model(model) for model in get_snippet_models()}
    settings_types = {model: ContentType.objects.get_for_model(model) for model in _settings_models()}
    managed = list(snippet_types.values()) + list(settings_types.values())
    for name in DRAFTED_SNIPPET_ACTIONS:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        wanted = []
        for model, content_type in snippet_types.items():
            drafted = issubclass(model, DraftStateMixin)
            actions = (DRAFTED_SNIPPET_ACTIONS if drafted else LIVE_SNIPPET_ACTIONS)[name]
            wanted += [(content_type, f"{action}_{model._meta.model_name}") for action in actions]
        if name in SETTINGS_ROLES:
            wanted += [
                (content_type, f"change_{model._meta.model_name}")
                for model, content_type in settings_types.items()
            ]
        permissions = [
            permission
            for content_type, codename in wanted
            if (permission := Permission.objects.filter(content_type=content_type, codename=codename).first())
        ]
        # Replace what the role had on these models (a right taken away here is taken away
        # in every portal at the next migrate_platform); other permissions are left alone.
        group.permissions.remove(*group.permissions.filter(content_type__in=managed))
        group.permissions.add(*permissions)
