"""The portal's admin pages: every clock with its status, and the obligations from the
province's documents (create the page in one click, or record that it does not apply)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS, in_groups
from tenants.current import current_portal
from workdays.models import calendar_for_schema

from . import obligations as obligation_steps
from .clocks import ClockState, Status, rule_label
from .models import DeadlineSettings, Obligation
from .province.models import ClockRecord

STATUS_FILTERS = [
    ("", gettext_lazy("Tất cả")),
    (Status.OVERDUE, gettext_lazy("Quá hạn chưa đăng")),
    (Status.DUE_SOON, gettext_lazy("Sắp đến hạn")),
    (Status.LATE, gettext_lazy("Đăng trễ hạn")),
    (Status.ON_TIME, gettext_lazy("Đúng hạn")),
]


def _require_staff(request: HttpRequest) -> None:
    if not in_groups(request.user, STAFF_GROUPS):
        raise PermissionDenied


def record_status(record: ClockRecord, today, soon_days: int, calendar) -> tuple[str, str]:
    """(status, label) of a ledger row today."""
    if record.kind == ClockRecord.Kind.SECTION:
        if record.due_date < today:
            return "stale", _("lâu không cập nhật")
        return "current", _("đang cập nhật")
    if record.posted_on is not None:
        status = Status.LATE if record.late_days else Status.ON_TIME
        late = record.late_days
        left = None
    elif record.due_date < today:
        late = max(1, calendar.working_days_between(record.due_date, today))
        status, left = Status.OVERDUE, None
    else:
        left = calendar.working_days_between(today, record.due_date)
        status, late = (Status.DUE_SOON if left <= soon_days else Status.PENDING), 0
    state = ClockState(record.rule, 0, record.event_date, record.due_date, record.posted_on,
                       status, late, left)
    return status, state.label


def clock_list(request: HttpRequest) -> HttpResponse:
    """Thời hạn đăng tin: every clock of this portal, filtered by status."""
    _require_staff(request)
    portal = current_portal()
    today = timezone.localdate()
    calendar = calendar_for_schema()
    soon = DeadlineSettings.current().remind_days_before
    wanted = request.GET.get("tinh-trang", "")
    rows = []
    records = ClockRecord.objects.filter(portal=portal).exclude(kind=ClockRecord.Kind.SECTION)
    for record in records.order_by("-due_date", "pk"):
        status, label = record_status(record, today, soon, calendar)
        if wanted and status != wanted:
            continue
        rows.append({"record": record, "status": status, "label": label,
                     "rule": rule_label(record.rule),
                     "edit_id": record.object_id if record.kind == ClockRecord.Kind.PAGE else None})
    return TemplateResponse(request, "deadlines/admin/clock_list.html", {
        "rows": rows, "filters": STATUS_FILTERS, "current": wanted,
        "obligations": Obligation.objects.all()[:200],
        "can_decide": in_groups(request.user, BOARD_GROUPS),
    })


@require_POST
def obligation_create_page(request: HttpRequest, pk: int) -> HttpResponse:
    _require_staff(request)
    obligation = get_object_or_404(Obligation, pk=pk)
    try:
        page = obligation_steps.fulfil(obligation, request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("deadlines_clocks")
    if page.live:
        messages.success(request, _("Đã đăng văn bản “%(title)s”.") % {"title": page.title})
        return redirect("deadlines_clocks")
    messages.success(request, _("Đã tạo trang văn bản; hãy kiểm tra và gửi duyệt."))
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def obligation_decline(request: HttpRequest, pk: int) -> HttpResponse:
    if not in_groups(request.user, BOARD_GROUPS):
        raise PermissionDenied
    obligation = get_object_or_404(Obligation, pk=pk)
    try:
        obligation_steps.decline(obligation, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã ghi nhận văn bản không áp dụng cho đơn vị."))
    return redirect("deadlines_clocks")
