"""The nightly roll-up: every raw view of the days before today becomes daily counts (views
and distinct visitors in total, by page, section, language and referring domain), then the
raw rows and the days' salts are deleted, so no visitor hash outlives its day."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.db import transaction
from django.db.models import Count, Max, QuerySet

from .models import DailyCount, PageView
from .privacy import forget_salts

D = DailyCount.Dimension
# Group of figures: key → [views, visitors, page id]
Groups = dict[str, list]


def section_of(path: str) -> str:
    """The section a page belongs to, by its address: /tin-tuc/… → /tin-tuc/, /en/news/… →
    /en/news/, the home page → /."""
    parts = [part for part in path.split("/") if part]
    if parts and parts[0] == "en":
        return "/en/" + (parts[1] + "/" if len(parts) > 1 else "")
    return "/" + (parts[0] + "/" if parts else "")


def groups(raw: QuerySet, dimension: str) -> Groups:
    """Views (and distinct visitors, except by section) of the raw rows by `dimension`."""
    found: Groups = defaultdict(lambda: [0, 0, None])
    if dimension == D.TOTAL:
        figures = raw.aggregate(views=Count("id"), visitors=Count("visitor", distinct=True))
        if figures["views"]:
            found[""] = [figures["views"], figures["visitors"], None]
        return found
    if dimension == D.SECTION:
        for row in raw.values("path").annotate(views=Count("id")):
            found[section_of(row["path"])][0] += row["views"]
        return found
    field = {D.PAGE: "path", D.LANGUAGE: "language", D.REFERRER: "referrer"}[dimension]
    if dimension == D.REFERRER:
        raw = raw.exclude(referrer="")
    for row in raw.values(field).annotate(
        views=Count("id"), visitors=Count("visitor", distinct=True), page=Max("page_id")
    ):
        found[row[field]] = [row["views"], row["visitors"], row["page"] if dimension == D.PAGE else None]
    return found


def rollup(today: dt.date) -> int:
    """Roll up every day before `today`; returns how many raw views were rolled up."""
    rolled = 0
    with transaction.atomic():
        days = sorted(set(PageView.objects.filter(day__lt=today).values_list("day", flat=True)))
        for day in days:
            raw = PageView.objects.filter(day=day)
            existing = {
                (row.dimension, row.key): row for row in DailyCount.objects.filter(day=day)
            }
            changed = []
            for dimension in D.values:
                for key, (views, visitors, page_id) in groups(raw, dimension).items():
                    row = existing.get((dimension, key)) or DailyCount(day=day, dimension=dimension, key=key)
                    row.views += views
                    row.visitors += visitors
                    row.page_id = row.page_id or page_id
                    changed.append(row)
            DailyCount.objects.bulk_create(
                [row for row in changed if row.pk is None]
            )
            DailyCount.objects.bulk_update(
                [row for row in changed if row.pk is not None], ["views", "visitors", "page_id"]
            )
            rolled += raw.delete()[0]
        forget_salts(today)
    return rolled
