"""The board's pages: how many subscribe to what (counts only, never the addresses), and one
person's request about their address (export, erase)."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.permissions import BOARD_GROUPS, in_groups
from accounts.roles import BOARD_HEAD
from core.exports import csv_response

from . import personal_data
from .models import Subscription
from .targets import label_of


def can_view_counts(user) -> bool:
    return in_groups(user, BOARD_GROUPS)


def can_handle_personal_data(user) -> bool:
    return in_groups(user, {BOARD_HEAD})


def counts(request: HttpRequest) -> HttpResponse:
    if not can_view_counts(request.user):
        raise PermissionDenied
    rows = (
        Subscription.objects.values("kind", "target")
        .annotate(
            confirmed=Count("pk", filter=Q(status=Subscription.Status.CONFIRMED)),
            pending=Count("pk", filter=Q(status=Subscription.Status.PENDING)),
        )
        .order_by("kind", "target")
    )
    table = [
        {
            "kind": Subscription.Kind(row["kind"]).label,
            "label": label_of(row["kind"], row["target"]),
            "confirmed": row["confirmed"],
            "pending": row["pending"],
        }
        for row in rows
    ]
    return TemplateResponse(
        request,
        "subscriptions/admin/counts.html",
        {
            "rows": table,
            "can_handle_personal_data": can_handle_personal_data(request.user),
            "header_title": _("Đăng ký nhận tin"),
        },
    )


class AddressForm(forms.Form):
    email = forms.EmailField(label=_("Thư điện tử"))


def personal_data_view(request: HttpRequest) -> HttpResponse:
    """The board head answers a subscriber's request: see, export (CSV/JSON) or erase."""
    if not can_handle_personal_data(request.user):
        raise PermissionDenied
    source = request.POST if request.method == "POST" else request.GET
    form = AddressForm(source or None)
    found = None
    if form.is_bound and form.is_valid():
        email = form.cleaned_data["email"]
        found = list(personal_data.find(email))
        operation = request.POST.get("operation") if request.method == "POST" else None
        if operation == "json":
            response = HttpResponse(
                json.dumps(personal_data.rows(email), ensure_ascii=False, indent=2),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="dang-ky-nhan-tin.json"'
            return response
        if operation == "csv":
            rows = personal_data.rows(email)
            header = sorted({key for row in rows for key in row})
            cells = ([row.get(key, "") for key in header] for row in rows)
            return csv_response("dang-ky-nhan-tin.csv", header, cells)
        if operation == "erase":
            count = personal_data.erase(email)
            messages.success(request, _("Đã xóa %(n)s đăng ký nhận tin của địa chỉ này.") % {"n": count})
            return HttpResponseRedirect(reverse("subscriptions_personal_data"))
    return TemplateResponse(
        request,
        "subscriptions/admin/personal_data.html",
        {
            "form": form,
            "found": found,
            "labels": {s.pk: label_of(s.kind, s.target) for s in found or []},
            "header_title": _("Dữ liệu cá nhân người đăng ký nhận tin"),
        },
    )
