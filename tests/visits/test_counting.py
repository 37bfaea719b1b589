"""Counting page views through the beacon: one visitor, N views, nothing personal kept."""

from __future__ import annotations

import datetime as dt

import pytest
from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from tests.support.portals import client_for, home_page_id

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
ADDRESS = "203.0.113.45"

pytestmark = pytest.mark.django_db


def send_beacon(client, page_id, path="/", language="vi", referrer="", agent=BROWSER, ip=ADDRESS):
    return client.post(
        f"/_v?p={page_id}&l={language}&u={path}&r={referrer}",
        HTTP_USER_AGENT=agent, REMOTE_ADDR=ip,
    )


def raw_rows(portal) -> list[dict]:
    from visits.models import PageView

    with schema_context(portal.schema_name):
        return list(PageView.objects.values())


def test_a_burst_from_one_client_is_one_visitor_and_n_views(portal_a):
    client = client_for(portal_a)
    home = home_page_id(portal_a)
    for _ in range(7):
        response = send_beacon(client, home, referrer="https://www.google.com/search")
        assert response.status_code == 204
        assert response["Cache-Control"] == "no-store"
        assert not response.cookies and not response.has_header("Set-Cookie")
    send_beacon(client, home, ip="198.51.100.7")

    rows = raw_rows(portal_a)
    assert len(rows) == 8
    assert len({row["visitor"] for row in rows}) == 2
    assert {row["page_id"] for row in rows} == {home}
    assert rows[0]["referrer"] == "www.google.com"
    # Neither the address nor the browser string is kept, in any column.
    for row in rows:
        for value in row.values():
            assert ADDRESS not in str(value) and "198.51.100.7" not in str(value)
            assert "Mozilla" not in str(value)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = %s"
            " AND table_name = 'visits_pageview'", [portal_a.schema_name],
        )
        columns = {name for (name,) in cursor.fetchall()}
    assert columns == {"id", "day", "page_id", "path", "language", "referrer", "visitor"}


@pytest.mark.parametrize("agent", [
    "", "Googlebot/2.1 (+http://www.google.com/bot.html)", "curl/8.5.0",
    "Mozilla/5.0 (compatible; bingbot/2.0)", "facebookexternalhit/1.1",
])
def test_bots_are_not_counted(portal_a, agent):
    response = send_beacon(client_for(portal_a), home_page_id(portal_a), agent=agent)
    assert response.status_code == 204
    assert raw_rows(portal_a) == []


def test_a_cached_page_is_still_counted(portal_a):
    client = client_for(portal_a)
    first = client.get("/")
    second = client.get("/")
    assert second["X-Cong-Cache"] == "hit"
    html = second.content.decode()
    # The kept page carries the beacon, configured by data- attributes (no inline script).
    assert 'src="/static/visits/beacon.js' in html
    assert f'data-visit-page="{home_page_id(portal_a)}"' in html
    assert "data-visit-counter" in html
    assert first.status_code == 200
    for _ in range(2):  # what the browser's script does for each of the two views
        send_beacon(client, home_page_id(portal_a))
    assert len(raw_rows(portal_a)) == 2


def test_views_are_counted_in_their_own_portal(portal_a, portal_b):
    send_beacon(client_for(portal_a), home_page_id(portal_a))
    assert len(raw_rows(portal_a)) == 1
    assert raw_rows(portal_b) == []


def test_the_rollup_aggregates_and_empties_the_raw_table(portal_a):
    from visits.models import DailyCount, DailySalt
    from visits.queries import totals

    client = client_for(portal_a)
    home = home_page_id(portal_a)
    for _ in range(3):
        send_beacon(client, home, path="/tin-tuc/bai-1/", referrer="https://baochinhphu.vn/x")
    send_beacon(client, home, path="/en/", language="en", ip="198.51.100.7")
    today = timezone.localdate()
    with schema_context(portal_a.schema_name):
        assert DailySalt.objects.filter(day=today).exists()
        assert totals(today, today) == {"views": 4, "visitors": 2, "days": 1}

    call_command("rollup_visits", portal=portal_a.code, today=today + dt.timedelta(days=1))

    assert raw_rows(portal_a) == []
    with schema_context(portal_a.schema_name):
        assert not DailySalt.objects.exists()
        figures = {
            (row.dimension, row.key): (row.views, row.visitors)
            for row in DailyCount.objects.filter(day=today)
        }
        assert figures[("total", "")] == (4, 2)
        assert figures[("page", "/tin-tuc/bai-1/")] == (3, 1)
        assert figures[("section", "/tin-tuc/")][0] == 3
        assert figures[("section", "/en/")][0] == 1
        assert figures[("language", "vi")] == (3, 1)
        assert figures[("language", "en")] == (1, 1)
        assert figures[("referrer", "baochinhphu.vn")] == (3, 1)
        # The same figures through the reports' function, after the roll-up.
        assert totals(today, today) == {"views": 4, "visitors": 2, "days": 1}
        assert totals(today - dt.timedelta(days=6), today)["views"] == 4


def test_the_footer_counts(portal_a):
    client = client_for(portal_a)
    for _ in range(3):
        send_beacon(client, home_page_id(portal_a))
    response = client.get("/_v/counts")
    assert response.status_code == 200
    assert "max-age=60" in response["Cache-Control"]
    assert response.json() == {"shown": True, "today": 3, "month": 3, "total": 3}
    assert not response.cookies


def test_the_demo_has_three_months_of_visits(portal_a):
    from demo.visits import load_demo_content
    from visits.queries import footer_counts, totals

    with schema_context(portal_a.schema_name):
        load_demo_content(portal_a)
        today = timezone.localdate()
        month = totals(today - dt.timedelta(days=30), today - dt.timedelta(days=1))
        quarter = totals(today - dt.timedelta(days=92), today - dt.timedelta(days=1))
        assert 0 < month["visitors"] < month["views"] < quarter["views"]
        assert footer_counts()["total"] == quarter["views"]


def test_a_periodic_report_counts_the_quarter_s_visits(portal_a):
    """The visits app feeds the reports: the quarter's daily figures, and nothing outside it."""
    from reports.figures import collect
    from reports.periods import Kind, ReportPeriod
    from visits.models import DailyCount

    total = DailyCount.Dimension.TOTAL
    with schema_context(portal_a.schema_name):
        DailyCount.objects.create(day=dt.date(2026, 7, 1), dimension=total, views=30, visitors=10)
        DailyCount.objects.create(day=dt.date(2026, 9, 30), dimension=total, views=12, visitors=4)
        DailyCount.objects.create(day=dt.date(2026, 10, 1), dimension=total, views=999, visitors=99)
        figures = collect(ReportPeriod(Kind.QUARTER, 2026, 3), dt.date(2026, 12, 3))
    rows = {row["name"]: row["value"] for row in figures["sources"]["visits"]["rows"]}
    assert rows == {"views": 42, "visitors": 14}
