"""Creating, refreshing and rendering reports; the province's consolidation of a period."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from tenants.current import current_portal
from tenants.models import Portal

from .documents import ReportDocument
from .figures import collect
from .models import PeriodicReport, ReportFrozen
from .periods import ReportPeriod
from .tables import Table, headline, sum_figures, tables, unit_header


def subtitle(period: ReportPeriod) -> str:
    return _("Tình hình hoạt động Cổng thông tin điện tử %(period)s") % {"period": period.label}


def create_report(period: ReportPeriod, today: dt.date | None = None) -> PeriodicReport:
    """The current portal's report for `period` (made with today's figures if new)."""
    portal = current_portal()
    report, created = PeriodicReport.objects.get_or_create(
        portal=portal, kind=period.kind, year=period.year, part=period.number,
        defaults={
            "place": settings.CONG_REPORT_PLACE, "signer_title": _("Trưởng Ban Biên tập"),
            "recipients": _("Ban Biên tập Cổng thông tin điện tử tỉnh\nLưu: VT"),
        },
    )
    if created:
        refresh(report, today)
    return report


def refresh(report: PeriodicReport, today: dt.date | None = None) -> None:
    """Recount a draft's figures in its portal's schema."""
    if report.is_submitted:
        raise ReportFrozen()
    if connection.schema_name != report.portal.schema_name:
        raise ValueError("figures are counted in the report's own portal")
    report.figures = collect(report.period, today)
    report.save()


def document_for(report: PeriodicReport) -> ReportDocument:
    return ReportDocument(
        unit=report.portal.name, number=report.number, place=report.place,
        day=report.report_date or (timezone.localdate(report.submitted_at) if report.submitted_at else None),
        title=_("BÁO CÁO"), subtitle=subtitle(report.period), tables=tables(report.figures),
        narrative=[
            (_("Kết quả đạt được"), report.achievements),
            (_("Khó khăn, vướng mắc"), report.difficulties),
            (_("Đề xuất, kiến nghị"), report.proposals),
        ],
        recipients=report.recipient_lines, signer_title=report.signer_title,
        signer_name=report.signer_name,
    )


def filename(report: PeriodicReport) -> str:
    return f"bao-cao-{report.portal.code}-{report.period.key}"


# --- The province's consolidation -----------------------------------------------------------

@dataclass
class Unit:
    portal: Portal
    report: PeriodicReport | None

    @property
    def submitted(self) -> bool:
        return self.report is not None and self.report.is_submitted


@dataclass
class Consolidation:
    period: ReportPeriod
    units: list[Unit]

    @property
    def submitted(self) -> list[Unit]:
        return [u for u in self.units if u.submitted]

    @property
    def missing(self) -> list[Unit]:
        return [u for u in self.units if not u.submitted]

    @property
    def province(self) -> Unit | None:
        return next((u for u in self.units if u.portal.kind == Portal.Kind.PROVINCE), None)

    @property
    def totals(self) -> dict:
        return sum_figures([u.report.figures for u in self.submitted])

    def unit_table(self) -> Table:
        rows = []
        for unit in self.units:
            if not unit.submitted:
                rows.append([unit.portal.name, _("Chưa nộp"), "", "", "", "", "", ""])
                continue
            numbers = headline(unit.report.figures)
            rows.append([
                unit.portal.name, unit.report.number,
                timezone.localtime(unit.report.submitted_at).strftime("%d/%m/%Y"),
                numbers["published"], numbers["on_time_percent"], numbers["questions_received"],
                numbers["questions_answered"], numbers["dossiers"],
            ])
        return Table(_("Báo cáo của các đơn vị"), unit_header(), rows)

    def tables(self) -> list[Table]:
        return [self.unit_table(), *tables(self.totals)]

    def document(self) -> ReportDocument:
        own = self.province.report if self.province and self.province.submitted else None
        narrative = []
        if own is not None:
            narrative = [
                (_("Kết quả đạt được"), own.achievements),
                (_("Khó khăn, vướng mắc"), own.difficulties),
                (_("Đề xuất, kiến nghị"), own.proposals),
            ]
        province = self.province.portal if self.province else None
        return ReportDocument(
            unit=province.name if province else _("Ban Biên tập Cổng thông tin điện tử tỉnh"),
            number=own.number if own else "", place=own.place if own else settings.CONG_REPORT_PLACE,
            day=timezone.localdate(), title=_("BÁO CÁO"),
            subtitle=_("Tổng hợp tình hình hoạt động Cổng thông tin điện tử %(period)s")
            % {"period": self.period.label},
            tables=self.tables(), narrative=narrative,
            recipients=own.recipient_lines if own else [_("Bộ Thông tin và Truyền thông"), _("Lưu: VT")],
            signer_title=own.signer_title if own else "", signer_name=own.signer_name if own else "",
        )


def consolidate(period: ReportPeriod) -> Consolidation:
    """Every active portal's report for `period` (public schema: one query each)."""
    portals = list(
        Portal.objects.filter(status=Portal.Status.ACTIVE).exclude(kind=Portal.Kind.PLATFORM)
        .order_by("kind", "name")
    )
    portals.sort(key=lambda p: (p.kind != Portal.Kind.PROVINCE, p.kind, p.name))
    reports = {
        r.portal_id: r for r in PeriodicReport.objects.filter(
            kind=period.kind, year=period.year, part=period.number, portal__in=portals
        )
    }
    return Consolidation(period, [Unit(p, reports.get(p.pk)) for p in portals])
