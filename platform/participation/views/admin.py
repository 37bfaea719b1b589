"""The board's views in the Wagtail admin: a question's handling page and its actions,
comment moderation, the consultation summary export and the personal-data requests."""

from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS, in_groups
from accounts.roles import BOARD_HEAD, EDITOR
from core.exports import csv_response

from .. import workflow
from ..forms import (
    AnswerForm,
    ApproveForm,
    AssignForm,
    ClassifyForm,
    ForwardForm,
    NoteForm,
    PersonalDataSearchForm,
    ProgressForm,
    PublishForm,
    RefuseForm,
)
from ..models import ConsultationComment, ConsultationPage, Question

S = Question.Status
HANDLING = (S.RECEIVED, S.CLASSIFIED, S.ASSIGNED)

# action → (label, groups allowed, statuses it applies to)
ACTIONS: dict[str, tuple] = {
    "classify": (gettext_lazy("Phân loại"), STAFF_GROUPS, HANDLING),
    "assign": (gettext_lazy("Giao xử lý"), STAFF_GROUPS, HANDLING),
    "refuse": (gettext_lazy("Từ chối tiếp nhận"), BOARD_GROUPS | {EDITOR}, HANDLING),
    "forward": (gettext_lazy("Chuyển cổng thành viên"), BOARD_GROUPS, HANDLING),
    "progress": (gettext_lazy("Thông báo tiến độ"), STAFF_GROUPS, Question.OPEN_STATUSES),
    "answer": (gettext_lazy("Soạn trả lời"), STAFF_GROUPS, Question.OPEN_STATUSES),
    "return": (gettext_lazy("Trả lại để sửa"), BOARD_GROUPS, (S.ANSWERED,)),
    "approve": (gettext_lazy("Lãnh đạo duyệt và gửi trả lời"), BOARD_GROUPS, (S.ANSWERED,)),
    "publish": (gettext_lazy("Đăng công khai"), BOARD_GROUPS, (S.APPROVED, S.PUBLISHED)),
}


def _url(name: str, *args) -> str:
    return reverse(f"participation_question:{name}", args=args)


def _form_for(action: str, question: Question, data=None):
    if action == "classify":
        return ClassifyForm(data, initial={"kind": question.kind, "topic": question.topic_id})
    if action == "assign":
        return AssignForm(
            data, initial={"assigned_unit": question.assigned_unit, "assigned_to": question.assigned_to_id}
        )
    if action == "refuse":
        return RefuseForm(data)
    if action == "forward":
        return ForwardForm(data, portals=workflow.forward_targets())
    if action == "progress":
        return ProgressForm(data)
    if action == "answer":
        return AnswerForm(data, instance=question)
    if action == "publish":
        return PublishForm(data, initial={"publish": not question.is_public})
    if action == "approve":
        return ApproveForm(data)
    return NoteForm(data)


def available_actions(question: Question, user) -> list[str]:
    names = []
    for name, (_label, groups, statuses) in ACTIONS.items():
        if question.status not in statuses or not in_groups(user, groups):
            continue
        if name == "forward" and (question.origin_schema or not workflow.forward_targets()):
            continue
        if name == "approve" and workflow.drafted_by(question) == user.get_username():
            continue  # the drafter cannot also be the approving leader
        names.append(name)
    return names


def _render_process(
    request: HttpRequest, question: Question, bound: dict | None = None, status: int = 200
) -> TemplateResponse:
    bound = bound or {}
    actions = [
        {
            "name": name,
            "label": ACTIONS[name][0],
            "url": _url("action", question.pk, name),
            "form": bound.get(name) or _form_for(name, question),
        }
        for name in available_actions(question, request.user)
    ]
    return TemplateResponse(
        request,
        "participation/admin/question_process.html",
        {
            "question": question,
            "events": question.events.all(),
            "notifications": question.notifications.all(),
            "actions": actions,
            "citations": question.citation_lines(),
            "index_url": _url("index"),
            "header_title": str(question),
            "page_title": _("Xử lý câu hỏi"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Trang quản trị")},
                {"url": _url("index"), "label": _("Hỏi – Đáp")},
                {"url": "", "label": question.tracking_code},
            ],
        },
        status=status,
    )


