"""Strategies, planning and plans (planning)."""

from __future__ import annotations

import datetime

import factory

from planning.models import PlanningItemPage, PlanningKind
from tests.support.factories import SectionPageFactory


class PlanningItemPageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Kế hoạch phát triển số {n}")
    kind = PlanningKind.STRATEGY
    approval_date = datetime.date(2026, 2, 12)

    class Meta:
        model = PlanningItemPage
