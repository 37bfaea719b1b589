"""What happens to a question: receipt, classification, assignment, refusal, progress
notices, answer, leader approval, publication, forwarding to a member portal, and the
asker's personal data on request. Views call these; each step is recorded as a
QuestionEvent and whatever the asker must be told goes through the outbox.
"""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import BOARD_GROUPS, in_groups
from tenants.current import current_portal
from workdays.calendar import LOCAL_TZ, WORK_END, add_working_days
from workdays.models import calendar_for_schema

from .models import (
    ConsultationComment,
    Notification,
    ParticipationSettings,
    Question,
    QuestionEvent,
    QuestionTopic,
)
from .notify import portal_context, queue_email

S = Question.Status


class WorkflowError(Exception):
    """A step that is not possible in the question's current state; the message says why."""


def _actor(user) -> str:
    return user.get_username() if user is not None and user.is_authenticated else ""


def _require(question: Question, allowed: tuple[str, ...], step: str) -> None:
    if question.status not in allowed:
        raise WorkflowError(
            _("Không thể %(step)s câu hỏi đang ở trạng thái “%(status)s”.")
            % {"step": step, "status": question.get_status_display()}
        )


def _event(question: Question, action: str, user=None, note: str = "", **extra) -> QuestionEvent:
    return QuestionEvent.objects.create(
        question=question, action=action, actor=_actor(user), note=note, **extra
    )


def _email(question: Question, template: str, **context) -> Notification | None:
    if question.personal_data_erased_at:
        return None
    return queue_email(
        question.email, template, {**portal_context(), "question": question, **context}, question
    )


def current_settings() -> ParticipationSettings:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    return ParticipationSettings.for_site(site) if site else ParticipationSettings()


def deadline_for(received_at: dt.datetime, days: int | None = None) -> dt.datetime:
    days = days or current_settings().answer_days
    return add_working_days(received_at, days, calendar_for_schema())


# --- Receipt --------------------------------------------------------------------------------


def receive(question: Question) -> Question:
    """Save a new submission with its deadline; the receipt e-mail leaves after commit."""
    settings = current_settings()
    question.received_at = question.received_at or timezone.now()
    question.status = S.RECEIVED
    question.deadline = deadline_for(question.received_at, settings.answer_days)
    question.save()
    _event(question, QuestionEvent.Action.RECEIVED, note=_("Tiếp nhận qua Cổng."))
    _email(question, "received")
    if settings.board_email:
        queue_email(settings.board_email, "board_new", {**portal_context(), "question": question}, question)
    return question


# --- Handling -------------------------------------------------------------------------------


def classify(question: Question, user, kind: str, topic: QuestionTopic, note: str = "") -> None:
    _require(question, (S.RECEIVED, S.CLASSIFIED, S.ASSIGNED), _("phân loại"))
    question.kind, question.topic = kind, topic
    if question.status == S.RECEIVED:
        question.status = S.CLASSIFIED
    question.save()
    _event(
        question,
        QuestionEvent.Action.CLASSIFIED,
        user,
        f"{topic} – {question.get_kind_display()}. {note}".strip(),
    )


def assign(question: Question, user, unit: str, officer=None, note: str = "") -> None:
    _require(question, (S.RECEIVED, S.CLASSIFIED, S.ASSIGNED), _("giao xử lý"))
    question.assigned_unit, question.assigned_to = unit, officer
    question.status = S.ASSIGNED
    question.save()
    who = f"{unit}" + (f" ({officer.get_username()})" if officer else "")
    _event(question, QuestionEvent.Action.ASSIGNED, user, f"{who}. {note}".strip())


def refuse(question: Question, user, reason: str, note: str = "") -> None:
    """Refuse at once (out of scope, complaint, denunciation…) and tell the asker why."""
    _require(question, (S.RECEIVED, S.CLASSIFIED, S.ASSIGNED), _("từ chối"))
    question.status = S.REFUSED
    question.refusal_reason, question.refusal_note = reason, note
    question.save()
    _event(
        question,
        QuestionEvent.Action.REFUSED,
        user,
        f"{question.get_refusal_reason_display()}. {note}".strip(),
    )
    _email(question, "refused")


def notify_progress(question: Question, user, new_day: dt.date, note: str) -> None:
    """A progress notice: the asker learns why it takes longer and the new date."""
    _require(question, Question.OPEN_STATUSES, _("gửi thông báo tiến độ cho"))
    new_deadline = dt.datetime.combine(new_day, WORK_END, tzinfo=LOCAL_TZ)
    question.deadline = new_deadline
    question.save()
    _event(question, QuestionEvent.Action.PROGRESS, user, note, new_deadline=new_deadline)
    _email(question, "progress", note=note, new_deadline=new_deadline)


