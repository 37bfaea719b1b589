"""The public question form: validation, spam protection, receipt e-mail and the outbox."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from accounts.roles import EDITOR
from tests.support.admin import signed_in
from tests.support.participation import question_data, submit
from tests.support.portals import client_for

FAILING = "tests.support.participation.FailingEmailBackend"


def test_form_page_is_accessible(portal_a):
    html = client_for(portal_a).get("/hoi-dap/gui-cau-hoi/").content.decode()
    assert '<label for="id_full_name">' in html
    assert "<legend>" in html
    # Nothing to answer: the check is a hidden signed token and a honeypot.
    assert 'name="form_token"' in html and "phép tính" not in html
    assert 'name="website"' in html and 'aria-hidden="true"' in html
    assert "khiếu nại, tố cáo" in html


def test_submission_is_saved_with_deadline_and_receipt(portal_a, django_capture_on_commit_callbacks):
    from participation.models import Notification, Question
    from workdays.calendar import add_working_days
    from workdays.models import calendar_for_schema

    with django_capture_on_commit_callbacks(execute=True):
        response = submit(portal_a)
    assert response.status_code == 200
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert question.tracking_code in response.content.decode()
        assert len(question.tracking_code) == 10
        assert question.status == "received"
        assert question.submitter_ip == "127.0.0.1"
        assert question.deadline == add_working_days(question.received_at, 15, calendar_for_schema())
        notification = Notification.objects.get()
        assert notification.status == "sent" and notification.attempts == 1
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nguoihoi@example.vn"]
    assert question.tracking_code in mail.outbox[0].body


def test_input_is_normalised_to_nfc(portal_a):
    from participation.models import Question

    decomposed = "Nguye\u0302\u0303n Va\u0306n A"  # “Nguyễn Văn A” typed with combining marks
    submit(portal_a, full_name=decomposed, email="")
    with schema_context(portal_a.schema_name):
        assert Question.objects.get().full_name == "Nguyễn Văn A"


def test_deadline_follows_the_portal_setting(portal_a):
    from wagtail.models import Site

    from participation.models import ParticipationSettings, Question
    from workdays.calendar import add_working_days

    with schema_context(portal_a.schema_name):
        settings = ParticipationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.answer_days = 12
        settings.save()
    submit(portal_a, email="")
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert question.deadline == add_working_days(question.received_at, 12)


def test_individual_must_give_name_address_phone_and_values_are_kept(portal_a):
    from participation.models import Question

    response = submit(portal_a, full_name="", address="", phone="12", email="khong-hop-le")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    assert "Vui lòng nhập họ và tên." in html
    assert "Vui lòng nhập địa chỉ." in html
    assert "Số điện thoại không hợp lệ" in html
    assert "Địa chỉ thư điện tử không hợp lệ" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_full_name_error"' in html
    # What the citizen typed is still there.
    assert "Thủ tục đăng ký hộ kinh doanh" in html
    assert "Xin hỏi hồ sơ đăng ký hộ kinh doanh" in html
    assert 'value="khong-hop-le"' in html
    with schema_context(portal_a.schema_name):
        assert not Question.objects.exists()


def test_organisation_must_give_its_own_fields(portal_a):
    from participation.models import Question

    response = submit(portal_a, asker_type="organisation", organisation_name="Công ty TNHH Chè Ngon")
    html = response.content.decode()
    assert "Vui lòng nhập chức vụ của người đại diện." in html
    assert "Vui lòng nhập số quyết định thành lập hoặc số giấy phép hoạt động." in html
    assert 'value="Công ty TNHH Chè Ngon"' in html
    assert 'value="organisation" id="id_asker_type_1" checked' in html or (
        'id="id_asker_type_1" checked' in html
    )
    with schema_context(portal_a.schema_name):
        assert not Question.objects.exists()
    submit(
        portal_a,
        asker_type="organisation",
        organisation_name="Công ty TNHH Chè Ngon",
        position="Giám đốc",
        licence_number="6200123456",
        email="",
    )
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert question.asker_type == "organisation" and question.licence_number == "6200123456"


def test_attachment_type_size_and_content_are_checked(portal_a, make_local_user):
    from participation.models import Question

    client = client_for(portal_a)
    form = "/hoi-dap/gui-cau-hoi/"
    exe = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    html = client.post(form, {**question_data(portal_a), "attachment": exe}).content.decode()
    assert "chỉ nhận định dạng PDF, DOC, DOCX, JPG hoặc PNG" in html
    fake = SimpleUploadedFile("gia.pdf", b"not a pdf at all", content_type="application/pdf")
    html = client.post(form, {**question_data(portal_a), "attachment": fake}).content.decode()
    assert "Nội dung tệp không đúng định dạng PDF" in html
    big = SimpleUploadedFile(
        "lon.pdf", b"%PDF-1.4\n" + b"0" * (5 * 1024 * 1024), content_type="application/pdf"
    )
    html = client.post(form, {**question_data(portal_a), "attachment": big}).content.decode()
    assert "không được lớn hơn 5 MB" in html
    with schema_context(portal_a.schema_name):
        assert not Question.objects.exists()
    good = SimpleUploadedFile(
        "Don cua Nguyen Thi Rieng Tu.pdf", b"%PDF-1.4\nabc", content_type="application/pdf"
    )
    response = client.post(form, {**question_data(portal_a, email=""), "attachment": good})
    assert response.status_code == 200
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert question.attachment_name == "Don cua Nguyen Thi Rieng Tu.pdf"
        assert "Nguyen" not in question.attachment.name  # stored under a random name
        assert question.attachment.read() == b"%PDF-1.4\nabc"
        media_url = question.attachment.url

    # Personal data: never served as public media, only to the board's staff.
    assert media_url.startswith(f"/media/{portal_a.schema_name}/private/")
    assert client_for(portal_a).get(media_url).status_code == 404
    download = f"/admin/hoi-dap/xu-ly/{question.pk}/tep-dinh-kem/"
    assert client_for(portal_a).get(download).status_code == 302  # to the login page
    staff = signed_in(portal_a, make_local_user(portal_a, "btv.tep", EDITOR))
    response = staff.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\nabc"
    assert "Don cua Nguyen Thi Rieng Tu.pdf" in response["Content-Disposition"]
    outsider = signed_in(portal_a, make_local_user(portal_a, "khongnhom.tep"))
    assert outsider.get(download).status_code in (302, 403)


def test_honeypot_refuses_the_submission(portal_a):
    from participation.models import Question

    response = submit(portal_a, website="http://spam.example")
    assert response.status_code == 400
    assert "Không gửi được nội dung" in response.content.decode()
    with schema_context(portal_a.schema_name):
        assert not Question.objects.exists()


def test_rate_limit_per_ip(portal_a):
    from wagtail.models import Site

    from participation.models import ParticipationSettings, Question

    with schema_context(portal_a.schema_name):
        settings = ParticipationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.submissions_per_hour = 2
        settings.save()
    assert submit(portal_a, email="").status_code == 200
    assert submit(portal_a, email="").status_code == 200
    response = submit(portal_a, email="")
    assert response.status_code == 429
    assert "quá nhiều lần" in response.content.decode()
    # Another address is not held back.
    other = client_for(portal_a).post(
        "/hoi-dap/gui-cau-hoi/", question_data(portal_a, email=""), REMOTE_ADDR="10.1.2.3"
    )
    assert other.status_code == 200
    with schema_context(portal_a.schema_name):
        assert Question.objects.count() == 3


def test_mail_failure_keeps_the_submission_and_is_retried(
    portal_a, settings, django_capture_on_commit_callbacks
):
    from participation.models import Notification, Question

    settings.EMAIL_BACKEND = FAILING
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(portal_a)
    assert response.status_code == 200
    with schema_context(portal_a.schema_name):
        question = Question.objects.get()
        assert question.tracking_code in response.content.decode()
        notification = Notification.objects.get()
        assert notification.status == "failed"
        assert notification.attempts == 3
        assert "máy chủ thư không trả lời" in notification.last_error
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("retry_notifications", schema=portal_a.schema_name)
    with schema_context(portal_a.schema_name):
        notification.refresh_from_db()
        assert notification.status == "sent" and notification.attempts == 4
    assert mail.outbox[-1].to == ["nguoihoi@example.vn"]


def test_petition_route(portal_a):
    from participation.models import Question

    client = client_for(portal_a)
    assert "phản ánh, kiến nghị" in client.get("/hoi-dap/phan-anh-kien-nghi/").content.decode()
    client.post("/hoi-dap/phan-anh-kien-nghi/", question_data(portal_a, email=""))
    with schema_context(portal_a.schema_name):
        assert Question.objects.get().kind == "petition"


def test_lookup_by_tracking_code(portal_a):
    from tests.participation.factories import QuestionFactory

    question = QuestionFactory(portal=portal_a)
    client = client_for(portal_a)
    html = client.get(f"/hoi-dap/tra-cuu/?ma={question.tracking_code.lower()}").content.decode()
    assert "Mới tiếp nhận" in html and "Câu hỏi mẫu" in html
    assert "Trần Văn Kín" not in html and "0987 654 321" not in html
    html = client.get("/hoi-dap/tra-cuu/?ma=KHONGCOMA1").content.decode()
    assert "Không tìm thấy" in html
    assert dt.date.today()  # the lookup page needs no login
