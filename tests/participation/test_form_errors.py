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


# --- The GOV.UK pattern: title, summary, required markers, organisation fields ----------


def _title(html: str) -> str:
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def test_an_invalid_form_says_error_in_the_title_and_a_fresh_one_does_not(portal_a):
    client = client_for(portal_a)
    fresh = client.get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert not _title(fresh).startswith("Lỗi")
    assert "data-error-summary" not in fresh
    sent = client.post("/hoi-dap/gui-cau-hoi/", question_data(portal_a, title="")).content.decode()
    assert _title(sent).startswith("Lỗi: Gửi câu hỏi")
    # The summary is marked for portal.js to focus, and can take focus.
    assert 'tabindex="-1" id="loi" data-error-summary' in sent
    assert 'href="#id_title"' in sent


def _label(html: str, field_id: str) -> str:
    return html.split(f'<label for="{field_id}">', 1)[1].split("</label>", 1)[0]


def test_required_fields_are_marked_and_optional_ones_are_not(portal_a):
    html = client_for(portal_a).get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert "Các mục có dấu * là bắt buộc." in html
    for field_id in ("id_full_name", "id_address", "id_phone", "id_title", "id_body"):
        assert "(bắt buộc)" in _label(html, field_id), field_id
    for field_id in ("id_email", "id_attachment"):
        assert "bắt buộc" not in _label(html, field_id), field_id
    # Required only through clean(): still told to assistive technology.
    assert 'aria-required="true"' in html.split('id="id_phone"', 1)[0].rsplit("<input", 1)[1]


def test_organisation_fields_are_grouped_for_organisations_only(portal_a):
    html = client_for(portal_a).get("/hoi-dap/gui-cau-hoi/").content.decode()
    group = html.split('<fieldset class="org-fields"', 1)[1].split("</fieldset>\n", 1)[0]
    for field_id in ("id_organisation_name", "id_position", "id_licence_number"):
        assert f'id="{field_id}"' in group
        assert html.count(f'id="{field_id}"') == 1
    assert 'id="id_full_name"' not in group
    # The individual is chosen first, so the group starts hidden (portal.css).
    assert 'value="individual" id="id_asker_type_0" checked' in html.replace('required ', "")
    css = (settings_static() / "portal.css").read_text()
    assert 'form:has(input[value="organisation"]:checked) .org-fields { display: block; }' in css


def settings_static():
    from pathlib import Path

    import themes

    return Path(themes.__file__).parent / "base" / "static" / "themes" / "base"


def test_an_individuals_organisation_fields_are_not_kept(portal_a):
    from participation.models import Question

    data = question_data(portal_a, organisation_name="Công ty Không Liên Quan", position="Giám đốc")
    response = client_for(portal_a).post("/hoi-dap/gui-cau-hoi/", data)
    assert "tracking-code" in response.content.decode()
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert (question.organisation_name, question.position) == ("", "")


def test_an_organisation_is_asked_for_its_fields(portal_a):
    data = question_data(portal_a, asker_type="organisation")
    html = client_for(portal_a).post("/hoi-dap/gui-cau-hoi/", data).content.decode()
    for field_id in ("id_organisation_name", "id_position", "id_licence_number"):
        assert f'href="#{field_id}"' in html


@pytest.mark.parametrize("query", ["", "?utm_source=zalo", "?lang=en"])
def test_the_tracking_lookup_shows_no_error_box_before_a_code_is_asked(portal_a, query):
    html = client_for(portal_a).get(f"/hoi-dap/tra-cuu/{query}").content.decode()
    assert "error-summary" not in html and "Vui lòng nhập mã" not in html
    assert not _title(html).startswith("Lỗi")
    assert 'action=""' not in html


def test_the_tracking_lookup_explains_an_empty_code(portal_a):
    html = client_for(portal_a).get("/hoi-dap/tra-cuu/?ma=").content.decode()
    summary = html.split("data-error-summary", 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_ma">Mã tra cứu: Vui lòng nhập mã tra cứu.</a>' in summary
    assert _title(html).startswith("Lỗi: ")