def save_answer(question: Question, user, form) -> None:
    """Record the drafted answer; it waits for a leader's approval."""
    _require(question, Question.OPEN_STATUSES, _("trả lời"))
    question = form.save(commit=False)
    question.status = S.ANSWERED
    question.answered_at = timezone.now()
    question.save()
    form.save_m2m()
    _event(question, QuestionEvent.Action.ANSWERED, user)


def return_answer(question: Question, user, note: str) -> None:
    _require(question, (S.ANSWERED,), _("trả lại"))
    if not in_groups(user, BOARD_GROUPS):
        raise PermissionDenied
    question.status = S.ASSIGNED if question.assigned_unit else S.CLASSIFIED
    question.save()
    _event(question, QuestionEvent.Action.RETURNED, user, note)


def drafted_by(question: Question) -> str:
    """The account that drafted the answer now waiting for approval ("" if none recorded)."""
    event = question.events.filter(action=QuestionEvent.Action.ANSWERED).order_by("-pk").first()
    return event.actor if event is not None else ""


def approve(question: Question, user, note: str = "") -> None:
    """A board member or the board head approves: the answer goes to the asker."""
    if not in_groups(user, BOARD_GROUPS):
        raise PermissionDenied
    _require(question, (S.ANSWERED,), _("duyệt"))
    if drafted_by(question) == _actor(user):
        # Two people for every answer sent in the portal's name: the drafter and the leader.
        raise WorkflowError(_("Người soạn trả lời không thể tự duyệt: cần một lãnh đạo khác duyệt."))
    question.status = S.APPROVED
    question.approved_by, question.approved_at = user, timezone.now()
    question.save()
    _event(question, QuestionEvent.Action.APPROVED, user, note)
    _email(question, "answered", citations=question.citation_lines())
    sync_to_origin(question)


def set_public(question: Question, user, publish: bool, note: str = "") -> None:
    """The board decides whether an approved answer is of general interest."""
    if not in_groups(user, BOARD_GROUPS):
        raise PermissionDenied
    if publish:
        _require(question, (S.APPROVED,), _("đăng công khai"))
        question.status, question.is_public = S.PUBLISHED, True
        question.published_at = question.published_at or timezone.now()
        action = QuestionEvent.Action.PUBLISHED
    else:
        _require(question, (S.PUBLISHED,), _("gỡ khỏi trang công khai"))
        question.status, question.is_public = S.APPROVED, False
        action = QuestionEvent.Action.UNPUBLISHED
    question.save()
    _event(question, action, user, note)
    sync_to_origin(question)


# --- Province → member ----------------------------------------------------------------------


def forward_targets():
    """Active member portals below the current (province) portal."""
    from tenants.models import Portal

    portal = current_portal(active_only=False)
    if portal is None or not portal.is_province:
        return []
    return list(Portal.objects.filter(parent=portal, status=Portal.Status.ACTIVE).order_by("name"))


COPIED_FIELDS = (
    "kind",
    "asker_type",
    "full_name",
    "position",
    "organisation_name",
    "licence_number",
    "address",
    "phone",
    "email",
    "title",
    "body",
    "attachment_name",
    "received_at",
    "deadline",
)


def forward(question: Question, user, target, note: str = "") -> Question:
    """Copy the question into `target`'s schema for that portal to answer; the original is
    marked forwarded and gets the answer back when the member approves it."""
    if not in_groups(user, BOARD_GROUPS):
        raise PermissionDenied
    _require(question, (S.RECEIVED, S.CLASSIFIED, S.ASSIGNED), _("chuyển"))
    if question.origin_schema:
        raise WorkflowError(_("Câu hỏi này đã được chuyển đến; không chuyển tiếp lần nữa."))
    if target.schema_name not in {p.schema_name for p in forward_targets()}:
        raise WorkflowError(_("Chỉ chuyển được tới cổng thành viên đang hoạt động của tỉnh."))
    origin = current_portal(active_only=False)
    values = {name: getattr(question, name) for name in COPIED_FIELDS}
    topic_slug = question.topic.slug if question.topic_id else None
    attachment = None
    if question.attachment:
        # The storage is per schema: read here, write under the member's folder below.
        with question.attachment.open("rb") as handle:
            attachment = handle.read()
    with transaction.atomic():
        with schema_context(target.schema_name):
            copy = Question(**values)
            copy.origin_schema, copy.origin_id = origin.schema_name, question.pk
            copy.origin_portal_name = origin.name
            copy.topic = QuestionTopic.objects.filter(slug=topic_slug).first() if topic_slug else None
            if not Question.objects.filter(tracking_code=question.tracking_code).exists():
                copy.tracking_code = question.tracking_code
            if attachment is not None:
                copy.attachment.save(
                    question.attachment.name.rsplit("/", 1)[-1], ContentFile(attachment), save=False
                )
            copy.status = S.RECEIVED
            copy.save()
            QuestionEvent.objects.create(
                question=copy,
                action=QuestionEvent.Action.RECEIVED,
                actor=_actor(user),
                note=_("Chuyển từ %(portal)s. %(note)s") % {"portal": origin.name, "note": note},
            )
            copy_id = copy.pk
        question.status = S.FORWARDED
        question.forwarded_schema, question.forwarded_id = target.schema_name, copy_id
        question.forwarded_portal_name = target.name
        question.save()
        _event(question, QuestionEvent.Action.FORWARDED, user, f"{target.name}. {note}".strip())
        _email(question, "forwarded", target_name=target.name)
    return copy


