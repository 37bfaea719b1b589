"""The platform console: only platform accounts enter; operators register portals, the
province board approves them, operators suspend them."""

from __future__ import annotations

import pytest

from django.urls import reverse

from tenants.models import PlatformRole, Portal, PortalEvent
from tests.console.conftest import decision_post
from tests.support.accounts import console_login
from tests.support.portals import client_for

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


@pytest.mark.parametrize(
    ("name", "args", "path"),
    [
        ("console:portal_list", [], "/"),
        ("console:login", [], "/dang-nhap/"),
        ("console:logout", [], "/dang-xuat/"),
        ("console:events", [], "/nhat-ky/"),
        ("console:oversight", [], "/giam-sat/"),
        ("console:english", [], "/giam-sat/tieng-anh/"),
        ("console:portal_request", [], "/cong/dang-ky/"),
        ("console:portal_detail", ["soa"], "/cong/soa/"),
        ("console:portal_approve", ["soa"], "/cong/soa/phe-duyet/"),
        ("console:portal_reject", ["soa"], "/cong/soa/tu-choi/"),
        ("console:decision_file", [3], "/quyet-dinh/3/tep/"),
        ("console:apply", [], "/dang-ky-tham-gia/"),
        ("console:apply_sent", [], "/dang-ky-tham-gia/da-gui/"),
        ("console:applications", [], "/don-dang-ky/"),
        ("console:application_detail", [4], "/don-dang-ky/4/"),
        ("console:application_approve", [4], "/don-dang-ky/4/phe-duyet/"),
        ("console:application_reject", [4], "/don-dang-ky/4/tu-choi/"),
        ("console:application_file", [4], "/don-dang-ky/4/tep/"),
        ("console:portal_suspend", ["soa"], "/cong/soa/tam-dung/"),
        ("console:portal_activate", ["soa"], "/cong/soa/kich-hoat/"),
        ("console:portal_archive", ["soa"], "/cong/soa/luu-tru/"),
        ("console:portal_add_domain", ["soa"], "/cong/soa/ten-mien/"),
    ],
)
def test_console_addresses(name, args, path):
    """Operators' bookmarks and the templates' links depend on these."""
    assert reverse(name, args=args, urlconf="cong.urls_public") == path


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
    assert board.post("/cong/xamoi/phe-duyet/", decision_post()).status_code == 302
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
