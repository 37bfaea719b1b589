"""The demo's control loop, so the province's league table says something on first run.

The sections' own demo content already gives a mix: the legal documents were posted a day
or three after issue (on time), the plans, projects, programmes and statistics approved
months ago are posted today (late). On top of that, once every portal exists:
- a province decision applying to Phong Thổ commune, issued three weeks ago and not posted
  there: an overdue obligation;
- a province directive applying to every department, due within two working days;
- the introduction of Tân Phong ward untouched for four months: a stale section.
Then the daily job runs for every portal (validity, the ledger).
"""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from django.utils import timezone

from deadlines.daily import run_daily
from tenants.models import Portal


def _province_decision(number: str, title: str, summary: str, issued: dt.date, **applies) -> None:
    from legaldocs.models import IssuingAuthority, LegalDocumentIndexPage, LegalDocumentPage

    index = LegalDocumentIndexPage.objects.filter(depth=3).first()
    if index is None or LegalDocumentPage.objects.filter(number=number).exists():
        return
    issuer, _created = IssuingAuthority.objects.get_or_create(name="Ủy ban nhân dân tỉnh Lai Châu")
    page = LegalDocumentPage(
        title=title, doc_type="quyet-dinh" if "QĐ" in number else "chi-thi", number=number,
        issuer=issuer, summary=summary, issue_date=issued, effective_date=issued,
        signer="Hà Trọng Hải", signer_title="Chủ tịch", **applies,
    )
    index.add_child(instance=page)
    page.save_revision().publish()  # publishing registers the members' obligations


def _make_stale(section_slug: str, days: int) -> None:
    from wagtail.models import Page

    section = Page.objects.filter(depth=3, slug=section_slug).first()
    if section is None:
        return
    long_ago = timezone.now() - dt.timedelta(days=days)
    Page.objects.descendant_of(section, inclusive=True).update(
        last_published_at=long_ago, first_published_at=long_ago
    )


def _issued_for_due_soon(today: dt.date, schema_name: str) -> dt.date:
    """An issue date whose 'applying agencies' limit ends within two working days."""
    from deadlines import rules
    from deadlines.clocks import due_date
    from workdays.models import calendar_for_schema

    calendar = calendar_for_schema(schema_name)
    limit = rules.limits_for(schema_name)[rules.LEGAL_APPLYING]
    issued = today
    for _step in range(60):
        due = due_date(issued, limit, calendar)
        if due >= today and calendar.working_days_between(today, due) <= 2:
            return issued
        issued -= dt.timedelta(days=1)
    return issued


def load_demo_deadlines(province: Portal, members: list[Portal]) -> None:
    today = timezone.localdate()
    departments = [m for m in members if m.kind == Portal.Kind.DEPARTMENT]
    soon = _issued_for_due_soon(today, departments[0].schema_name) if departments else today
    with schema_context(province.schema_name):
        _province_decision(
            "35/2026/QĐ-UBND", "Quy định quản lý chợ trên địa bàn xã",
            "Ban hành Quy định phân cấp quản lý chợ hạng III trên địa bàn các xã, phường.",
            today - dt.timedelta(days=21), applies_to_portals=["xaphongtho"],
        )
        _province_decision(
            "08/CT-UBND", "Về tăng cường cung cấp thông tin trên cổng thông tin điện tử",
            "Chỉ thị về tăng cường cung cấp thông tin, dữ liệu trên cổng thông tin điện tử của "
            "các sở, ban, ngành.",
            soon, applies_to_kinds=["department"],
        )
    for portal in members:
        if portal.code == "phuongtanphong":
            with schema_context(portal.schema_name):
                _make_stale("gioi-thieu", 120)
    for portal in [province, *members]:
        run_daily(portal.schema_name, today, send_mail=False)
