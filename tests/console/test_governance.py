"""The province board decides: a requested portal becomes active only by the board's
recorded decision (number, date, signer, the signed file); the operator suspends and
re-activates but never approves; a unit applies through the public form and the board
decides in its queue. Every step is in the registry's trail."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_exists

from django.core.files.uploadedfile import SimpleUploadedFile

from tenants.models import PlatformRole, Portal, PortalApplication, PortalEvent
from tenants.provisioning import PortalSpec, create_portal
from tests.console.conftest import PDF, decision_post
from tests.support.accounts import CONSOLE, console_login
from tests.support.portals import client_for

OPERATOR = PlatformRole.Role.OPERATOR
BOARD = PlatformRole.Role.PROVINCE_BOARD


@pytest.fixture
def operator(make_platform_user):
    make_platform_user("vanhanh", OPERATOR)
    return console_login("vanhanh")[0]


@pytest.fixture
def board(make_platform_user):
    make_platform_user("bbt.tinh", BOARD)
    return console_login("bbt.tinh")[0]


@pytest.fixture
def requested(db, province) -> Portal:
    return create_portal(PortalSpec(code="xacho", name="Xã Chờ", kind="commune"), actor="vanhanh")


def test_an_operator_cannot_move_a_portal_from_requested_to_active(requested, operator):
    assert operator.post("/cong/xacho/phe-duyet/", decision_post()).status_code == 403
    response = operator.post("/cong/xacho/kich-hoat/", follow=True)
    assert "chỉ Ban Biên tập Cổng tỉnh" in response.content.decode() or "đang chờ phê duyệt" in (
        response.content.decode()
    )
    requested.refresh_from_db()
    assert requested.status == Portal.Status.REQUESTED
    assert client_for("xacho.laichau.test").get("/").status_code == 404
    # The page offers the operator nothing that would activate it.
    html = operator.get("/cong/xacho/").content.decode()
    assert "/cong/xacho/kich-hoat/" not in html and "/cong/xacho/phe-duyet/" not in html


def test_the_board_approves_only_with_a_whole_decision(requested, board, operator):
    for data, message in [
        (decision_post(pdf=None), "This field is required"),
        (decision_post(number=""), "This field is required"),
        (decision_post(pdf=b"<html>not a pdf</html>"), "không phải tệp PDF"),
        (decision_post(date="05/01/2099"), "không được sau hôm nay"),
    ]:
        response = board.post("/cong/xacho/phe-duyet/", data)
        assert response.status_code == 400
        html = response.content.decode()
        assert message in html or "bắt buộc" in html
    requested.refresh_from_db()
    assert requested.status == Portal.Status.REQUESTED

    response = board.post("/cong/xacho/phe-duyet/", decision_post())
    assert response.status_code == 302
    requested.refresh_from_db()
    assert requested.status == Portal.Status.ACTIVE
    assert requested.approval.number == "15/QĐ-BBT"
    assert client_for("xacho.laichau.test").get("/").status_code == 200
    event = requested.events.get(action="approved")
    assert event.actor == "bbt.tinh"
    assert "Quyết định số 15/QĐ-BBT ngày 05/01/2026, người ký: Hoàng Thị Tỉnh" in event.detail

    # The decision file: to console users only, never from a portal's domain.
    url = f"/quyet-dinh/{requested.approval.pk}/tep/"
    assert url in board.get("/cong/xacho/").content.decode()
    downloaded = operator.get(url)
    assert downloaded.status_code == 200
    assert b"".join(downloaded.streaming_content) == PDF
    assert requested.events.filter(action="file_downloaded", actor="vanhanh").exists()
    anonymous = client_for(CONSOLE).get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/dang-nhap/")
    stored = requested.approval.file.name
    for host in ("xacho.laichau.test", "soa.laichau.test"):
        assert client_for(host).get(f"/media/public/private/{stored}").status_code == 404
        assert client_for(host).get(f"/media/public/{stored}").status_code == 404

    # The operator may suspend and re-activate it now that the board admitted it.
    operator.post("/cong/xacho/tam-dung/", {"reason": "bảo trì"})
    operator.post("/cong/xacho/kich-hoat/")
    requested.refresh_from_db()
    assert requested.status == Portal.Status.ACTIVE


def test_the_board_refuses_with_a_reason(requested, board):
    response = board.post("/cong/xacho/tu-choi/", {"reason": ""})
    assert response.status_code == 400
    board.post("/cong/xacho/tu-choi/", {"reason": "Đơn vị chưa thành lập Ban Biên tập"})
    requested.refresh_from_db()
    assert requested.status == Portal.Status.REJECTED
    assert requested.events.get(action="rejected").detail == "Đơn vị chưa thành lập Ban Biên tập"


def application_data(**overrides) -> dict:
    data = {
        "unit_name": "Ủy ban nhân dân xã Mường So",
        "unit_name_en": "Muong So Commune People's Committee",
        "kind": "commune",
        "code": "xamuongso",
        "domain": "muongso.example.vn",
        "head_name": "Lò Văn Sơn",
        "head_title": "Chủ tịch Ủy ban nhân dân xã",
        "email": "ubnd@muongso.example.vn",
        "phone": "0213 3876 543",
        "board_members": "Lò Văn Sơn – Chủ tịch – Trưởng ban\nTạ Thị Mai – Văn phòng – Thành viên",
        "board_decision_file": SimpleUploadedFile(
            "qd-bbt-xa.pdf", b"%PDF-1.4 quyet dinh xa", "application/pdf"
        ),
    }
    data.update(overrides)
    return data


def test_a_unit_applies_and_the_board_approves(
    province, board, operator, mailoutbox, django_capture_on_commit_callbacks
):
    public = client_for(CONSOLE)
    page = public.get("/dang-ky-tham-gia/")
    assert page.status_code == 200
    assert "Đăng ký tham gia" in page.content.decode()

    # Errors in Vietnamese, nothing typed lost.
    response = public.post(
        "/dang-ky-tham-gia/",
        application_data(code="Xã Mường So", board_members="  ", board_decision_file=""),
        REMOTE_ADDR="203.0.113.7",
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "không dấu" in html and "bắt buộc" in html
    assert 'value="Ủy ban nhân dân xã Mường So"' in html and "Lò Văn Sơn" in html
    assert not PortalApplication.objects.exists()

    response = public.post("/dang-ky-tham-gia/", application_data(), REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    application = PortalApplication.objects.get()
    assert application.status == "pending" and application.ip_address == "203.0.113.7"
    assert not Portal.objects.filter(code="xamuongso").exists()  # nothing until the board decides
    received = PortalEvent.objects.get(action="application_received")
    assert received.portal.kind == Portal.Kind.PLATFORM and "xamuongso" in received.detail

    # The queue, for both console roles; only the board decides.
    assert "Ủy ban nhân dân xã Mường So" in operator.get("/don-dang-ky/").content.decode()
    assert operator.post(f"/don-dang-ky/{application.pk}/phe-duyet/", decision_post()).status_code == 403
    file = board.get(f"/don-dang-ky/{application.pk}/tep/")
    assert b"".join(file.streaming_content) == b"%PDF-1.4 quyet dinh xa"
    assert client_for(CONSOLE).get(f"/don-dang-ky/{application.pk}/tep/").status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = board.post(f"/don-dang-ky/{application.pk}/phe-duyet/", decision_post("21/QĐ-BBT"))
    assert response.status_code == 302
    portal = Portal.objects.get(code="xamuongso")
    assert portal.status == Portal.Status.ACTIVE and portal.approval.number == "21/QĐ-BBT"
    assert portal.parent == province and portal.contact_email == "ubnd@muongso.example.vn"
    assert schema_exists("xamuongso")
    assert client_for("muongso.example.vn").get("/").status_code == 200
    application.refresh_from_db()
    assert application.status == "approved" and application.portal == portal
    assert list(portal.events.order_by("id").values_list("action", flat=True)) == ["requested", "approved"]
    assert PortalEvent.objects.filter(action="application_approved", actor="bbt.tinh").exists()
    # The unit is told, at the address it gave.
    (mail,) = [m for m in mailoutbox if "ubnd@muongso.example.vn" in m.to]
    assert "21/QĐ-BBT" in mail.body
    assert "http://xamuongso.laichau.test/" in mail.body


def test_the_board_refuses_an_application(province, board, mailoutbox, django_capture_on_commit_callbacks):
    client_for(CONSOLE).post("/dang-ky-tham-gia/", application_data(), REMOTE_ADDR="203.0.113.8")
    application = PortalApplication.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        board.post(f"/don-dang-ky/{application.pk}/tu-choi/", {"reason": "Trùng với cổng đã có"})
    assert "Trùng với cổng đã có" in mailoutbox[-1].body and mailoutbox[-1].to == ["ubnd@muongso.example.vn"]
    application.refresh_from_db()
    assert application.status == "rejected" and application.rejection_reason == "Trùng với cổng đã có"
    assert not schema_exists("xamuongso")
    assert PortalEvent.objects.get(action="application_rejected").detail.endswith("Trùng với cổng đã có")


def test_applications_are_limited_per_address(province):
    public = client_for(CONSOLE)
    for n in range(3):
        response = public.post(
            "/dang-ky-tham-gia/", application_data(code=f"xathu{n}", domain=""), REMOTE_ADDR="198.51.100.4"
        )
        assert response.status_code == 302
    response = public.post(
        "/dang-ky-tham-gia/", application_data(code="xathu9", domain=""), REMOTE_ADDR="198.51.100.4"
    )
    assert response.status_code == 429
    assert "nhiều đơn" in response.content.decode()
    # Another address is counted apart.
    response = public.post(
        "/dang-ky-tham-gia/", application_data(code="xathu9", domain=""), REMOTE_ADDR="198.51.100.5"
    )
    assert response.status_code == 302
    assert PortalApplication.objects.count() == 4
