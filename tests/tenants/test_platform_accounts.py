"""Platform operators and province board members in a portal's admin, through the audited
mapping (the console itself: tests/console)."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.auth.models import User

from accounts.models import MappedAccount
from tenants.current import is_public
from tenants.models import PlatformRole, PortalEvent
from tests.support.accounts import PASSWORD, portal_login

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


def admin_login(portal, username: str, password: str = PASSWORD):
    return portal_login(portal, username, password, ip="10.1.2.3")


def test_operator_opens_a_member_portal_admin_as_an_audited_superuser(portal_a, make_platform_user):
    make_platform_user("vanhanh", OPERATOR, first_name="Văn", last_name="Hành")
    browser, response = admin_login(portal_a, "vanhanh")
    assert response.status_code == 302
    assert browser.get("/admin/").status_code == 200
    with schema_context(portal_a.schema_name):
        mapped = MappedAccount.objects.select_related("user").get(public_username="vanhanh")
        assert mapped.user.username == "@vanhanh"
        assert mapped.user.is_superuser
        assert not mapped.user.has_usable_password()
    event = PortalEvent.objects.filter(portal=portal_a, action="mapped_login").first()
    assert event.actor == "vanhanh"
    assert event.ip_address == "10.1.2.3"
    # The platform account does not become a public-schema user of the portal's kind.
    assert not User.objects.filter(username="@vanhanh").exists()
    assert is_public()


def test_province_board_member_may_only_look_in_member_portals(province, portal_a, make_platform_user):
    make_platform_user("bbt.tinh", BOARD)
    browser, _ = admin_login(portal_a, "bbt.tinh")
    assert browser.get("/admin/").status_code == 200
    with schema_context(portal_a.schema_name):
        user = MappedAccount.objects.get(public_username="bbt.tinh").user
        assert not user.is_superuser
        assert list(user.groups.values_list("name", flat=True)) == ["Giám sát của Cổng tỉnh"]
        assert not user.has_perm("wagtailcore.publish_page")
    # Cannot add pages in the member portal.
    assert browser.get("/admin/pages/add/home/homepage/3/").status_code in (302, 403)

    browser, _ = admin_login(province, "bbt.tinh")
    with schema_context(province.schema_name):
        user = MappedAccount.objects.get(public_username="bbt.tinh").user
        assert list(user.groups.values_list("name", flat=True)) == ["Thành viên Ban Biên tập"]


def test_platform_accounts_without_a_role_or_deactivated_cannot_enter(portal_a, make_platform_user):
    make_platform_user("nguoithuong", None)
    browser, response = admin_login(portal_a, "nguoithuong")
    assert response.status_code == 200
    assert "_auth_user_id" not in browser.session

    make_platform_user("bbt.cu", BOARD)
    browser, _ = admin_login(portal_a, "bbt.cu", "sai-mat-khau")
    assert "_auth_user_id" not in browser.session
    assert PortalEvent.objects.filter(
        portal=portal_a, action="mapped_login_refused", actor="bbt.cu"
    ).exists()


def test_deactivating_the_platform_account_ends_its_portal_sessions(portal_a, make_platform_user):
    public_user = make_platform_user("vanhanh2", OPERATOR)
    browser, _ = admin_login(portal_a, "vanhanh2")
    assert browser.get("/admin/").status_code == 200
    public_user.is_active = False
    public_user.save()
    response = browser.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_portal_user_is_never_taken_over_by_a_platform_account(
    portal_a, make_platform_user, make_local_user
):
    make_platform_user("trungten", OPERATOR)
    # A name from before portals were refused platform accounts' names (accounts.names).
    make_local_user(portal_a, "trungten", "Cộng tác viên", legacy=True)
    # The portal's own "trungten" with the shared password signs in as itself, not mapped.
    browser, _ = admin_login(portal_a, "trungten")
    with schema_context(portal_a.schema_name):
        assert not MappedAccount.objects.exists()
        me = User.objects.get(pk=browser.session["_auth_user_id"])
        assert me.username == "trungten" and not me.is_superuser

    # A local user squatting the reserved mapped name blocks the mapping instead of merging.
    make_platform_user("vanhanh3", OPERATOR)
    make_local_user(portal_a, "@vanhanh3", legacy=True)
    browser, _ = admin_login(portal_a, "vanhanh3")
    assert "_auth_user_id" not in browser.session
    assert PortalEvent.objects.filter(portal=portal_a, action="mapped_login_refused").exists()
