"""The console's comparison of portals: visits of the last 30 days, publications, Q&A and
posting timeliness (the deadlines league table), English pages up to date, the board's
last sign-in and whether the EMC code is there; each read in the portal's own schema."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from accounts.permissions import BOARD_GROUPS
from deadlines.league import Period, league_table, member_portals
from languages.overview import portal_english
from languages.status import State
from tenants.models import Portal
from visits.analytics import emc_missing
from visits.queries import totals

DAYS = 30


@dataclass
class PortalLine:
    portal: Portal
    views: int = 0
    visitors: int = 0
    published: int = 0
    on_time_percent: float | None = None
    questions_percent: float | None = None
    english_up_to_date: int = 0
    english_required: int = 0
    board_last_login: dt.datetime | None = None
    emc_missing: bool = True

    @property
    def english_percent(self) -> float | None:
        if not self.english_required:
            return None
        return round(100 * self.english_up_to_date / self.english_required, 1)


def _in_schema(line: PortalLine, start: dt.date, end: dt.date) -> None:
    from wagtail.models import PageLogEntry

    with schema_context(line.portal.schema_name):
        figures = totals(start, end)
        line.views, line.visitors = figures["views"], figures["visitors"]
        line.published = PageLogEntry.objects.filter(
            action="wagtail.publish", timestamp__date__range=(start, end)
        ).count()
        line.board_last_login = (
            User.objects.filter(groups__name__in=BOARD_GROUPS, is_active=True)
            .aggregate(last=Max("last_login"))["last"]
        )
    line.emc_missing = emc_missing(line.portal.schema_name)
    english = portal_english(line.portal)
    line.english_up_to_date = english.counts.get(State.UP_TO_DATE, 0)
    line.english_required = sum(english.counts.values())


def dashboard(today: dt.date | None = None) -> tuple[list[PortalLine], Period]:
    today = today or timezone.localdate()
    period = Period(today - dt.timedelta(days=DAYS - 1), today)
    lines = {portal.pk: PortalLine(portal) for portal in member_portals()}
    for figures in league_table(period, today=today):
        line = lines.get(figures.portal.pk)
        if line is not None:
            line.on_time_percent = figures.on_time_percent
            line.questions_percent = figures.questions_percent
    try:
        for line in lines.values():
            _in_schema(line, period.start, period.end)
    finally:
        connection.set_schema_to_public()
    return list(lines.values()), period
