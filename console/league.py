"""The province's league table in the console: every portal's posting record, sortable,
filtered by kind and period, with a drill-down, CSV/XLSX exports and a monthly chart; and
the province's rules table, which the province board edits."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from console.chart import BANDS, chart_svg, figures_table, on_time_chart
from console.exports import csv_response, xlsx_response
from console.views import BOARD, OPERATOR, role_required
from deadlines import rules
from deadlines.clocks import rule_label
from deadlines.league import Period, league_table, monthly_on_time, portal_records, sort_figures
from deadlines.province.models import ClockRecord, PostingRule
from tenants.models import Portal

KINDS = [(k, label) for k, label in Portal.Kind.choices if k != Portal.Kind.PLATFORM]


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.datetime.strptime(value or "", "%d/%m/%Y").date()
    except ValueError:
        return None


def _period(request: HttpRequest, today: dt.date) -> Period:
    default = Period.last_months(today)
    start = _date(request.GET.get("tu-ngay")) or default.start
    end = _date(request.GET.get("den-ngay")) or default.end
    if end < start:
        start, end = end, start
    # The chart shows months: at most two years of them.
    if (end - start).days > 731:
        start = end - dt.timedelta(days=731)
    return Period(start, end)


def _kind(request: HttpRequest) -> str:
    kind = request.GET.get("loai", "")
    return kind if kind in dict(KINDS) else ""


HEADER = [
    gettext_lazy("Cổng"), gettext_lazy("Loại"), gettext_lazy("Đã đăng"), gettext_lazy("Đúng hạn"),
    gettext_lazy("Trễ hạn"), gettext_lazy("Quá hạn chưa đăng"), gettext_lazy("Tỷ lệ đúng hạn (%)"),
    gettext_lazy("Câu hỏi đến hạn"), gettext_lazy("Trả lời đúng hạn"),
    gettext_lazy("Tỷ lệ trả lời đúng hạn (%)"), gettext_lazy("Chuyên mục lâu không cập nhật"),
]


def _rows(figures):
    for f in figures:
        yield [f.portal.name, f.portal.get_kind_display(), f.posted, f.on_time, f.late, f.overdue,
               f.on_time_percent, f.questions, f.questions_on_time, f.questions_percent, f.stale]


@role_required(OPERATOR, BOARD)
def league(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    period, kind = _period(request, today), _kind(request)
    figures, sort = sort_figures(league_table(period, kind or None, today), request.GET.get("sap-xep", "ten"))
    export = request.GET.get("xuat")
    if export in ("csv", "xlsx"):
        header = [str(h) for h in HEADER]
        name = f"xep-hang-dang-tin-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
        if export == "csv":
            return csv_response(f"{name}.csv", header, _rows(figures))
        return xlsx_response(f"{name}.xlsx", _("Xếp hạng"), header, _rows(figures))
    months = period.months()
    portals = [f.portal for f in figures]
    monthly = monthly_on_time(period, portals, today)
    query = request.GET.copy()
    query.pop("sap-xep", None)
    query.pop("xuat", None)
    return render(request, "console/league.html", {
        "figures": figures, "sort": sort, "period": period, "kind": kind, "kinds": KINDS,
        "chart": chart_svg(
            on_time_chart(portals, months, monthly), "bieu-do", "bieu-do-mo-ta",
            _("Mỗi hàng là một cổng, mỗi cột là một tháng (theo hạn đăng); số trong ô là tỷ lệ "
              "đúng hạn (%). Bảng số liệu ở dưới."),
        ),
        "chart_table": figures_table(
            portals, months, monthly, _("Tỷ lệ đăng đúng hạn (%) theo cổng và tháng"), _("Cổng")
        ),
        "bands": BANDS, "query": query.urlencode(),
        "columns": [("ten", _("Cổng")), ("da-dang", _("Đã đăng")), ("dung-han", _("Đúng hạn")),
                    ("tre-han", _("Trễ hạn")), ("qua-han", _("Quá hạn")),
                    ("hoi-dap", _("Hỏi – Đáp đúng hạn")), ("chuyen-muc", _("Chuyên mục lâu không cập nhật"))],
    })


def _status(record: ClockRecord, today: dt.date) -> str:
    if record.kind == ClockRecord.Kind.SECTION:
        return _("lâu không cập nhật") if record.due_date < today else _("đang cập nhật")
    if record.posted_on is None:
        return _("quá hạn chưa đăng") if record.due_date < today else _("chưa đến hạn")
    if record.late_days:
        return ngettext(
            "trễ %(days)d ngày làm việc", "trễ %(days)d ngày làm việc", record.late_days
        ) % {"days": record.late_days}
    return _("đúng hạn")


@role_required(OPERATOR, BOARD)
def league_portal(request: HttpRequest, code: str) -> HttpResponse:
    portal = get_object_or_404(Portal.objects.exclude(kind=Portal.Kind.PLATFORM), code=code)
    today = timezone.localdate()
    period = _period(request, today)
    records = list(portal_records(portal, period))
    rows = [{
        "record": r, "rule": rule_label(r.rule), "status": _status(r, today),
        "kind": r.get_kind_display(),
        "url": portal.url(f"/admin/pages/{r.object_id}/edit/")
        if r.kind in (ClockRecord.Kind.PAGE, ClockRecord.Kind.SECTION) else None,
    } for r in records]
    export = request.GET.get("xuat")
    if export in ("csv", "xlsx"):
        header = [_("Loại"), _("Tiêu đề"), _("Quy định"), _("Ngày phát sinh"), _("Hạn"),
                  _("Ngày đăng"), _("Tình trạng")]
        data = [[row["kind"], row["record"].title, row["rule"], row["record"].event_date.strftime("%d/%m/%Y"),
                 row["record"].due_date.strftime("%d/%m/%Y"),
                 row["record"].posted_on.strftime("%d/%m/%Y") if row["record"].posted_on else "",
                 row["status"]] for row in rows]
        name = f"thoi-han-{portal.code}"
        if export == "csv":
            return csv_response(f"{name}.csv", header, data)
        return xlsx_response(f"{name}.xlsx", portal.code, header, data)
    query = request.GET.copy()
    query.pop("xuat", None)
    return render(request, "console/league_portal.html", {
        "portal": portal, "rows": rows, "period": period, "query": query.urlencode(),
    })


@role_required(OPERATOR, BOARD)
def rules_table(request: HttpRequest) -> HttpResponse:
    """The province's posting limits. The board edits them (or applies a preset); operators
    read them."""
    can_edit = request.platform_role == BOARD
    current = rules.province_limits()
    errors: dict[str, str] = {}
    if request.method == "POST":
        if not can_edit:
            return HttpResponse(status=403)
        preset = request.POST.get("preset")
        if preset in rules.PRESETS:
            wanted = rules.preset_limits(preset)
        else:
            wanted = {}
            for spec in rules.RULES:
                raw = request.POST.get(spec.key, "").strip()
                if not raw.isdigit() or not 1 <= int(raw) <= 365:
                    errors[spec.key] = _("Nhập số ngày từ 1 đến 365.")
                else:
                    wanted[spec.key] = int(raw)
        if not errors:
            for key, days in wanted.items():
                PostingRule.objects.update_or_create(
                    key=key, defaults={"days": days, "updated_by": request.user.get_username()}
                )
            messages.success(request, _(
                "Đã lưu thời hạn. Thời hạn của các mục được tính lại ở lần chạy việc hằng ngày tiếp theo."
            ))
            return redirect("console:deadline_rules")
        current.update({k: request.POST.get(k, "") for k in errors})
    recorded = {r.key: r for r in PostingRule.objects.all()}
    return render(request, "console/rules.html", {
        "rows": [{"spec": spec, "days": current[spec.key], "error": errors.get(spec.key),
                  "record": recorded.get(spec.key)} for spec in rules.RULES],
        "presets": [(key, label) for key, (label, _attr) in rules.PRESETS.items()],
        "can_edit": can_edit,
    })
