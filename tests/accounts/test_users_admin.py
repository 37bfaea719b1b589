"""Who may manage users: the board head, in its own portal only; nobody deletes anyone."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from tests.support.accounts import events, login
from tests.support.admin import refused
from tests.support.portals import client_for


def test_a_board_head_sees_and_changes_only_its_own_portal(portal_a, portal_b, board_head, make_local_user):
    other = make_local_user(portal_b, "bientap.xab", "Biên tập viên")
    head, _ = login(portal_a, "truongban")
    assert head.get("/admin/users/").status_code == 200
    assert "bientap.xab" not in head.get("/admin/users/").content.decode()

    # The same session cookie means nothing to the other portal.
    intruder = client_for(portal_b)
    intruder.cookies = head.cookies
    response = intruder.get("/admin/users/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    response = intruder.post(f"/admin/users/edit/{other.pk}/", {"username": "doiten"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    with schema_context(portal_b.schema_name):
        assert User.objects.get(pk=other.pk).username == "bientap.xab"
    # And portal_a's board head's credentials are unknown there.
    browser, response = login(portal_b, "truongban")
    assert response.status_code == 200


def test_nobody_deletes_an_account(portal_a, board_head, editor, make_local_user):
    head, _ = login(portal_a, "truongban")
    listing = head.get("/admin/users/").content.decode()
    assert f"/admin/users/delete/{editor.pk}/" not in listing
    assert refused(head.get(f"/admin/users/delete/{editor.pk}/"))
    assert refused(head.post(f"/admin/users/delete/{editor.pk}/"))

    make_local_user(portal_a, "sieuquantri", is_superuser=True)
    admin, _ = login(portal_a, "sieuquantri")
    assert f"/admin/users/delete/{editor.pk}/" not in admin.get("/admin/users/").content.decode()
    assert refused(admin.post(f"/admin/users/delete/{editor.pk}/"))
    response = admin.post(
        f"/admin/bulk/auth/user/delete/?id={editor.pk}", {"id": editor.pk}
    )
    assert refused(response)
    with schema_context(portal_a.schema_name):
        assert User.objects.filter(pk=editor.pk).exists()
        # Not through the model either.
        with pytest.raises(PermissionDenied), transaction.atomic():
            User.objects.get(pk=editor.pk).delete()
    assert events(portal_a, "user_delete_refused", target="bientap")


def test_only_the_board_head_manages_users(portal_a, board_head, editor, make_local_user):
    editor_browser, _ = login(portal_a, "bientap")
    assert refused(editor_browser.get("/admin/users/"))
    assert refused(editor_browser.get(f"/admin/users/edit/{board_head.pk}/"))
    assert refused(editor_browser.get("/admin/users/new/"))

    head, _ = login(portal_a, "truongban")
    # Deactivating an account is recorded.
    response = head.post(
        f"/admin/users/edit/{editor.pk}/",
        {"username": "bientap", "email": "bt@example.vn", "first_name": "Biên", "last_name": "Tập",
         "groups": []},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(portal_a.schema_name):
        assert not User.objects.get(pk=editor.pk).is_active
    assert events(portal_a, "user_deactivated", target="bientap", actor="truongban")
    assert events(portal_a, "role_changed", target="bientap", actor="truongban")

    # A board head cannot grant or touch superuser rights, nor the reserved "@" names.
    assert 'name="is_superuser"' not in head.get("/admin/users/new/").content.decode()
    superuser = make_local_user(portal_a, "sieuquantri", is_superuser=True)
    assert refused(head.get(f"/admin/users/edit/{superuser.pk}/"))
    response = head.post(
        "/admin/users/new/",
        {"username": "@vanhanh", "email": "v@example.vn", "first_name": "V", "last_name": "H",
         "password1": "CapMoi2026abcd", "password2": "CapMoi2026abcd"},
    )
    assert response.status_code == 200
    assert "dành cho tài khoản hệ thống" in response.content.decode()


def test_admin_offers_vietnamese_and_english(portal_a, editor):
    browser, _ = login(portal_a, "bientap")
    page = browser.get("/admin/account/").content.decode()
    assert 'value="vi"' in page and 'value="en"' in page
    assert "Trang" in browser.get("/admin/").content.decode()
    from wagtail.users.models import UserProfile

    with schema_context(portal_a.schema_name):
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = "en"
        profile.save()
    assert "Pages" in browser.get("/admin/").content.decode()


def test_the_board_head_edits_the_account_policy(portal_a, board_head, editor):
    url = "/admin/settings/accounts/accountpolicy/"
    head, _ = login(portal_a, "truongban")
    page = head.get(url, follow=True).content.decode()
    assert "ngày tối đa giữa hai lần đổi mật khẩu" in page
    assert 'value="60"' in page and 'value="30"' in page
    editor_browser, _ = login(portal_a, "bientap")
    response = editor_browser.get(url, follow=True)
    assert "ngày tối đa giữa hai lần đổi mật khẩu" not in response.content.decode()
