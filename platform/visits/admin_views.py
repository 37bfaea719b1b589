"""The portal's statistics page in its admin: views by day, top pages, sections, languages
and referring domains over a chosen period. Its staff only (a user of another portal does
not exist here, so is never signed in)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from accounts.permissions import STAFF_GROUPS, in_groups

from . import chart
from .models import DailyCount
from .queries import daily, ranked

PERIODS = [
    (7, _("7 ngày")), (30, _("30 ngày")), (90, _("90 ngày")), (365, _("12 tháng")),
]


def can_see(user) -> bool:
    return in_groups(user, STAFF_GROUPS)


def statistics(request: HttpRequest) -> TemplateResponse:
    if not can_see(request.user):
        raise PermissionDenied
    try:
        days = int(request.GET.get("ky", 30))
    except ValueError:
        days = 30
    if days not in dict(PERIODS):
        days = 30
    end = timezone.localdate()
    start = end - dt.timedelta(days=days - 1)
    by_day = daily(start, end)
    top_pages = ranked(DailyCount.Dimension.PAGE, start, end)
    titles = dict(
        Page.objects.filter(pk__in=[row.page_id for row in top_pages if row.page_id])
        .values_list("pk", "title")
    )
    return TemplateResponse(request, "visits/admin/statistics.html", {
        "periods": PERIODS,
        "days": days,
        "start": start,
        "end": end,
        "views": sum(views for views, _ in by_day.values()),
        "visitors": sum(visitors for _, visitors in by_day.values()),
        "by_day": [(day, views, visitors) for day, (views, visitors) in by_day.items()],
        "chart": chart.columns([(f"{day:%d/%m/%Y}", views) for day, (views, _v) in by_day.items()]),
        "pages": [(row, titles.get(row.page_id, "")) for row in top_pages],
        "sections": ranked(DailyCount.Dimension.SECTION, start, end),
        "languages": ranked(DailyCount.Dimension.LANGUAGE, start, end),
        "referrers": ranked(DailyCount.Dimension.REFERRER, start, end),
    })
