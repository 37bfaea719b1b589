"""The board head exports or erases an asker's personal data; the record stays."""

from __future__ import annotations

import json

from django_tenants.utils import schema_context

from django.urls import reverse

from accounts.roles import APPROVER, BOARD_HEAD
from tests.participation.factories import QuestionFactory
from tests.support.admin import assert_refused, signed_in
from tests.support.portals import client_for


def test_board_head_exports_and_erases_personal_data(portal_a, make_local_user):
    from participation.models import Question

    question = QuestionFactory(
        portal=portal_a, email="kin@example.vn", status="published", is_public=True, answer="Trả lời."
    )
    other = QuestionFactory(portal=portal_a, email="khac@example.vn")
    url = reverse("participation_question:personal_data")
    head = signed_in(portal_a, make_local_user(portal_a, "tbbt.dulieu", BOARD_HEAD))
    page = head.get(url, {"email": "KIN@example.vn"}).content.decode()
    assert question.tracking_code in page and other.tracking_code not in page

    response = head.post(url, {"email": "kin@example.vn", "operation": "json"})
    rows = json.loads(response.content)
    assert rows[0]["full_name"] == "Trần Văn Kín" and rows[0]["email"] == "kin@example.vn"
    response = head.post(url, {"phone": "0987654321", "operation": "csv"})
    assert "Trần Văn Kín" in response.content.decode("utf-8-sig")

    response = head.post(url, {"email": "kin@example.vn", "operation": "erase"})
    assert response.status_code == 302
    with schema_context(portal_a.schema_name):
        erased = Question.objects.get(pk=question.pk)
        assert erased.full_name == erased.phone == erased.email == erased.address == ""
        assert erased.personal_data_erased_at is not None
        assert erased.answer == "Trả lời." and erased.status == "published"
        assert Question.objects.get(pk=other.pk).email == "khac@example.vn"
        assert list(erased.events.values_list("action", flat=True)) == ["exported", "exported", "erased"]
    assert client_for(portal_a).get(f"/hoi-dap/{question.pk}/").status_code == 200


def test_only_the_board_head_handles_personal_data(portal_a, make_local_user):
    board = signed_in(portal_a, make_local_user(portal_a, "bbt.dulieu", APPROVER))
    url = reverse("participation_question:personal_data")
    assert_refused(board.get(url))
    assert_refused(board.post(url, {"email": "kin@example.vn", "operation": "erase"}))