def sync_to_origin(question: Question) -> None:
    """Write a forwarded question's approved answer (and its publication) back into the
    original question on the portal that forwarded it."""
    if not question.origin_schema or not question.origin_id:
        return
    portal = current_portal(active_only=False)
    answered_by = question.answered_by_unit or (portal.name if portal else "")
    citations = "\n".join(question.citation_lines())
    with schema_context(question.origin_schema):
        origin = Question.objects.filter(pk=question.origin_id).first()
        if origin is None:
            return
        for name in (
            "answer",
            "answerer_name",
            "answerer_title",
            "answered_at",
            "approved_at",
            "public_title",
            "public_body",
            "is_public",
            "published_at",
        ):
            setattr(origin, name, getattr(question, name))
        origin.answered_by_unit = answered_by
        origin.citation_notes = citations
        origin.status = S.PUBLISHED if question.is_public else S.APPROVED
        origin.save()
        QuestionEvent.objects.create(
            question=origin,
            action=QuestionEvent.Action.MEMBER_ANSWER,
            note=_("%(portal)s: %(status)s")
            % {
                "portal": portal.name if portal else question.origin_schema,
                "status": question.get_status_display(),
            },
        )


# --- Personal data (retention) --------------------------------------------------------------


def find_personal_data(email: str = "", phone: str = "", tracking_code: str = ""):
    """The questions and comments of one person, found by e-mail, phone or tracking code."""
    from django.db.models import Q

    def digits(value: str) -> str:
        return "".join(ch for ch in value if ch.isdigit())

    questions = Question.objects.none()
    comments = ConsultationComment.objects.none()
    query = Q(pk__in=[])
    comment_query = Q(pk__in=[])
    if email:
        query |= Q(email__iexact=email)
        comment_query |= Q(email__iexact=email)
    if tracking_code:
        query |= Q(tracking_code=tracking_code)
    questions = Question.objects.filter(query)
    comments = ConsultationComment.objects.filter(comment_query).select_related("page")
    if phone:
        wanted = digits(phone)
        questions = questions | Question.objects.filter(
            pk__in=[
                pk
                for pk, value in Question.objects.exclude(phone="").values_list("pk", "phone")
                if digits(value) == wanted
            ]
        )
        comments = comments | ConsultationComment.objects.filter(
            pk__in=[
                pk
                for pk, value in ConsultationComment.objects.exclude(phone="").values_list("pk", "phone")
                if digits(value) == wanted
            ]
        )
    return questions.distinct().order_by("received_at"), comments.distinct().order_by("submitted_at")


def personal_data_rows(questions, comments) -> list[dict]:
    rows = []
    for q in questions:
        row = {
            "loai": "cau_hoi",
            "ma_tra_cuu": q.tracking_code,
            "thoi_diem": timezone.localtime(q.received_at).isoformat(),
            "tieu_de": q.title,
            "noi_dung": q.body,
            "trang_thai": q.get_status_display(),
        }
        row.update({name: str(getattr(q, name) or "") for name in Question.PERSONAL_FIELDS})
        rows.append(row)
    for c in comments:
        row = {
            "loai": "gop_y",
            "ma_tra_cuu": "",
            "thoi_diem": timezone.localtime(c.submitted_at).isoformat(),
            "tieu_de": c.page.title,
            "noi_dung": c.body,
            "trang_thai": c.get_status_display(),
        }
        row.update({name: str(getattr(c, name, "") or "") for name in Question.PERSONAL_FIELDS})
        rows.append(row)
    return rows


def record_export(questions, user) -> None:
    for question in questions:
        _event(question, QuestionEvent.Action.EXPORTED, user)


def erase_personal_data(questions, comments, user) -> int:
    """Blank the asker's identity, delete the attachment and the e-mails sent; the
    anonymised record stays for reports. Returns how many records were erased."""
    now = timezone.now()
    count = 0
    with transaction.atomic():
        for question in questions:
            for name in Question.PERSONAL_FIELDS:
                setattr(question, name, None if name == "submitter_ip" else "")
            if question.attachment:
                question.attachment.delete(save=False)
            question.attachment_name = ""
            question.personal_data_erased_at = now
            question.save()
            question.notifications.all().delete()
            _event(question, QuestionEvent.Action.ERASED, user)
            count += 1
        for comment in comments:
            for name in ConsultationComment.PERSONAL_FIELDS:
                setattr(comment, name, None if name == "submitter_ip" else "")
            comment.personal_data_erased_at = now
            comment.save()
            count += 1
    return count
