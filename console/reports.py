"""The members' periodic reports in the console: who has submitted for a period, who has
not, and the province's consolidation (tables summed and listed per unit), as a page, DOCX
and XLSX. Reports are read from the public table they live in (`reports.models.PeriodicReport`,
keyed by portal): no portal schema is opened here."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from console.views import BOARD, OPERATOR, role_required
from reports.documents import docx_bytes, download, xlsx_bytes
from reports.models import PeriodicReport
from reports.periods import SPAN, Kind, ReportPeriod, periods_of, required_kinds
from reports.service import consolidate, document_for, filename


def _choices(today) -> list[ReportPeriod]:
    found = []
    for year in (today.year, today.year - 1):
        for kind in (Kind.QUARTER, Kind.HALF, Kind.YEAR):
            found += [p for p in periods_of(kind, year) if p.start <= today]
    return sorted(found, key=lambda p: (p.end, -SPAN[p.kind]), reverse=True)  # shortest first


def _default(today) -> ReportPeriod:
    """The latest period of a required kind that has ended."""
    kinds = required_kinds() or [Kind.QUARTER]
    ended = [p for p in _choices(today) if p.kind in kinds and p.end < today]
    return ended[0] if ended else _choices(today)[-1]


@role_required(OPERATOR, BOARD)
def overview(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    try:
        period = ReportPeriod.from_key(request.GET["ky"])
    except (KeyError, ValueError):
        period = _default(today)
    result = consolidate(period)
    export = request.GET.get("xuat")
    if export in ("docx", "xlsx"):
        document = result.document()
        content = docx_bytes(document) if export == "docx" else xlsx_bytes(document)
        return download(content, f"tong-hop-bao-cao-{period.key}", export)
    return render(request, "console/reports.html", {
        "period": period, "choices": _choices(today), "result": result,
        "tables": result.tables(), "due": period.due_date(),
    })


@role_required(OPERATOR, BOARD)
def report_file(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    """A unit's submitted report as it was submitted (a draft is the unit's own business)."""
    report = get_object_or_404(
        PeriodicReport.objects.select_related("portal"), pk=pk, status=PeriodicReport.Status.SUBMITTED
    )
    document = document_for(report)
    if kind == "docx":
        return download(docx_bytes(document), filename(report), "docx")
    if kind == "xlsx":
        return download(xlsx_bytes(document), filename(report), "xlsx")
    raise Http404
