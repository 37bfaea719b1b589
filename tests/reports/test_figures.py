"""A quarterly report's figures are what the portal's schema holds for that quarter."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.utils import timezone

from reports.figures import collect
from reports.periods import Kind, ReportPeriod
from reports.sources import register_source, unregister_source
from tests.reports.helpers import Q3, TODAY, fill_quarter

QUARTER = ReportPeriod(Kind.QUARTER, 2026, 3)


def _published_in_schema(slug: str) -> int:
    from wagtail.models import Page

    section = Page.objects.get(depth=3, slug=slug)
    return sum(
        1 for page in Page.objects.descendant_of(section)
        if page.first_published_at and Q3[0] <= timezone.localdate(page.first_published_at) <= Q3[1]
    )


def test_the_quarter_s_figures_are_the_schema_s(portal_a, portal_b):
    fill_quarter(portal_a)
    with schema_context(portal_a.schema_name):
        figures = collect(QUARTER, TODAY)
        sections = {row["slug"]: row for row in figures["sections"]}
        news = sections["tin-tuc"]
        assert news["published"] == _published_in_schema("tin-tuc") == 3
        planning = next(row for row in figures["sections"] if row["clocked_posted"])
        assert (planning["clocked_posted"], planning["on_time"], planning["late"],
                planning["overdue"], planning["on_time_percent"]) == (2, 1, 1, 1, 33.3)
    assert figures["period"] == {"key": "2026-q3", "start": "2026-07-01", "end": "2026-09-30"}
    assert figures["questions"] == {
        "received": 4, "answered": 3, "answered_on_time": 2, "overdue": 1, "refused": 1,
        "forwarded": 0,
    }
    assert figures["consultations"] == {"opened": 1, "comments": 2, "comments_approved": 1}
    services = figures["services"]
    assert (services["services"], services["online"], services["received"],
            services["received_online"]) == (1, 1, 40, 30)
    assert figures["security"] == {"failed_signins": 2, "lockouts": 1}
    # The visits app registers its rows; this quarter had none.
    assert [row["value"] for row in figures["sources"]["visits"]["rows"]] == [0, 0]

    with schema_context(portal_b.schema_name):  # another portal's data is not counted
        other = collect(QUARTER, TODAY)
    assert other["questions"]["received"] == 0 and other["security"]["failed_signins"] == 0


def test_a_registered_source_adds_its_rows(portal_a):
    calls = []

    def visits(start, end):
        calls.append((start, end))
        return {"views": 120, "visitors": 45}

    register_source("sample", "Lượt truy cập", visits, labels={"views": "Lượt xem", "visitors": "Khách"})
    try:
        with schema_context(portal_a.schema_name):
            figures = collect(QUARTER, TODAY)
    finally:
        unregister_source("sample")
    assert calls == [Q3]
    assert figures["sources"]["sample"]["rows"] == [
        {"name": "views", "label": "Lượt xem", "value": 120},
        {"name": "visitors", "label": "Khách", "value": 45},
    ]
