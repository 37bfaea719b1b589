"""The citizen side of participation: a valid question form, its anti-spam fields, an e-mail
server that is down, and the admin addresses of a question."""

from __future__ import annotations

import time

from django_tenants.utils import schema_context

from django.urls import reverse

from tenants.models import Portal

from .portals import client_for


class FailingEmailBackend:
    """An e-mail backend whose server is always down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("máy chủ thư không trả lời")


def spam_fields(portal: Portal | str, purpose: str = "question", age: float = 10) -> dict:
    """The hidden anti-spam fields of a form the citizen opened `age` seconds ago on `portal`."""
    from participation.spam import HONEYPOT_FIELD, TOKEN_FIELD, issue_token

    schema = portal if isinstance(portal, str) else portal.schema_name
    with schema_context(schema):
        token = issue_token(purpose, issued_at=time.time() - age)
    return {TOKEN_FIELD: token, HONEYPOT_FIELD: ""}


def question_data(portal: Portal | str, **overrides) -> dict:
    """A valid question form of `portal`; an override of None leaves the field out."""
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


def submit(portal: Portal, kind_path: str = "gui-cau-hoi/", **overrides):
    """Post the public question form of `portal`."""
    return client_for(portal).post(f"/hoi-dap/{kind_path}", question_data(portal, **overrides))


def process_url(question) -> str:
    return reverse("participation_question:process", args=(question.pk,))


def action_url(question, action: str) -> str:
    return reverse("participation_question:action", args=(question.pk, action))

