"""create_portal and the other operator commands."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django_tenants.utils import schema_context, schema_exists

from django.core.management import CommandError, call_command
from django.db import connection

from tenants.current import is_public, public_schema
from tenants.models import Domain, Portal, PortalEvent
from tests.support.portals import client_for


def schemas() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT nspname FROM pg_namespace")
        return {row[0] for row in cursor.fetchall()}


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def decision_args(tmp_path) -> list[str]:
    """The province board's decision on the command line, its signed PDF included."""
    pdf = tmp_path / "qd-12.pdf"
    pdf.write_bytes(b"%PDF-1.4 quyet dinh so 12")
    return [
        "--decision", "12/QĐ-BBT", "--approved-by", "Hoàng Thị Tỉnh",
        "--decision-date", "05/01/2026", "--decision-file", str(pdf),
    ]


@pytest.mark.slow
def test_create_portal_clones_a_working_portal(db, province, decision_args):
    output = run(
        "create_portal", "--code", "sotnmt", "--name", "Sở Tài nguyên và Môi trường",
        "--name-en", "Department of Natural Resources and Environment",
        "--kind", "department", "--domain", "stnmt.example.vn", "--email", "stnmt@example.vn",
        *decision_args,
    )
    assert "http://sotnmt.laichau.test/" in output
    portal = Portal.objects.get(code="sotnmt")
    assert portal.schema_name == "sotnmt"
    assert portal.parent == province
    assert portal.status == Portal.Status.ACTIVE
    assert portal.name == "Sở Tài nguyên và Môi trường"
    assert sorted(portal.domains.values_list("domain", "is_primary")) == [
        ("sotnmt.laichau.test", True), ("stnmt.example.vn", False),
    ]
    assert schema_exists("sotnmt")

    from django.contrib.auth.models import Group

    from wagtail.models import Locale, Site

    with schema_context("sotnmt"):
        site = Site.objects.get()
        assert site.hostname == "sotnmt.laichau.test"
        assert site.root_page.title == "Sở Tài nguyên và Môi trường"
        assert set(Locale.objects.values_list("language_code", flat=True)) == {"vi", "en"}
        assert {
            "Cộng tác viên", "Biên tập viên", "Thành viên Ban Biên tập", "Trưởng Ban Biên tập",
        } <= set(Group.objects.values_list("name", flat=True))
        assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()

    for host in ("sotnmt.laichau.test", "stnmt.example.vn"):
        response = client_for(host).get("/")
        assert response.status_code == 200
        assert "<h1>Sở Tài nguyên và Môi trường</h1>" in response.content.decode()
    # Created as requested, then approved by the recorded decision, in one go.
    assert list(portal.events.order_by("id").values_list("action", flat=True)) == ["requested", "approved"]
    decision = portal.approval
    assert (decision.number, decision.signer, decision.date.isoformat()) == (
        "12/QĐ-BBT", "Hoàng Thị Tỉnh", "2026-01-05",
    )
    assert "Quyết định số 12/QĐ-BBT ngày 05/01/2026" in portal.events.get(action="approved").detail
    # The signed file is kept in the control plane's private files, with no address.
    assert f"/{public_schema()}/private/quyet-dinh/" in decision.file.path
    assert decision.file.read() == b"%PDF-1.4 quyet dinh so 12"
    assert is_public()


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("sởtttt", "không dấu"),
        ("so tttt", "dấu cách"),
        ("SoTTTT", "chữ thường"),
        ("so-tttt", "không có dấu gạch"),
        ("1so", "bắt đầu bằng chữ cái"),
        ("www", "dành riêng"),
        ("public", "dành riêng"),
        ("quantri", "dành riêng"),
        ("soa", "đã được dùng"),
    ],
)
def test_bad_or_taken_codes_are_refused_with_a_message(db, code, message):
    before = (Portal.objects.count(), schemas())
    with pytest.raises(CommandError, match=message):
        call_command("create_portal", "--code", code, "--name", "Thử", "--kind", "commune")
    assert (Portal.objects.count(), schemas()) == before


def test_taken_domain_and_unknown_parent_are_refused(db):
    with pytest.raises(CommandError, match="đã thuộc cổng khác"):
        call_command(
            "create_portal", "--code", "xamoi", "--name", "Xã Mới", "--kind", "commune",
            "--domain", "cu-soa.example.vn",
        )
    with pytest.raises(CommandError, match="Không có cổng cấp trên"):
        call_command(
            "create_portal", "--code", "xamoi", "--name", "Xã Mới", "--kind", "commune",
            "--parent", "khongco",
        )
    with pytest.raises(CommandError, match="đã có cổng tỉnh"):
        call_command("create_portal", "--code", "tinhmoi", "--name", "Tỉnh", "--kind", "province")
    assert not Portal.objects.filter(code__in=["xamoi", "tinhmoi"]).exists()
    assert not schema_exists("xamoi")


