"""Statistics releases (stats)."""

from __future__ import annotations

import datetime

import factory

from stats.models import StatisticsReleasePage
from tests.support.factories import SectionPageFactory


class StatisticsReleasePageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Kết quả điều tra số {n}")
    period_start = datetime.date(2025, 9, 1)
    period_end = datetime.date(2025, 11, 30)
    publication_decision_date = datetime.date(2026, 1, 8)

    class Meta:
        model = StatisticsReleasePage