def question_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The asker's attachment, for the board's staff only (it is personal data)."""
    if not in_groups(request.user, STAFF_GROUPS):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    if not question.attachment:
        raise Http404
    return FileResponse(
        question.attachment.open("rb"),
        as_attachment=True,
        filename=question.attachment_name or question.attachment.name.rsplit("/", 1)[-1],
    )


def question_process(request: HttpRequest, pk: int) -> HttpResponse:
    if not in_groups(request.user, STAFF_GROUPS):
        raise PermissionDenied
    question = get_object_or_404(Question.objects.select_related("topic", "assigned_to"), pk=pk)
    return _render_process(request, question)


@require_POST
def question_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise PermissionDenied
    label, groups, _statuses = ACTIONS[action]
    if not in_groups(request.user, groups):
        raise PermissionDenied
    question = get_object_or_404(Question, pk=pk)
    form = _form_for(action, question, request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa thực hiện được: vui lòng sửa các lỗi bên dưới."))
        return _render_process(request, question, {action: form})
    data, user = form.cleaned_data, request.user
    try:
        with transaction.atomic():
            if action == "classify":
                workflow.classify(question, user, data["kind"], data["topic"], data["note"])
            elif action == "assign":
                workflow.assign(question, user, data["assigned_unit"], data["assigned_to"], data["note"])
            elif action == "refuse":
                workflow.refuse(question, user, data["reason"], data["note"])
            elif action == "forward":
                workflow.forward(question, user, form.portals[data["portal"]], data["note"])
            elif action == "progress":
                workflow.notify_progress(question, user, data["new_deadline"], data["note"])
            elif action == "answer":
                workflow.save_answer(question, user, form)
            elif action == "return":
                workflow.return_answer(question, user, data["note"])
            elif action == "approve":
                workflow.approve(question, user, data["note"])
            elif action == "publish":
                workflow.set_public(question, user, data["publish"], data["note"])
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
        return HttpResponseRedirect(_url("process", pk))
    messages.success(request, _("Đã thực hiện: %(action)s.") % {"action": label})
    return HttpResponseRedirect(_url("process", pk))


# --- Comments -------------------------------------------------------------------------------


@require_POST
def moderate_comment(request: HttpRequest, pk: int, decision: str) -> HttpResponse:
    if not in_groups(request.user, STAFF_GROUPS) or decision not in {"approve", "reject"}:
        raise PermissionDenied
    comment = get_object_or_404(ConsultationComment, pk=pk)
    comment.status = (
        ConsultationComment.Status.APPROVED if decision == "approve" else ConsultationComment.Status.REJECTED
    )
    comment.moderated_by, comment.moderated_at = request.user, timezone.now()
    comment.save()
    messages.success(request, _("Đã cập nhật ý kiến: %(s)s.") % {"s": comment.get_status_display()})
    return HttpResponseRedirect(request.POST.get("next") or reverse("participation_comment:index"))


def consultation_summary_csv(request: HttpRequest, page_id: int) -> HttpResponse:
    """Every comment on a closed consultation, for the drafting agency's summary report."""
    if not in_groups(request.user, BOARD_GROUPS):
        raise PermissionDenied
    page = get_object_or_404(ConsultationPage, pk=page_id)
    if not page.is_closed:
        messages.error(request, _("Chỉ xuất tổng hợp sau khi hết thời hạn lấy ý kiến."))
        return HttpResponseRedirect(reverse("participation_comment:index"))
    header = [
        _("STT"),
        _("Thời điểm gửi"),
        _("Người góp ý"),
        _("Loại"),
        _("Tổ chức"),
        _("Thư điện tử"),
        _("Điện thoại"),
        _("Góp ý cho phần"),
        _("Nội dung góp ý"),
        _("Trạng thái"),
    ]
    rows = (
        [
            number,
            timezone.localtime(c.submitted_at).strftime("%d/%m/%Y %H:%M"),
            c.full_name,
            c.get_commenter_type_display(),
            c.organisation_name,
            c.email,
            c.phone,
            c.section,
            c.body,
            c.get_status_display(),
        ]
        for number, c in enumerate(page.comments.order_by("submitted_at", "pk"), start=1)
    )
    # Citizens typed every one of these cells: csv_response makes them formula-safe.
    return csv_response(f"tong-hop-y-kien-{page.slug}.csv", header, rows)


# --- Personal data requests -----------------------------------------------------------------


def personal_data(request: HttpRequest) -> HttpResponse:
    """The board head answers a person's request: see, export (CSV/JSON) or erase what the
    portal holds about them; the anonymised questions stay for reports."""
    if not in_groups(request.user, {BOARD_HEAD}):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    form = PersonalDataSearchForm(source or None)
    questions = comments = None
    if form.is_bound and form.is_valid():
        questions, comments = workflow.find_personal_data(**form.cleaned_data)
        operation = request.POST.get("operation") if request.method == "POST" else None
        if operation in {"csv", "json"}:
            rows = workflow.personal_data_rows(questions, comments)
            workflow.record_export(questions, request.user)
            if operation == "csv":
                header = list(rows[0]) if rows else []
                return csv_response(
                    "du-lieu-ca-nhan.csv", header, ([row.get(key, "") for key in header] for row in rows)
                )
            response = HttpResponse(
                json.dumps(rows, ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = f'attachment; filename="du-lieu-ca-nhan.{operation}"'
            return response
        if operation == "erase":
            count = workflow.erase_personal_data(list(questions), list(comments), request.user)
            messages.success(
                request,
                _("Đã xóa dữ liệu cá nhân khỏi %(n)s hồ sơ; hồ sơ ẩn danh được giữ lại.") % {"n": count},
            )
            return HttpResponseRedirect(reverse("participation_question:personal_data"))
    return TemplateResponse(
        request,
        "participation/admin/personal_data.html",
        {
            "form": form,
            "questions": questions,
            "comments": comments,
            "header_title": _("Dữ liệu cá nhân người hỏi"),
            "breadcrumbs_items": [
                {"url": reverse("wagtailadmin_home"), "label": _("Trang quản trị")},
                {"url": _url("index"), "label": _("Hỏi – Đáp")},
                {"url": "", "label": _("Dữ liệu cá nhân")},
            ],
        },
    )
