"""“Nhật ký hệ thống”: the portal's audit trail, filtered, on screen and as CSV."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import security
from accounts.forms import AuditFilterForm
from accounts.models import AuditEvent
from core.exports import csv_response

PAGE_SIZE = 50


def filtered_events(form: AuditFilterForm):
    events = AuditEvent.objects.all()
    if not form.is_valid():
        return events
    data = form.cleaned_data
    tz = timezone.get_current_timezone()
    if data.get("date_from"):
        events = events.filter(at__gte=dt.datetime.combine(data["date_from"], dt.time.min, tzinfo=tz))
    if data.get("date_to"):
        events = events.filter(
            at__lt=dt.datetime.combine(data["date_to"] + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        )
    if data.get("action"):
        events = events.filter(action=data["action"])
    if data.get("actor"):
        events = events.filter(actor__icontains=data["actor"].strip())
    return events


def audit_log(request: HttpRequest) -> HttpResponse:
    if not security.can_read_audit(request.user):
        raise PermissionDenied
    form = AuditFilterForm(request.GET or None)
    events = filtered_events(form)
    if request.GET.get("export") == "csv":
        return export_csv(events)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    title = _("Nhật ký hệ thống")
    return TemplateResponse(
        request,
        "accounts/audit_log.html",
        {
            "page_title": title,
            "header_title": title,
            "form": form,
            "page_obj": page,
            "query": query.urlencode(),
        },
    )


def export_csv(events) -> HttpResponse:
    """Every event of the filtered trail; text cells made formula-safe (core.exports), since
    actor names come from whatever was typed at a failed sign-in."""
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    header = [_("Thời điểm"), _("Người thực hiện"), _("Hành động"), _("Đối tượng"), _("Địa chỉ IP"),
              _("Chi tiết")]
    rows = (
        [
            timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M:%S"),
            event.actor,
            event.get_action_display(),
            event.target,
            event.ip_address or "",
            event.detail,
        ]
        for event in events.iterator()
    )
    return csv_response(f"nhat-ky-he-thong-{stamp}.csv", header, rows)
