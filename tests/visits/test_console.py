"""The console: the portals compared (visits among them), and the EMC warnings."""

from __future__ import annotations

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from django.utils import timezone

from accounts.roles import BOARD_HEAD
from tenants.models import PlatformRole, Portal
from tenants.provisioning import PortalSpec, create_portal
from tests.console.conftest import decision_post
from tests.support.accounts import CONSOLE, console_login
from tests.support.admin import signed_in

pytestmark = pytest.mark.django_db

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


def test_the_dashboard_compares_the_portals(portal_a, make_platform_user, make_local_user):
    from visits.models import DailyCount

    with schema_context(portal_a.schema_name):
        DailyCount.objects.create(day=timezone.localdate() - dt.timedelta(days=3), dimension="total",
                                  views=8642, visitors=321)
        DailyCount.objects.create(day=timezone.localdate() - dt.timedelta(days=40), dimension="total",
                                  views=99999, visitors=1)  # outside the 30 days
    make_local_user(portal_a, "truongban.dash", BOARD_HEAD)
    make_platform_user("bbt.dash", BOARD)
    board, _ = console_login("bbt.dash")
    response = board.get("/so-sanh/")
    assert response.status_code == 200
    html = response.content.decode()
    row = html.split('data-portal="soa"')[1].split("</tr>")[0]
    assert "<td data-views>8642</td>" in row
    assert "Sở A" in html and "Xã B" in html and "<svg" in html
    assert "99999" not in html


def test_the_dashboard_is_refused_to_member_editors(portal_a, make_local_user, make_platform_user):
    editor = make_local_user(portal_a, "bientap.dash", BOARD_HEAD)
    # A member portal's session means nothing to the console.
    response = signed_in(portal_a, editor).get("/so-sanh/", HTTP_HOST=CONSOLE)
    assert response.status_code == 302 and response["Location"].startswith("/dang-nhap/")
    # Nor does its name and password.
    _, response = console_login("bientap.dash")
    assert response.status_code == 200 and "không đúng" in response.content.decode()
    # A platform account without a role is not let in either.
    make_platform_user("khongvaitro", None)
    browser, _ = console_login("khongvaitro")
    assert browser.get("/so-sanh/").status_code in (302, 403)


def test_the_console_warns_when_the_emc_code_is_missing(db, make_platform_user):
    make_platform_user("vanhanh.emc", OPERATOR)
    make_platform_user("bbt.emc", BOARD)
    create_portal(PortalSpec(code="xaemc", name="Xã EMC", kind=Portal.Kind.COMMUNE), "vanhanh.emc")
    operator, _ = console_login("vanhanh.emc")
    listing = operator.get("/").content.decode()
    row = listing.split("/cong/xaemc/")[1].split("</tr>")[0]
    assert "data-emc-missing" in row
    assert "data-emc-missing" in operator.get("/cong/xaemc/").content.decode()

    # Approval is not blocked, but the board is told.
    board, _ = console_login("bbt.emc")
    response = board.post("/cong/xaemc/phe-duyet/", decision_post(), follow=True)
    assert Portal.objects.get(code="xaemc").status == Portal.Status.ACTIVE
    assert "chưa có mã theo dõi EMC" in response.content.decode()

    # The operator records the code (checked: digits only); the warnings go.
    response = operator.post("/cong/xaemc/ma-emc/", {"site_id": "12a"})
    assert response.status_code == 200 and "chỉ gồm chữ số" in response.content.decode()
    assert operator.post("/cong/xaemc/ma-emc/", {"site_id": "4711"}).status_code == 302
    assert "data-emc-missing" not in operator.get("/cong/xaemc/").content.decode()
    listing = operator.get("/").content.decode()
    assert "data-emc-missing" not in listing.split("/cong/xaemc/")[1].split("</tr>")[0]
    assert operator.post("/cong/xaemc/ma-emc/", {"site_id": "1"}).status_code == 302
    assert board.post("/cong/xaemc/ma-emc/", {"site_id": "1"}).status_code == 403
