"""Reading the figures: the daily counts kept for good, plus today's raw views not rolled up
yet (a day is in exactly one of the two tables)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.cache import cache
from django.db.models import Count, Max, Sum
from django.utils import timezone

from .models import DailyCount, PageView

COUNTS_TTL = 60  # seconds the footer's figures may be old


def _raw_by_day(start: dt.date, end: dt.date) -> dict[dt.date, tuple[int, int]]:
    rows = (
        PageView.objects.filter(day__range=(start, end)).values("day")
        .annotate(views=Count("id"), visitors=Count("visitor", distinct=True))
    )
    return {row["day"]: (row["views"], row["visitors"]) for row in rows}


def daily(start: dt.date, end: dt.date) -> dict[dt.date, tuple[int, int]]:
    """{day: (views, visitors)} for every day from `start` to `end` inclusive (zeros too)."""
    found: dict[dt.date, tuple[int, int]] = {}
    for row in DailyCount.objects.filter(
        dimension=DailyCount.Dimension.TOTAL, day__range=(start, end)
    ).values("day", "views", "visitors"):
        found[row["day"]] = (row["views"], row["visitors"])
    for day, (views, visitors) in _raw_by_day(start, end).items():
        kept = found.get(day, (0, 0))
        found[day] = (kept[0] + views, kept[1] + visitors)
    days = (end - start).days + 1
    return {start + dt.timedelta(n): found.get(start + dt.timedelta(n), (0, 0)) for n in range(max(days, 0))}


def totals(start: dt.date, end: dt.date) -> dict:
    """Visits of the current portal (the connection's schema) from `start` to `end`, both
    days included: `{"views": page views, "visitors": the sum of each day's distinct
    visitors (a visitor coming back on another day counts again), "days": number of days}`.
    For the periodic reports."""
    figures = daily(start, end)
    return {
        "views": sum(views for views, _ in figures.values()),
        "visitors": sum(visitors for _, visitors in figures.values()),
        "days": len(figures),
    }



def report_figures(start: dt.date, end: dt.date) -> dict:
    """The rows a periodic report shows: page views and the visitor estimate of the period."""
    figures = totals(start, end)
    return {"views": figures["views"], "visitors": figures["visitors"]}


def footer_counts() -> dict[str, int]:
    """Today, this month, and every view since counting began; kept COUNTS_TTL seconds."""
    today = timezone.localdate()
    key = f"visits:counts:{today.isoformat()}"
    counts = cache.get(key)
    if counts is None:
        kept = DailyCount.objects.filter(dimension=DailyCount.Dimension.TOTAL)
        raw = dict(PageView.objects.values_list("day").annotate(n=Count("id")))
        month_start = today.replace(day=1)
        counts = {
            "today": raw.get(today, 0) + (kept.filter(day=today).aggregate(n=Sum("views"))["n"] or 0),
            "month": sum(n for day, n in raw.items() if month_start <= day <= today)
            + (kept.filter(day__range=(month_start, today)).aggregate(n=Sum("views"))["n"] or 0),
            "total": sum(raw.values()) + (kept.aggregate(n=Sum("views"))["n"] or 0),
        }
        cache.set(key, counts, COUNTS_TTL)
    return counts


@dataclass
class Ranked:
    key: str
    views: int
    visitors: int = 0
    page_id: int | None = None


def ranked(dimension: str, start: dt.date, end: dt.date, limit: int = 20) -> list[Ranked]:
    """Views by page, section, language or referring domain over the days, most first."""
    from .rollup import groups

    found = groups(PageView.objects.filter(day__range=(start, end)), dimension)
    for row in DailyCount.objects.filter(dimension=dimension, day__range=(start, end)).values(
        "key"
    ).annotate(views=Sum("views"), visitors=Sum("visitors"), page=Max("page_id")):
        entry = found[row["key"]]
        entry[0] += row["views"]
        entry[1] += row["visitors"]
        entry[2] = entry[2] or row["page"]
    rows = [Ranked(key, views, visitors, page_id) for key, (views, visitors, page_id) in found.items()]
    rows.sort(key=lambda row: (-row.views, row.key))
    return rows[:limit]
