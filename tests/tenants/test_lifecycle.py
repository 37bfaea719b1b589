"""requested → active → suspended → archived: only active portals are served."""

from __future__ import annotations

import pytest

from django.core.management import CommandError, call_command

from tenants.models import Portal, PortalEvent
from tenants.provisioning import ProvisioningError, approve_portal, change_status
from tests.support.portals import board_decision, client_for

PATHS = ["/", "/admin/", "/admin/login/", "/documents/1/x.pdf", "/sitemap.xml", "/tim-kiem/?q=a"]


def test_suspended_portal_serves_nothing_then_comes_back(portal_a, portal_b):
    call_command("suspend_portal", portal_a.code, reason="bảo trì")
    for host in ["soa.laichau.test", "cu-soa.example.vn"]:
        for path in PATHS:
            response = client_for(host).get(path)
            assert response.status_code == 404, (host, path)
            assert portal_a.name not in response.content.decode()
    # Other portals are unaffected.
    assert client_for(portal_b).get("/").status_code == 200

    call_command("activate_portal", portal_a.code)
    response = client_for(portal_a).get("/")
    assert response.status_code == 200
    assert portal_a.name in response.content.decode()

    actions = list(
        PortalEvent.objects.filter(portal=portal_a).values_list("action", "detail")[:2]
    )
    assert actions == [("activated", ""), ("suspended", "bảo trì")]


def test_suspended_portal_looks_exactly_like_an_unknown_host(portal_a):
    unknown = client_for("khongco.laichau.test").get("/")
    call_command("suspend_portal", portal_a.code)
    suspended = client_for(portal_a).get("/")
    assert suspended.status_code == unknown.status_code == 404
    assert suspended.content == unknown.content


def test_archived_portal_is_not_served_and_can_be_restored(portal_b):
    call_command("archive_portal", portal_b.code)
    assert client_for(portal_b).get("/").status_code == 404
    call_command("activate_portal", portal_b.code)
    assert client_for(portal_b).get("/").status_code == 200


def test_lifecycle_refuses_impossible_moves(portal_a):
    with pytest.raises(ProvisioningError, match="đã ở trạng thái"):
        change_status(portal_a, Portal.Status.ACTIVE)
    with pytest.raises(ProvisioningError, match="Không thể chuyển"):
        change_status(portal_a, Portal.Status.REQUESTED)
    with pytest.raises(ProvisioningError, match="Chỉ phê duyệt"):
        approve_portal(portal_a, board_decision())
    with pytest.raises(CommandError, match="Không có cổng mã"):
        call_command("suspend_portal", "khongco")
    with pytest.raises(CommandError, match="Không có cổng mã"):
        call_command("suspend_portal", "public")


def test_a_portal_never_admitted_cannot_be_activated_by_a_detour(db):
    """requested → archived → active would skip the board: refused."""
    from tenants.provisioning import PortalSpec, create_portal

    portal = create_portal(PortalSpec(code="xavong", name="Xã Vòng", kind="commune"))
    change_status(portal, Portal.Status.ARCHIVED)
    with pytest.raises(ProvisioningError, match="chưa từng được phê duyệt"):
        change_status(portal, Portal.Status.ACTIVE)
    assert client_for("xavong.laichau.test").get("/").status_code == 404