def test_requested_portal_waits_for_the_boards_decision(db, decision_args):
    # Without a decision a new portal waits; "--status active" alone is refused.
    with pytest.raises(CommandError, match="quyết định phê duyệt"):
        call_command("create_portal", "--code", "xacho", "--name", "Xã Chờ", "--kind", "commune",
                     "--status", "active")
    output = run("create_portal", "--code", "xacho", "--name", "Xã Chờ", "--kind", "commune")
    assert "Chờ phê duyệt" in output
    assert Portal.objects.get(code="xacho").status == Portal.Status.REQUESTED
    assert client_for("xacho.laichau.test").get("/").status_code == 404

    # activate_portal (the operator's re-activation) cannot stand in for the board.
    with pytest.raises(CommandError, match="đang chờ phê duyệt"):
        call_command("activate_portal", "xacho")
    # approve_portal needs the whole decision.
    with pytest.raises(CommandError):
        call_command("approve_portal", "xacho")
    with pytest.raises(CommandError, match="--decision-file"):
        call_command("approve_portal", "xacho", "--decision", "1", "--approved-by", "A",
                     "--decision-file", "")
    assert client_for("xacho.laichau.test").get("/").status_code == 404

    run("approve_portal", "xacho", *decision_args)
    assert client_for("xacho.laichau.test").get("/").status_code == 200
    events = PortalEvent.objects.filter(portal__code="xacho").order_by("id")
    actions = list(events.values_list("action", flat=True))
    assert actions == ["requested", "approved"]


def test_the_board_can_refuse_with_a_reason(db):
    run("create_portal", "--code", "xatuchoi", "--name", "Xã Từ Chối", "--kind", "commune")
    with pytest.raises(CommandError):
        call_command("reject_portal", "xatuchoi")
    run("reject_portal", "xatuchoi", "--reason", "Chưa có Ban Biên tập")
    portal = Portal.objects.get(code="xatuchoi")
    assert portal.status == Portal.Status.REJECTED
    assert portal.events.get(action="rejected").detail == "Chưa có Ban Biên tập"
    with pytest.raises(CommandError):
        call_command("activate_portal", "xatuchoi")
    assert client_for("xatuchoi.laichau.test").get("/").status_code == 404


@pytest.mark.parametrize(
    ("number", "pdf", "message"),
    [
        ("", b"%PDF-1.4 x", "--decision"),
        ("12/QĐ", b"khong phai pdf", "không phải tệp PDF"),
    ],
)
def test_a_decision_must_be_whole(db, tmp_path, number, pdf, message):
    path = tmp_path / "qd.pdf"
    path.write_bytes(pdf)
    with pytest.raises(CommandError, match=message):
        call_command("create_portal", "--code", "xathieu", "--name", "Xã Thiếu", "--kind", "commune",
                     "--decision", number, "--approved-by", "A", "--decision-file", str(path))
    assert not Portal.objects.filter(code="xathieu").exists()
    assert not schema_exists("xathieu")


def test_list_portals_json(db):
    rows = json.loads(run("list_portals", "--json"))
    by_code = {row["code"]: row for row in rows}
    assert set(by_code) == {"tinhthu", "soa", "xab"}  # never the platform or the template
    assert by_code["soa"] == {
        "code": "soa", "schema": "soa", "name": "Sở A", "name_en": "", "kind": "department",
        "parent": "tinhthu", "status": "active",
        "domains": ["soa.laichau.test", "cu-soa.example.vn"], "url": "http://soa.laichau.test/",
    }
    table = run("list_portals")
    assert "soa" in table and "cu-soa.example.vn" in table


def test_add_domain(db, portal_b):
    output = run("add_domain", "xab", "XaB.Example.VN")
    assert "http://xab.example.vn/" in output
    assert Domain.objects.get(domain="xab.example.vn").tenant == portal_b
    assert "Xã B" in client_for("xab.example.vn").get("/").content.decode()
    with pytest.raises(CommandError, match="đã thuộc cổng “soa”"):
        call_command("add_domain", "xab", "cu-soa.example.vn")
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("add_domain", "xab", "khong hop le")


def test_names_are_stored_as_nfc(db):
    decomposed = "Xa\u0303 Na\u0300 Ta\u0300m"  # "Xã Nà Tăm" typed with combining marks
    call_command("create_portal", "--code", "xanatam", "--name", decomposed, "--kind", "commune")
    assert Portal.objects.get(code="xanatam").status == Portal.Status.REQUESTED
    portal = Portal.objects.get(code="xanatam")
    assert portal.name == "Xã Nà Tàm"
    with schema_context("xanatam"):
        from wagtail.models import Site

        assert Site.objects.get().site_name == "Xã Nà Tàm"


def test_site_links_follow_the_public_scheme_and_port(db, settings):
    from wagtail.models import Site

    settings.CONG_PUBLIC_SCHEME = "https"
    call_command("create_portal", "--code", "xatls", "--name", "Xã TLS", "--kind", "commune")
    settings.CONG_PUBLIC_SCHEME, settings.CONG_PUBLIC_PORT = "http", 8000
    call_command("create_portal", "--code", "xadev", "--name", "Xã Dev", "--kind", "commune")
    with schema_context("xatls"):
        assert Site.objects.get().root_url == "https://xatls.laichau.test"
    with schema_context("xadev"):
        assert Site.objects.get().root_url == "http://xadev.laichau.test:8000"



def backend_pid(conn=connection) -> int:
    with conn.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def test_a_session_that_cloned_a_schema_ends_outside_a_transaction(db):
    """A session's catalog cache grows with every cloned schema: the next query gets a new one."""
    from django.db import connections

    from tenants.provisioning import end_session_after_clone

    other = connections.create_connection("default")  # autocommit, outside the test's transaction
    try:
        before = backend_pid(other)
        end_session_after_clone(other)
        assert backend_pid(other) != before
    finally:
        other.close()


def test_inside_a_transaction_the_session_is_kept(db):
    from tenants.provisioning import end_session_after_clone

    before = backend_pid()
    end_session_after_clone()
    assert backend_pid() == before
