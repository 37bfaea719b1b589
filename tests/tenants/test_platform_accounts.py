"""Platform operators and province board members in a portal's admin, through the audited
mapping, and the platform console."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.auth.models import User

from accounts.models import MappedAccount
from tenants.current import is_public
from tenants.models import PlatformRole, Portal, PortalEvent
from tests.conftest import PASSWORD, client_for

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


def admin_login(portal, username: str, password: str = PASSWORD):
    browser = client_for(portal)
    response = browser.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR="10.1.2.3"
    )
    return browser, response


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
    make_local_user(portal_a, "trungten", "Cộng tác viên")
    # The portal's own "trungten" with the shared password signs in as itself, not mapped.
    browser, _ = admin_login(portal_a, "trungten")
    with schema_context(portal_a.schema_name):
        assert not MappedAccount.objects.exists()
        me = User.objects.get(pk=browser.session["_auth_user_id"])
        assert me.username == "trungten" and not me.is_superuser

    # A local user squatting the reserved mapped name blocks the mapping instead of merging.
    make_platform_user("vanhanh3", OPERATOR)
    make_local_user(portal_a, "@vanhanh3")
    browser, _ = admin_login(portal_a, "vanhanh3")
    assert "_auth_user_id" not in browser.session
    assert PortalEvent.objects.filter(portal=portal_a, action="mapped_login_refused").exists()


# --- The platform console ---------------------------------------------------------------------

CONSOLE = "quantri.laichau.test"


def console_login(username: str):
    browser = client_for(CONSOLE)
    response = browser.post("/dang-nhap/", {"username": username, "password": PASSWORD})
    return browser, response


def test_console_requires_a_platform_role(db, make_platform_user):
    make_platform_user("nguoithuong", None)
    _, response = console_login("nguoithuong")
    assert response.status_code == 200
    assert "không có quyền vào trang quản trị hệ thống" in response.content.decode()


def test_console_request_then_board_approval(db, make_platform_user):
    make_platform_user("vanhanh", OPERATOR)
    make_platform_user("bbt.tinh", BOARD)
    operator, response = console_login("vanhanh")
    assert response.status_code == 302
    listing = operator.get("/").content.decode()
    assert "Sở A" in listing and "Xã B" in listing

    # Invalid input comes back with the values kept and a Vietnamese message.
    response = operator.post(
        "/cong/dang-ky/", {"code": "Xã Mới", "name": "Xã Mới", "kind": "commune"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "không dấu" in html and 'value="Xã Mới"' in html

    response = operator.post(
        "/cong/dang-ky/",
        {"code": "xamoi", "name": "Xã Mới", "kind": "commune", "contact_email": "xamoi@example.vn"},
    )
    assert response.status_code == 302
    portal = Portal.objects.get(code="xamoi")
    assert portal.status == Portal.Status.REQUESTED
    assert client_for("xamoi.laichau.test").get("/").status_code == 404

    # The operator cannot approve; the province board can.
    assert operator.post("/cong/xamoi/phe-duyet/").status_code == 403
    board, _ = console_login("bbt.tinh")
    assert board.post("/cong/xamoi/phe-duyet/").status_code == 302
    portal.refresh_from_db()
    assert portal.status == Portal.Status.ACTIVE
    assert client_for("xamoi.laichau.test").get("/").status_code == 200
    approval = PortalEvent.objects.get(portal=portal, action="approved")
    assert approval.actor == "bbt.tinh"

    # Only operators suspend.
    assert board.post("/cong/xamoi/tam-dung/").status_code == 403
    operator.post("/cong/xamoi/tam-dung/", {"reason": "vi phạm quy chế"})
    portal.refresh_from_db()
    assert portal.status == Portal.Status.SUSPENDED
    assert client_for("xamoi.laichau.test").get("/").status_code == 404


def test_console_is_not_open_to_portal_accounts(portal_a, make_local_user):
    make_local_user(portal_a, "truongban.soa", "Trưởng Ban Biên tập")
    _, response = console_login("truongban.soa")
    assert response.status_code == 200
    assert "không đúng" in response.content.decode()
