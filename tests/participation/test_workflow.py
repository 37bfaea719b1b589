"""The board's handling of a question through the real Wagtail admin: classify, assign,
answer, leader approval, publication, refusal, progress notices, overdue lists and
forwarding from the province to a member portal."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import APPROVER, BOARD_HEAD, CONTRIBUTOR, EDITOR
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.participation.factories import QuestionFactory, QuestionTopicFactory
from tests.support.admin import assert_refused, refused, signed_in
from tests.support.participation import action_url, process_url
from tests.support.portals import client_for

PRIVATE = ("Trần Văn Kín", "Bản Riêng, xã Bí", "0987 654 321", "kin@example.vn")


def _status(portal, question) -> str:
    from participation.models import Question

    with schema_context(portal.schema_name):
        return Question.objects.get(pk=question.pk).status


def test_full_life_cycle_with_leader_approval(portal_a, make_local_user, django_capture_on_commit_callbacks):
    from participation.models import Question

    question = QuestionFactory(portal=portal_a, email="kin@example.vn")
    topic = QuestionTopicFactory(portal=portal_a, name="Đất đai")
    doc = LegalDocumentPageFactory(
        portal=portal_a, title="Quy định hạn mức giao đất", doc_type="quyet-dinh",
        number="12/2025/QĐ-UBND", issuer__name="Ủy ban nhân dân tỉnh Thử",
        summary="Quy định hạn mức giao đất ở tại nông thôn", issue_date=dt.date(2025, 3, 5),
    )
    contributor = signed_in(portal_a, make_local_user(portal_a, "ctv.hoidap", CONTRIBUTOR))
    approver = signed_in(portal_a, make_local_user(portal_a, "bbt.hoidap", APPROVER))

    listing = contributor.get("/admin/hoi-dap/")
    assert listing.status_code == 200 and question.tracking_code in listing.content.decode()
    page = contributor.get(process_url(question)).content.decode()
    assert "Trần Văn Kín" in page  # the board sees the asker
    assert "Lãnh đạo duyệt" not in page  # a contributor is not offered approval

    r = contributor.post(action_url(question, "classify"), {"kind": "question", "topic": topic.pk})
    assert r.status_code == 302 and _status(portal_a, question) == "classified"
    r = contributor.post(action_url(question, "assign"), {"assigned_unit": "Phòng Quản lý đất đai"})
    assert r.status_code == 302 and _status(portal_a, question) == "assigned"
    answer = {
        "answer": "Hạn mức giao đất ở tại nông thôn là 400 m² mỗi hộ.",
        "answered_by_unit": "Sở Nông nghiệp và Môi trường",
        "answerer_name": "Lò Văn Lãnh",
        "answerer_title": "Phó Giám đốc",
        "cited_documents": [doc.pk],
        "citation_notes": "Luật Đất đai số 31/2024/QH15 – ngày 18/01/2024 – Quốc hội",
        "public_title": "Hạn mức giao đất ở tại nông thôn",
        "public_body": "Hạn mức giao đất ở tại nông thôn của tỉnh là bao nhiêu?",
    }
    r = contributor.post(action_url(question, "answer"), answer)
    assert r.status_code == 302 and _status(portal_a, question) == "answered"

    # A contributor cannot approve, nor publish.
    assert_refused(contributor.post(action_url(question, "approve"), {}))
    assert_refused(contributor.post(action_url(question, "publish"), {"publish": "on"}))
    assert _status(portal_a, question) == "answered"
    assert not mail.outbox

    # Approving asks for confirmation: without the box ticked nothing is sent.
    unconfirmed = approver.post(action_url(question, "approve"), {"note": "Đồng ý"})
    assert unconfirmed.status_code == 200
    assert "Hãy đánh dấu xác nhận trước khi duyệt." in unconfirmed.content.decode()
    assert 'name="confirmed"' in approver.get(process_url(question)).content.decode()
    assert _status(portal_a, question) == "answered" and not mail.outbox

    with django_capture_on_commit_callbacks(execute=True):
        r = approver.post(action_url(question, "approve"), {"note": "Đồng ý", "confirmed": "on"})
    assert r.status_code == 302 and _status(portal_a, question) == "approved"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == ["kin@example.vn"]
    assert "400 m²" in sent.body and "12/2025/QĐ-UBND" in sent.body and "05/03/2025" in sent.body

    # Approved but not yet published: not on the public list.
    public = client_for(portal_a)
    assert "Hạn mức giao đất" not in public.get("/hoi-dap/").content.decode()
    r = approver.post(action_url(question, "publish"), {"publish": "on"})
    assert r.status_code == 302 and _status(portal_a, question) == "published"

    listing = public.get("/hoi-dap/").content.decode()
    assert "Hạn mức giao đất ở tại nông thôn" in listing
    detail = public.get(f"/hoi-dap/{question.pk}/").content.decode()
    assert "400 m²" in detail and "12/2025/QĐ-UBND" in detail and "Lò Văn Lãnh" in detail
    assert "Luật Đất đai số 31/2024/QH15" in detail
    for private in (*PRIVATE, question.tracking_code):
        assert private not in listing and private not in detail
    assert public.get("/hoi-dap/?q=giao+đất").content.decode().count("qa-item") == 1
    assert public.get(f"/hoi-dap/?linh_vuc={topic.slug}").status_code == 200
    assert public.get("/hoi-dap/?q=Kín").content.decode().count("qa-item") == 0

    # The board may take it down again.
    approver.post(action_url(question, "publish"), {})
    assert _status(portal_a, question) == "approved"
    assert public.get(f"/hoi-dap/{question.pk}/").status_code == 404
    with schema_context(portal_a.schema_name):
        actions = list(Question.objects.get(pk=question.pk).events.values_list("action", flat=True))
    assert actions == [
        "classified",
        "assigned",
        "answered",
        "approved",
        "published",
        "unpublished",
    ]


def test_unpublished_questions_are_not_public(portal_a):
    question = QuestionFactory(portal=portal_a, status="approved", answer="Trả lời")
    assert client_for(portal_a).get(f"/hoi-dap/{question.pk}/").status_code == 404


def test_refusal_of_a_complaint_notifies_the_asker(
    portal_a, make_local_user, django_capture_on_commit_callbacks
):
    question = QuestionFactory(
        portal=portal_a, email="kin@example.vn", title="Khiếu nại quyết định thu hồi đất"
    )
    editor = signed_in(portal_a, make_local_user(portal_a, "btv.tuchoi", EDITOR))
    r = editor.post(action_url(question, "refuse"), {"reason": "other"})
    assert r.status_code == 200 and "Vui lòng ghi rõ lý do từ chối." in r.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        r = editor.post(action_url(question, "refuse"), {"reason": "complaint", "note": "Gửi UBND."})
    assert r.status_code == 302 and _status(portal_a, question) == "refused"
    assert "khiếu nại" in mail.outbox[0].body and "Gửi UBND." in mail.outbox[0].body
    html = client_for(portal_a).get(f"/hoi-dap/tra-cuu/?ma={question.tracking_code}").content.decode()
    assert "Từ chối tiếp nhận" in html and "khiếu nại" in html
    assert "Khiếu nại quyết định" not in client_for(portal_a).get("/hoi-dap/").content.decode()
    # Nothing more can be done with a refused question.
    r = editor.post(action_url(question, "assign"), {"assigned_unit": "Phòng A"})
    assert _status(portal_a, question) == "refused"


def test_progress_notice_sets_a_new_date(portal_a, make_local_user, django_capture_on_commit_callbacks):
    question = QuestionFactory(portal=portal_a, email="kin@example.vn")
    client = signed_in(portal_a, make_local_user(portal_a, "ctv.tiendo", CONTRIBUTOR))
    new_day = timezone.localdate() + dt.timedelta(days=30)
    form = client.get(reverse("participation_question:process", args=(question.pk,))).content.decode()
    # dd/mm/yyyy whatever the browser's language (no type="date").
    assert 'name="new_deadline"' in form and 'placeholder="dd/mm/yyyy"' in form
    assert 'type="date"' not in form
    with django_capture_on_commit_callbacks(execute=True):
        r = client.post(
            action_url(question, "progress"),
            {"new_deadline": new_day.strftime("%d/%m/%Y"), "note": "Cần xin ý kiến Sở Tư pháp."},
        )
    assert r.status_code == 302
    assert "Cần xin ý kiến Sở Tư pháp." in mail.outbox[0].body
    assert new_day.strftime("%d/%m/%Y") in mail.outbox[0].body
    html = client_for(portal_a).get(f"/hoi-dap/tra-cuu/?ma={question.tracking_code}").content.decode()
    assert "Cần xin ý kiến Sở Tư pháp." in html and new_day.strftime("%d/%m/%Y") in html


def test_overdue_and_due_soon_filters(portal_a, make_local_user):
    now = timezone.now()
    late = QuestionFactory(portal=portal_a, title="Câu hỏi quá hạn", deadline=now - dt.timedelta(days=1))
    soon = QuestionFactory(portal=portal_a, title="Câu hỏi sắp hạn", deadline=now + dt.timedelta(hours=2))
    later = QuestionFactory(portal=portal_a, title="Câu hỏi còn hạn", deadline=now + dt.timedelta(days=40))
    done = QuestionFactory(
        portal=portal_a, title="Câu hỏi đã xong", deadline=now - dt.timedelta(days=1), status="published"
    )
    client = signed_in(portal_a, make_local_user(portal_a, "bbt.han", APPROVER))
    overdue = client.get("/admin/hoi-dap/?han=overdue").content.decode()
    assert late.title in overdue and "quá hạn" in overdue
    assert soon.title not in overdue and later.title not in overdue and done.title not in overdue
    due_soon = client.get("/admin/hoi-dap/?han=soon").content.decode()
    assert soon.title in due_soon and late.title not in due_soon and later.title not in due_soon


def test_people_outside_the_board_groups_see_nothing(portal_a, make_local_user):
    question = QuestionFactory(portal=portal_a)
    nobody = signed_in(portal_a, make_local_user(portal_a, "khach", None, is_staff=False))
    assert nobody.get(process_url(question)).status_code in (302, 403)
    assert nobody.get("/admin/hoi-dap/").status_code in (302, 403)


def test_forwarding_from_province_to_member_and_answer_coming_back(
    province, portal_a, make_local_user, django_capture_on_commit_callbacks
):
    from participation.models import Question

    QuestionTopicFactory(portal=portal_a, name="Giáo dục")
    with schema_context(province.schema_name):
        question = QuestionFactory(
            email="kin@example.vn", title="Học phí trường nội trú",
            topic=QuestionTopicFactory(name="Giáo dục"),
        )
    province_board = signed_in(province, make_local_user(province, "bbt.tinh", APPROVER))
    page = province_board.get(process_url(question)).content.decode()
    assert "Chuyển cổng thành viên" in page and "Sở A" in page

    with django_capture_on_commit_callbacks(execute=True):
        r = province_board.post(action_url(question, "forward"), {"portal": portal_a.schema_name})
    assert r.status_code == 302
    assert _status(province, question) == "forwarded"
    assert "Sở A" in mail.outbox[-1].body
    with schema_context(portal_a.schema_name):
        copy = Question.objects.get(origin_schema=province.schema_name, origin_id=question.pk)
        assert copy.full_name == "Trần Văn Kín" and copy.topic.name == "Giáo dục"
        assert copy.tracking_code == question.tracking_code and copy.status == "received"
    with schema_context(province.schema_name):
        assert Question.objects.get(pk=question.pk).forwarded_id == copy.pk

    member_editor = signed_in(portal_a, make_local_user(portal_a, "btv.soa", EDITOR))
    member_head = signed_in(portal_a, make_local_user(portal_a, "tbbt.soa", BOARD_HEAD))
    assert "Chuyển cổng thành viên" not in member_head.get(process_url(copy)).content.decode()
    member_editor.post(
        action_url(copy, "answer"),
        {
            "answer": "Học sinh trường phổ thông dân tộc nội trú được miễn học phí.",
            "answered_by_unit": "Sở A",
            "answerer_name": "Giàng A Sáu",
            "answerer_title": "Giám đốc",
        },
    )
    assert_refused(member_editor.post(action_url(copy, "approve"), {}))
    with django_capture_on_commit_callbacks(execute=True):
        member_head.post(action_url(copy, "approve"), {"confirmed": "on"})
    assert "được miễn học phí" in mail.outbox[-1].body
    with schema_context(province.schema_name):
        origin = Question.objects.get(pk=question.pk)
        assert origin.status == "approved" and "miễn học phí" in origin.answer
        assert origin.answered_by_unit == "Sở A"
    member_head.post(action_url(copy, "publish"), {"publish": "on"})
    with schema_context(province.schema_name):
        assert Question.objects.get(pk=question.pk).status == "published"

    for portal, pk in ((province, question.pk), (portal_a, copy.pk)):
        detail = client_for(portal).get(f"/hoi-dap/{pk}/").content.decode()
        assert "được miễn học phí" in detail and "Sở A" in detail
        for private in PRIVATE:
            assert private not in detail
    html = client_for(province).get(f"/hoi-dap/tra-cuu/?ma={question.tracking_code}").content.decode()
    assert "được miễn học phí" in html


def test_member_portal_cannot_forward_and_contributor_cannot_forward(province, portal_a, make_local_user):
    question = QuestionFactory(portal=province)
    contributor = signed_in(province, make_local_user(province, "ctv.tinh", CONTRIBUTOR))
    r = contributor.post(action_url(question, "forward"), {"portal": portal_a.schema_name})
    assert refused(r) and _status(province, question) == "received"
    member_question = QuestionFactory(portal=portal_a)
    member_board = signed_in(portal_a, make_local_user(portal_a, "bbt.soa2", APPROVER))
    r = member_board.post(action_url(member_question, "forward"), {"portal": "xab"})
    assert r.status_code == 200  # the choice is not offered: the form refuses it
    assert _status(portal_a, member_question) == "received"


def test_a_published_answer_carries_the_disclaimer_in_both_languages(portal_a):
    question = QuestionFactory(
        portal=portal_a, status="published", is_public=True, answer="Xin trả lời như sau.",
        answered_at=timezone.now(), published_at=timezone.now(),
    )
    client = client_for(portal_a)
    html = client.get(f"/hoi-dap/{question.pk}/").content.decode()
    assert "Xin trả lời như sau." in html
    assert "Nội dung trả lời chỉ có giá trị tham khảo, không phải là căn cứ pháp lý" in html
    from django.utils.translation import gettext, override

    with override("en"):
        english = gettext(
            "Nội dung trả lời chỉ có giá trị tham khảo, không phải là căn cứ pháp lý để giải quyết "
            "các vụ việc cụ thể. Căn cứ pháp lý là các văn bản quy phạm pháp luật có hiệu lực."
        )
    assert english.startswith("This answer is for reference only")


def test_the_drafter_of_an_answer_cannot_also_approve_it(portal_a, make_local_user):
    from participation.models import Question

    question = QuestionFactory(portal=portal_a)
    drafter = signed_in(portal_a, make_local_user(portal_a, "bbt.soanthao", APPROVER))
    leader = signed_in(portal_a, make_local_user(portal_a, "bbt.lanhdao", APPROVER))
    r = drafter.post(action_url(question, "answer"), {
        "answer": "Thủ tục được giải quyết trong 5 ngày làm việc.",
        "answered_by_unit": "Văn phòng Sở", "answerer_name": "Lò Văn Lãnh",
        "answerer_title": "Chánh Văn phòng",
    })
    assert r.status_code == 302 and _status(portal_a, question) == "answered"

    # Not offered to the drafter, and refused when tried anyway.
    assert "Lãnh đạo duyệt" not in drafter.get(process_url(question)).content.decode()
    refused_page = drafter.post(
        action_url(question, "approve"), {"note": "Tự duyệt", "confirmed": "on"}, follow=True
    )
    assert "Người soạn trả lời không thể tự duyệt" in refused_page.content.decode()
    assert _status(portal_a, question) == "answered"

    assert "Lãnh đạo duyệt" in leader.get(process_url(question)).content.decode()
    approved = leader.post(action_url(question, "approve"), {"note": "Đồng ý", "confirmed": "on"})
    assert approved.status_code == 302
    with schema_context(portal_a.schema_name):
        approved = Question.objects.get(pk=question.pk)
        assert approved.status == "approved"
        assert approved.approved_by.get_username() == "bbt.lanhdao"
