"""The error pages a visitor of a portal meets: in the portal's look and language, saying what
to do next, with the portal's contacts; the 500 page without a database query."""

from __future__ import annotations

import pytest

from django.test import RequestFactory
from django.utils import translation

from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def test_not_found_is_the_portal_page_with_next_steps_in_its_language(portal_a):
    browser = client_for(portal_a)
    response = browser.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html and "Không tìm thấy trang" in html
    assert "Bạn có thể" in html and 'class="site-footer"' in html and 'role="search"' in html
    assert portal_a.name.upper() in html.upper()
    english = browser.get("/en/no-such-page/")
    assert english.status_code == 404
    html = english.content.decode()
    assert '<html lang="en">' in html and "What you can do" in html
    assert "Không tìm thấy trang" not in html


def test_a_malformed_request_is_a_branded_400(portal_a):
    # More fields than Django accepts (DATA_UPLOAD_MAX_NUMBER_FIELDS) is a bad request.
    query = "&".join(f"x{i}=1" for i in range(10_001))
    response = client_for(portal_a).get(f"/van-ban/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html and "Bạn có thể" in html
    assert 'class="site-footer"' in html


def test_the_forbidden_page_renders_in_the_portal_look(portal_a):
    from django.template import loader

    html = loader.get_template("403.html").render({"portal": portal_a})
    assert "Không có quyền truy cập" in html and "Bạn có thể" in html


def test_the_server_error_page_names_the_portal_in_its_language_without_a_query(
    portal_a, django_assert_num_queries
):
    from core.errors import server_error

    portal_a.name_en = "Department A"
    portal_a.contact_email = "bbt@soa.example.vn"
    request = RequestFactory().get("/")
    request.tenant = portal_a
    with django_assert_num_queries(0), translation.override("en"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500 and response["Cache-Control"] == "no-store"
    assert '<html lang="en">' in html and "Something went wrong" in html
    assert "Department A" in html and "mailto:bbt@soa.example.vn" in html
    with django_assert_num_queries(0), translation.override("vi"):
        html = server_error(request).content.decode()
    assert "Đã có lỗi xảy ra" in html and portal_a.name in html
    # Without a portal (routing failed first): the plain page still answers.
    with django_assert_num_queries(0):
        plain = server_error(RequestFactory().get("/"))
    assert plain.status_code == 500 and "Đã có lỗi xảy ra" in plain.content.decode()
