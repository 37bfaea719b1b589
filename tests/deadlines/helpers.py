"""Pages with clocks, made in a portal's schema."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def planning_item(title: str, approved: dt.date, posted: dt.date | None, slug: str = ""):
    """A planning item approved on `approved`, first published on `posted` (a draft when
    None)."""
    from planning.models import PlanningIndexPage, PlanningItemPage

    index = PlanningIndexPage.objects.get(depth=3)
    page = PlanningItemPage(
        title=title, slug=slug or "", kind="quy-hoach-su-dung-dat", approval_date=approved,
        live=posted is not None,
    )
    if posted is not None:
        page.first_published_at = page.last_published_at = at(posted)
    index.add_child(instance=page)
    return page
