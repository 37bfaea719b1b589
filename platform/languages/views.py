"""“Bản tiếng Anh”: the translation status report of one portal, and its actions."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.models import Page

from compliance.completeness import current_portal_kind

from .approval import ApprovalError, submit_for_approval
from .required import english_locale, is_required
from .status import State, portal_report, summary
from .sync import resync, start_translation


def can_manage_translations(user) -> bool:
    """Starting and syncing translations: the board (approvers and the head)."""
    return user.has_perm("wagtail_localize.submit_translation")


def report(request: HttpRequest) -> HttpResponse:
    rows = portal_report(kind=current_portal_kind())
    wanted = request.GET.get("trang-thai", "")
    shown = [row for row in rows if row.state == wanted] if wanted in State.values else rows
    title = _("Bản tiếng Anh")
    counts = summary(rows)
    return TemplateResponse(
        request,
        "languages/report.html",
        {
            "page_title": title,
            "header_title": title,
            "rows": shown,
            "states": [(value, label, counts[value]) for value, label in State.choices],
            "wanted": wanted,
            "can_manage": can_manage_translations(request.user),
        },
    )


def _required_page(page_id: int) -> Page:
    page = get_object_or_404(Page, pk=page_id).specific
    if not is_required(page):
        raise PermissionDenied
    return page


@require_POST
def start(request: HttpRequest, page_id: int) -> HttpResponse:
    """Create the English draft of a required page and open it in the translation editor."""
    if not can_manage_translations(request.user):
        raise PermissionDenied
    page = _required_page(page_id)
    start_translation(page, user=request.user)
    english = page.get_translation(english_locale())
    messages.success(request, _("Đã tạo bản nháp tiếng Anh của “%(title)s”.") % {"title": page.title})
    return redirect("wagtailadmin_pages:edit", english.pk)


@require_POST
def sync(request: HttpRequest, page_id: int) -> HttpResponse:
    """Take the Vietnamese page's current text into its English translation."""
    if not can_manage_translations(request.user):
        raise PermissionDenied
    page = _required_page(page_id)
    if resync(page, user=request.user) is None:
        messages.error(request, _("Trang này chưa có bản dịch tiếng Anh để đồng bộ."))
        return redirect("languages_report")
    english = page.get_translation(english_locale())
    messages.success(
        request,
        _("Đã đồng bộ “%(title)s”: hãy dịch các đoạn mới rồi gửi Ban Biên tập duyệt.")
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", english.pk)


@require_POST
def submit(request: HttpRequest, page_id: int) -> HttpResponse:
    """Send the English page (`page_id` is the English page) to the board for approval."""
    english = get_object_or_404(Page, pk=page_id, locale=english_locale()).specific
    try:
        submit_for_approval(english, request.user)
    except ApprovalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Đã gửi bản tiếng Anh “%(title)s” để Ban Biên tập duyệt.") % {"title": english.title}
        )
    return redirect(request.POST.get("next") or reverse("languages_report"))
