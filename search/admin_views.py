"""The portal's search words in its admin (Cài đặt → Từ khóa tìm kiếm): synonyms and best
bets, edited by those who publish on the portal (its editorial board). The row edited is
always the current portal's: the schema comes from the request's portal, never a form."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from tenants.current import is_portal_schema

from .models import SearchTuning


class TuningForm(forms.ModelForm):
    class Meta:
        model = SearchTuning
        fields = ["synonyms", "best_bets"]
        widgets = {
            "synonyms": forms.Textarea(attrs={"rows": 12}),
            "best_bets": forms.Textarea(attrs={"rows": 8}),
        }


def can_tune(user) -> bool:
    """The portal's board: those who may publish its pages."""
    from wagtail.permission_policies.pages import PagePermissionPolicy

    if not user.is_authenticated or not is_portal_schema():
        return False
    return user.is_superuser or PagePermissionPolicy().user_has_permission(user, "publish")


def edit_tuning(request: HttpRequest) -> HttpResponse:
    if not can_tune(request.user):
        raise PermissionDenied
    tuning = SearchTuning.objects.filter(portal=connection.schema_name).first()
    tuning = tuning or SearchTuning(portal=connection.schema_name)
    form = TuningForm(request.POST or None, instance=tuning)
    if request.method == "POST" and form.is_valid():
        form.instance.portal = connection.schema_name
        form.save()
        messages.success(request, _("Đã lưu từ khóa tìm kiếm."))
        return redirect("portal_search_tuning")
    title = _("Từ khóa tìm kiếm")
    return TemplateResponse(
        request, "portal_search/tuning.html", {"form": form, "page_title": title, "header_title": title}
    )
