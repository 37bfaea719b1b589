"""The roles every portal has, as Wagtail groups with their permissions.

Created once in the template schema (so every cloned portal has them) and re-applied by
`migrate_platform`, which keeps permissions in step when they change here.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
)

CONTRIBUTOR = "Cộng tác viên"
EDITOR = "Biên tập viên"
APPROVER = "Thành viên Ban Biên tập"
BOARD_HEAD = "Trưởng Ban Biên tập"
# Province board members opening a member portal: they can look, not change.
PROVINCE_OVERSIGHT = "Giám sát của Cổng tỉnh"

ROLE_LABELS = {
    CONTRIBUTOR: _("Cộng tác viên: soạn và gửi duyệt"),
    EDITOR: _("Biên tập viên: biên tập mọi tin bài, gửi duyệt"),
    APPROVER: _("Thành viên Ban Biên tập: duyệt và xuất bản"),
    BOARD_HEAD: _("Trưởng Ban Biên tập: duyệt, xuất bản, quản lý người dùng"),
    PROVINCE_OVERSIGHT: _("Giám sát của Cổng tỉnh: chỉ xem"),
}

PAGE_PERMISSIONS = {
    CONTRIBUTOR: ["add_page"],
    EDITOR: ["add_page", "change_page"],
    APPROVER: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    BOARD_HEAD: [
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page",
    ],
    PROVINCE_OVERSIGHT: [],
}

MEDIA_PERMISSIONS = {
    CONTRIBUTOR: ["add", "choose"],
    EDITOR: ["add", "change", "choose"],
    APPROVER: ["add", "change", "choose"],
    BOARD_HEAD: ["add", "change", "choose", "delete"],
    PROVINCE_OVERSIGHT: [],
}

# Model permissions besides admin access. Nobody but a board head manages users and the
# portal's account policy, and nobody can delete a user (accounts and their history are
# kept; `accounts.signals.refuse_user_deletion` refuses it even to superusers).
MODEL_PERMISSIONS = {
    CONTRIBUTOR: [],
    EDITOR: [],
    # Starting an English translation and syncing it with the Vietnamese (wagtail-localize).
    APPROVER: ["wagtail_localize.submit_translation"],
    BOARD_HEAD: [
        "auth.add_user", "auth.change_user", "accounts.change_accountpolicy",
        "wagtail_localize.submit_translation",
    ],
    PROVINCE_OVERSIGHT: [],
}


def _permission(dotted: str) -> Permission:
    app_label, codename = dotted.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def ensure_roles(root_pages: Page | Iterable[Page]) -> dict[str, Group]:
    """Create or update the role groups, granting page rights below the home page of each
    language (`root_pages`)."""
    roots = [root_pages] if isinstance(root_pages, Page) else list(root_pages)
    access_admin = _permission("wagtailadmin.access_admin")
    root_collection = Collection.get_first_root_node()
    groups: dict[str, Group] = {}
    for name in ROLE_LABELS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(
            [access_admin] + [_permission(p) for p in MODEL_PERMISSIONS[name]]
        )
        GroupPagePermission.objects.filter(group=group).delete()
        for root_page in roots:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.create(
                    group=group, page=root_page, permission=_permission(f"wagtailcore.{codename}")
                )
        GroupCollectionPermission.objects.filter(group=group).delete()
        for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document")):
            for action in MEDIA_PERMISSIONS[name]:
                GroupCollectionPermission.objects.create(
                    group=group,
                    collection=root_collection,
                    permission=_permission(f"{app_label}.{action}_{model}"),
                )
        groups[name] = group
    # Wagtail's own starter groups would give a second, unaudited way in.
    Group.objects.filter(name__in=["Moderators", "Editors"]).delete()
    return groups
