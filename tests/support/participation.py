"""The citizen side of participation: a valid question form, its anti-spam fields, an e-mail
server that is down, and the admin addresses of a question."""

from __future__ import annotations

from django.urls import reverse

from tenants.models import Portal

from .portals import client_for


class FailingEmailBackend:
    """An e-mail backend whose server is always down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("máy chủ thư không trả lời")


def challenge_fields() -> dict:
    """The anti-spam fields of a public form, answered right (3 + 4), honeypot empty."""
    from participation.spam import issue_challenge

    challenge = issue_challenge(3, 4)
    return {"challenge_token": challenge.token, "challenge_answer": "7", "website": ""}


def question_data(**overrides) -> dict:
    """A valid question form; an override of None leaves the field out."""
    data = {
        "asker_type": "individual",
        "full_name": "Nguyễn Thị Riêng Tư",
        "address": "Số 9 phố Bí Mật, phường Tân Phong",
        "phone": "0912 345 678",
        "email": "nguoihoi@example.vn",
        "title": "Thủ tục đăng ký hộ kinh doanh",
        "body": "Xin hỏi hồ sơ đăng ký hộ kinh doanh gồm những giấy tờ gì và nộp ở đâu?",
        "consent": "on",
        **challenge_fields(),
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def submit(portal: Portal, kind_path: str = "gui-cau-hoi/", **overrides):
    """Post the public question form of `portal`."""
    return client_for(portal).post(f"/hoi-dap/{kind_path}", question_data(**overrides))


def process_url(question) -> str:
    return reverse("participation_question:process", args=(question.pk,))


def action_url(question, action: str) -> str:
    return reverse("participation_question:action", args=(question.pk, action))

