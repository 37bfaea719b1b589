"""A member portal's board head decides what province board members may do there."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.auth.models import Group

from wagtail.models import Site

from accounts import roles
from accounts.models import MappedAccount
from tenants.models import PlatformRole
from tests.support.accounts import PASSWORD, portal_login
from tests.support.portals import client_for


def mapped_groups(portal, username: str) -> set[str]:
    with schema_context(portal.schema_name):
        user = MappedAccount.objects.get(public_username=username).user
        return set(user.groups.values_list("name", flat=True))


def sign_in(portal, username: str):
    return portal_login(portal, username, PASSWORD)[0]


def test_board_head_grants_the_province_board_approval_rights(portal_a, make_local_user, make_platform_user):
    make_platform_user("bbt.capquyen", PlatformRole.Role.PROVINCE_BOARD)
    sign_in(portal_a, "bbt.capquyen")
    assert mapped_groups(portal_a, "bbt.capquyen") == {roles.PROVINCE_OVERSIGHT}

    head = make_local_user(portal_a, "truongban.capquyen", roles.BOARD_HEAD)
    browser = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        browser.force_login(head, backend="django.contrib.auth.backends.ModelBackend")
        site_id = Site.objects.get(is_default_site=True).pk
        approver = Group.objects.get(name=roles.APPROVER)
        board_head_group = Group.objects.get(name=roles.BOARD_HEAD)
    url = f"/admin/settings/editorial/provinceboardaccess/{site_id}/"
    form = browser.get(url).content.decode()
    assert 'name="extra_groups"' in form
    assert f'value="{board_head_group.pk}"' not in form  # user management is never granted
    response = browser.post(url, {"extra_groups": [approver.pk]})
    assert response.status_code == 302

    # Effective from the next sign-in.
    sign_in(portal_a, "bbt.capquyen")
    assert mapped_groups(portal_a, "bbt.capquyen") == {roles.PROVINCE_OVERSIGHT, roles.APPROVER}

    # An editor of the portal cannot change the grant.
    editor = make_local_user(portal_a, "btv.capquyen", roles.EDITOR)
    other = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        other.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    other.post(url, {"extra_groups": []})
    sign_in(portal_a, "bbt.capquyen")
    assert roles.APPROVER in mapped_groups(portal_a, "bbt.capquyen")
