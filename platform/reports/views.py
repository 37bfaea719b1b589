"""The portal's admin pages for its periodic reports ("Báo cáo định kỳ").

The board (approvers and the head) may look and download; only the board head creates,
edits the narrative, refreshes the figures and submits. A submitted report is read-only:
any change is answered 403 with the reason.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import BOARD_GROUPS, in_groups
from accounts.roles import BOARD_HEAD
from tenants.current import current_portal

from . import service
from .documents import docx_bytes, download, xlsx_bytes
from .forms import NarrativeForm, PeriodForm
from .models import FROZEN_MESSAGE, PeriodicReport
from .periods import latest_periods
from .tables import tables


def can_view(user) -> bool:
    return current_portal() is not None and in_groups(user, BOARD_GROUPS)


def can_edit(user) -> bool:
    return current_portal() is not None and in_groups(user, {BOARD_HEAD})


def _report(request: HttpRequest, pk: int) -> PeriodicReport:
    if not can_view(request.user):
        raise PermissionDenied
    return get_object_or_404(PeriodicReport, pk=pk, portal=current_portal())


def _refused(request: HttpRequest, report: PeriodicReport) -> HttpResponse:
    return TemplateResponse(
        request, "reports/admin/frozen.html", {"report": report, "message": FROZEN_MESSAGE}, status=403
    )


def _editable(request: HttpRequest, pk: int) -> PeriodicReport | HttpResponse:
    report = _report(request, pk)
    if report.is_submitted:
        return _refused(request, report)
    if not can_edit(request.user):
        raise PermissionDenied
    return report


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def report_list(request: HttpRequest) -> HttpResponse:
    if not can_view(request.user):
        raise PermissionDenied
    periods = latest_periods(timezone.localdate())
    return TemplateResponse(request, "reports/admin/list.html", {
        "reports": PeriodicReport.objects.filter(portal=current_portal()),
        "form": PeriodForm(periods=periods) if can_edit(request.user) else None,
    })


@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    if not can_edit(request.user):
        raise PermissionDenied
    form = PeriodForm(request.POST, periods=latest_periods(timezone.localdate()))
    if not form.is_valid():
        messages.error(request, _("Kỳ báo cáo không hợp lệ."))
        return redirect("reports_list")
    report = service.create_report(form.chosen)
    return redirect("reports_detail", report.pk)


def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if request.method == "POST":
        report = _editable(request, pk)
        if isinstance(report, HttpResponse):
            return report
        form = NarrativeForm(request.POST, instance=report)
        if form.is_valid():
            form.save()
            messages.success(request, _("Đã lưu báo cáo."))
            return redirect("reports_detail", report.pk)
    else:
        report = _report(request, pk)
        form = NarrativeForm(instance=report) if can_edit(request.user) and not report.is_submitted else None
    counted = report.figures.get("period", {})
    return TemplateResponse(request, "reports/admin/detail.html", {
        "report": report, "form": form, "tables": tables(report.figures),
        "start": _day(counted.get("start")), "end": _day(counted.get("end")),
        "subtitle": service.subtitle(report.period), "can_edit": can_edit(request.user),
    })


@require_POST
def report_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    if isinstance(report, HttpResponse):
        return report
    service.refresh(report)
    messages.success(request, _("Đã cập nhật số liệu đến hôm nay."))
    return redirect("reports_detail", report.pk)


def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _editable(request, pk)
    if isinstance(report, HttpResponse):
        return report
    if request.method == "POST":
        missing = [label for label, value in (
            (_("số báo cáo"), report.number), (_("người ký"), report.signer_name),
        ) if not value]
        if missing:
            messages.error(request, _("Chưa thể nộp: thiếu %(fields)s.") % {"fields": ", ".join(missing)})
            return redirect("reports_detail", report.pk)
        if report.report_date is None:
            report.report_date = timezone.localdate()
        report.submit(by=request.user.get_username())
        messages.success(request, _("Đã nộp báo cáo. Báo cáo đã nộp không thể sửa."))
        return redirect("reports_detail", report.pk)
    return TemplateResponse(request, "reports/admin/submit.html", {
        "report": report, "subtitle": service.subtitle(report.period),
    })


def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    report = _report(request, pk)
    document = service.document_for(report)
    if kind == "docx":
        return download(docx_bytes(document), service.filename(report), "docx")
    if kind == "xlsx":
        return download(xlsx_bytes(document), service.filename(report), "xlsx")
    raise Http404
