"""Whatever is wrong with what a citizen typed, the form comes back with everything they
typed and a message in Vietnamese: never a server error, never lost text."""

from __future__ import annotations

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from tests.support.participation import question_data
from tests.support.portals import client_for

from .test_consultation import comment_data, make_consultation

TOO_LONG = "Nội dung rất dài. " * 600  # 10,800 characters
BAD_BODIES = {
    "empty": ("", "Vui lòng nhập nội dung"),
    "short": ("Quá ngắn.", "ít nhất 20 ký tự"),
    "long": (TOO_LONG, "tối đa 10000 ký tự"),
    "nul": ("Xin hỏi về thủ tục\x00 đăng ký hộ kinh doanh tại xã?", "ký tự NUL"),
}


def assert_kept(html: str, *typed: str) -> None:
    for text in typed:
        assert text.replace("\x00", "") in html, text[:40]


@pytest.mark.parametrize("kind_path", ["gui-cau-hoi/", "phan-anh-kien-nghi/"])
@pytest.mark.parametrize("case", sorted(BAD_BODIES))
def test_question_and_petition_bodies(portal_a, kind_path, case):
    from participation.models import Question

    body, message = BAD_BODIES[case]
    data = question_data(portal_a, body=body, full_name="Nguyễn Thị Giữ Lại", address="Bản Nà Tăm")
    response = client_for(portal_a).post(f"/hoi-dap/{kind_path}", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thông tin chưa hợp lệ" in html and message in html
    assert 'href="#id_body"' in html  # the summary links to the field
    assert_kept(html, "Nguyễn Thị Giữ Lại", "Bản Nà Tăm", "Thủ tục đăng ký hộ kinh doanh")
    if case in ("short", "long", "nul"):
        assert_kept(html, body[:200])
    assert "\x00" not in html
    with schema_context(portal_a.schema_name):
        assert not Question.objects.exists()


def test_a_nul_byte_in_any_field_of_the_question_form(portal_a):
    fields = ["full_name", "address", "phone", "email", "title", "asker_type", "topic", "consent"]
    for name in fields:
        data = question_data(portal_a)
        data[name] = (data.get(name) or "1") + "\x00"
        response = client_for(portal_a).post("/hoi-dap/gui-cau-hoi/", data)
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "Thông tin chưa hợp lệ" in html or "tracking-code" in html, name


def test_errors_link_to_radio_groups_by_their_first_button(portal_a):
    data = question_data(portal_a, asker_type="")
    html = client_for(portal_a).post("/hoi-dap/gui-cau-hoi/", data).content.decode()
    assert 'href="#id_asker_type_0"' in html and 'id="id_asker_type_0"' in html


@pytest.mark.parametrize("case", sorted(BAD_BODIES))
def test_consultation_comment_bodies(portal_a, case):
    from participation.models import ConsultationComment

    body, message = BAD_BODIES[case]
    if case == "short":  # a comment may be short
        return
    page = make_consultation(portal_a, f"loi-{case}", -dt.timedelta(days=1), dt.timedelta(days=1))
    data = comment_data(body=body, full_name="Phạm Giữ Nguyên", section="Điều 7 khoản 2")
    response = client_for(portal_a).post(f"/lay-y-kien/{page.slug}/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert_kept(html, "Phạm Giữ Nguyên", "Điều 7 khoản 2")
    if body:
        assert_kept(html, body[:200])
    with schema_context(portal_a.schema_name):
        assert not ConsultationComment.objects.exists()
