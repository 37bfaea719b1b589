"""No 500 for what a visitor can send, and a Vietnamese 503 when the database is down."""

from __future__ import annotations

import copy
import socket
import threading
import urllib.parse

import pytest
from django_tenants.utils import schema_context

from django.conf import settings
from django.test import Client

from tests.support.portals import client_for

# Every parameter a public listing, filter or search of ours reads.
PARAMS = [
    "q", "loai", "linh-vuc", "linh_vuc", "trang-thai", "cap", "nam", "in", "pham-vi", "trang",
    "p", "hinh-thuc", "co-quan", "hieu-luc", "tu-ngay", "den-ngay", "ma", "da-gui",
]
PAYLOADS = [
    "%FF%FE", "%ED%A0%80", "' OR 1=1--", "<script>alert(1)</script>", "x" * 3000, "-1",
    "99999999999999999999999", "1e309", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "31/02/2024",
]


def public_paths(portal) -> list[str]:
    from wagtail.models import Page

    with schema_context(portal.schema_name):
        sections = [page.url for page in Page.objects.live().filter(depth__in=(2, 3)).specific()]
    return sorted({*sections, "/tim-kiem/", "/tim-kiem/goi-y/", "/en/search/", "/hoi-dap/tra-cuu/",
                   "/hoi-dap/gui-cau-hoi/", "/sitemap.xml", "/van-ban/rss/"})


def test_a_nul_byte_in_an_address_is_a_clear_400_everywhere(province):
    client = client_for(province)
    paths = public_paths(province)
    for path in paths:
        for param in PARAMS:
            response = client.get(f"{path}?{param}=abc%00def")
            assert response.status_code == 400, (path, param, response.status_code)
    response = client.get("/tin-tuc/%00/")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Địa chỉ không hợp lệ" in html and "ký tự không hợp lệ" in html
    # Posting to an address with one is refused the same way; so is the admin and the console.
    assert client.post("/hoi-dap/gui-cau-hoi/?x=%00", {}).status_code == 400
    assert client.get("/admin/pages/search/?q=%00").status_code == 400
    assert client_for(settings.CONG_CONSOLE_DOMAIN).get("/?trang_thai=%00").status_code == 400


@pytest.mark.slow
def test_no_public_address_answers_500_to_odd_parameters(province):
    client = client_for(province)
    problems = []
    for path in public_paths(province):
        for payload in PAYLOADS:
            query = "&".join(f"{param}={payload}" for param in PARAMS)
            response = client.get(f"{path}?{query}")
            if response.status_code >= 500:
                problems.append((path, payload[:20], response.status_code))
    assert not problems


@pytest.mark.parametrize("where", ["admin", "console"])
def test_a_nul_byte_in_a_sign_in_name_is_a_form_error(portal_a, where):
    host, url = (
        (portal_a.primary_domain, "/admin/login/") if where == "admin"
        else (settings.CONG_CONSOLE_DOMAIN, "/dang-nhap/")
    )
    client = client_for(host)
    for username in ("truong\x00ban", "\x00", "quantri\x00' OR 1=1"):
        response = client.post(url, {"username": username, "password": "MatKhau@Thu2026"})
        assert response.status_code == 200, (where, response.status_code)
        assert "ký tự không hợp lệ" in response.content.decode()


# --- The database is down ---------------------------------------------------------------


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _with_database(settings_dict: dict, work):
    """Run `work()` on a thread whose database connection uses `settings_dict` (the test's
    own connection, inside its transaction, is left alone)."""
    from django.db import connections

    outcome: dict = {}

    def run():
        wrapper = type(connections["default"])(settings_dict, "default")
        connections["default"] = wrapper
        try:
            outcome["value"] = work()
        except Exception as exc:
            outcome["error"] = exc
        finally:
            wrapper.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _database_refusing_connections() -> dict:
    from django.db import connection

    unreachable = copy.deepcopy(connection.settings_dict)
    unreachable.update(HOST="127.0.0.1", PORT=str(_closed_port()))
    unreachable["OPTIONS"] = {**unreachable.get("OPTIONS", {}), "connect_timeout": 5}
    return unreachable


def assert_maintenance_page(response) -> None:
    assert response.status_code == 503
    assert response["Retry-After"].isdigit()
    html = response.content.decode()
    assert "Hệ thống đang bảo trì" in html and "Vui lòng thử lại sau" in html
    assert "Server Error" not in html and "Traceback" not in html
    assert response.has_header("Content-Security-Policy")
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize("host", ["soa.laichau.test", "quantri.laichau.test", "khong-co.example.vn"])
def test_a_database_that_refuses_connections_gives_the_maintenance_page(portal_a, host):
    unreachable = _database_refusing_connections()
    response = _with_database(
        unreachable, lambda: Client(HTTP_HOST=host, raise_request_exception=False).get("/")
    )
    # The portal routing is the first to ask the database: its failure is an outage too.
    assert_maintenance_page(response)


def test_losing_the_database_in_the_middle_of_a_page_gives_the_maintenance_page(portal_a):
    """The connection is killed by the server after the portal was found."""
    from django.db import connection

    def work():
        from django.db import connection as own

        state = {"killed": False}

        def kill_before_pages(execute, sql, params, many, context):
            if not state["killed"] and "wagtailcore_page" in sql:
                state["killed"] = True
                with own.cursor() as cursor:
                    cursor.execute("SELECT pg_terminate_backend(pg_backend_pid())")
            return execute(sql, params, many, context)

        with own.execute_wrapper(kill_before_pages):
            return Client(HTTP_HOST=portal_a.primary_domain, raise_request_exception=False).get("/")

    response = _with_database(copy.deepcopy(connection.settings_dict), work)
    assert_maintenance_page(response)


def test_other_errors_have_a_vietnamese_page(rf):
    from core.errors import server_error

    try:
        raise ValueError("lỗi lập trình")
    except ValueError:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Đã có lỗi xảy ra" in response.content.decode()


def test_the_guard_reads_the_raw_query_string(rf):
    from core.errors import has_nul_byte

    assert has_nul_byte(rf.get("/?q=a%00b"))
    assert not has_nul_byte(rf.get("/?q=" + urllib.parse.quote("100%")))
    assert not has_nul_byte(rf.get("/?q=%2500"))
