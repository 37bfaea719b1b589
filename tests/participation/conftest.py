"""Helpers for the participation tests: a valid submission, logged-in admin clients."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from django_tenants.utils import schema_context

from django.core.cache import cache
from django.urls import reverse

from tests.conftest import client_for

# Named explicitly: the first configured backend may not load users.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limit lives in the (process-wide) local-memory cache.
    cache.clear()
    yield
    cache.clear()


class FailingEmailBackend:
    """An e-mail backend whose server is always down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("máy chủ thư không trả lời")


def spam_fields(portal, purpose: str = "question", age: float = 10) -> dict:
    """The hidden fields of a form the citizen opened `age` seconds ago on `portal`."""
    from participation.spam import HONEYPOT_FIELD, TOKEN_FIELD, issue_token

    schema = portal if isinstance(portal, str) else portal.schema_name
    with schema_context(schema):
        token = issue_token(purpose, issued_at=time.time() - age)
    return {TOKEN_FIELD: token, HONEYPOT_FIELD: ""}


def question_data(portal, **overrides) -> dict:
    data = {
        "asker_type": "individual",
        "full_name": "Nguyễn Thị Riêng Tư",
        "address": "Số 9 phố Bí Mật, phường Tân Phong",
        "phone": "0912 345 678",
        "email": "nguoihoi@example.vn",
        "title": "Thủ tục đăng ký hộ kinh doanh",
        "body": "Xin hỏi hồ sơ đăng ký hộ kinh doanh gồm những giấy tờ gì và nộp ở đâu?",
        "consent": "on",
        **spam_fields(portal),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(portal, kind_path: str = "gui-cau-hoi/", **overrides):
    return client_for(portal).post(f"/hoi-dap/{kind_path}", question_data(portal, **overrides))


def admin_client(portal, user):
    client = client_for(portal)
    with schema_context(portal.schema_name):
        client.force_login(user, backend=MODEL_BACKEND)
    return client


def make_question(portal, **fields):
    """A question as the public form would have stored it (without e-mail)."""
    from participation.models import Question
    from participation.workflow import deadline_for

    with schema_context(portal.schema_name):
        values = {
            "full_name": "Trần Văn Kín",
            "address": "Bản Riêng, xã Bí",
            "phone": "0987 654 321",
            "email": "",
            "title": "Câu hỏi mẫu",
            "body": "Nội dung câu hỏi mẫu đủ dài để hợp lệ.",
            **fields,
        }
        question = Question(**values)
        question.received_at = question.received_at or dt.datetime.now(dt.UTC)
        question.deadline = question.deadline or deadline_for(question.received_at)
        question.save()
        return question


def process_url(question) -> str:
    return reverse("participation_question:process", args=(question.pk,))


def action_url(question, action: str) -> str:
    return reverse("participation_question:action", args=(question.pk, action))


def refused(response) -> bool:
    """The admin refuses a forbidden action: 403, or Wagtail's redirect to the dashboard
    with a "no permission" message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def assert_refused(response) -> None:
    assert refused(response), (response.status_code, response.get("Location"))
