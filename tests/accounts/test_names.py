"""User names in a portal: a safe script, never a platform account's name or a look-alike
of it or of another user, on every path (the real admin's forms, scripts)."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

from accounts.names import skeleton
from tenants.models import PlatformRole
from tests.accounts.test_passwords import create_user_as_board_head
from tests.support.accounts import login


def refused_name(response) -> str:
    assert response.status_code == 200, response.get("Location")
    return response.content.decode()


@pytest.fixture
def province_board_account(make_platform_user):
    return make_platform_user("bbt.tinh", PlatformRole.Role.PROVINCE_BOARD)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("quantri", "dành cho tài khoản hệ thống"),
        ("QuanTri", "dành cho tài khoản hệ thống"),
        ("quantrí", "dành cho tài khoản hệ thống"),  # the accent is folded away
        ("quantr1", "dành cho tài khoản hệ thống"),
        ("bbt.tinh", "dành cho tài khoản hệ thống"),
        ("bbt_tlnh", "dành cho tài khoản hệ thống"),
        ("ВВТ.tinh", "chỉ gồm chữ cái Latinh"),  # Cyrillic capitals
        ("truongban.ѕotc", "chỉ gồm chữ cái Latinh"),  # Cyrillic ѕ
        ("ngươi dùng", "không có dấu cách"),
        ("@bbt.tinh", "Tên bắt đầu bằng “@”"),
        ("truongban.sotc", None),  # a different name: accepted
        ("truongbanx", None),
    ],
)
def test_board_head_cannot_create_reserved_or_unsafe_names(
    portal_a, board_head, province_board_account, name, message
):
    head, _ = login(portal_a, "truongban")
    response = create_user_as_board_head(portal_a, head, name)
    with schema_context(portal_a.schema_name):
        created = User.objects.filter(username=name).exists()
    if message is None:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert created
    else:
        assert message in refused_name(response)
        assert not created


def test_look_alikes_of_the_portals_own_users_are_refused(portal_a, board_head, editor, make_local_user):
    make_local_user(portal_a, "nguyen.minh")
    head, _ = login(portal_a, "truongban")
    html = refused_name(create_user_as_board_head(portal_a, head, "nguyen.rninh"))
    assert "quá dễ nhầm với tài khoản “nguyen.minh”" in html
    html = refused_name(create_user_as_board_head(portal_a, head, "b1entap"))
    assert "quá dễ nhầm với tài khoản “bientap”" in html
    html = refused_name(create_user_as_board_head(portal_a, head, "Bien-Tap"))
    assert "quá dễ nhầm với tài khoản “bientap”" in html


def test_vietnamese_letters_are_folded(portal_a, board_head):
    head, _ = login(portal_a, "truongban")
    response = create_user_as_board_head(portal_a, head, "phó.phòng.đào", email="dao@example.vn")
    assert response.status_code == 302, response.context["form"].errors
    with schema_context(portal_a.schema_name):
        assert User.objects.filter(username="pho.phong.dao").exists()


def test_renaming_to_a_platform_name_is_refused(portal_a, board_head, editor, province_board_account):
    head, _ = login(portal_a, "truongban")
    response = head.post(
        f"/admin/users/edit/{editor.pk}/",
        {"username": "bbt.tinh", "email": "bt@example.vn", "first_name": "B", "last_name": "T",
         "is_active": "on"},
    )
    assert "dành cho tài khoản hệ thống" in refused_name(response)
    with schema_context(portal_a.schema_name):
        assert User.objects.get(pk=editor.pk).username == "bientap"


def test_every_other_path_is_refused_too(portal_a, province_board_account):
    with schema_context(portal_a.schema_name):
        for name in ("quantri", "bbt.tinh", "@bbt.tinh", "truongban.ѕotc"):
            with pytest.raises(ValidationError):
                User.objects.create_user(username=name, password="x")
        assert not User.objects.filter(username__in=["quantri", "bbt.tinh"]).exists()


def test_skeleton():
    assert skeleton("truongban.ѕotc") == skeleton("truongban.sotc")
    assert skeleton("quantrі") == skeleton("QUANTRI") == skeleton("quantr1")
    assert skeleton("bbt_tinh") == skeleton("bbt.tinh") == skeleton("bbt-tinh")
    assert skeleton("rnai") == skeleton("mai")
    assert skeleton("bientap") != skeleton("bientapx")
