"""Public budget disclosure (budget)."""

from __future__ import annotations

import datetime

import factory

from budget.models import BudgetDisclosurePage, DisclosureKind
from tests.support.factories import SectionPageFactory


class BudgetDisclosurePageFactory(SectionPageFactory):
    """A budget estimate (a quarterly report needs `quarter=`)."""

    year = 2026
    disclosure_kind = DisclosureKind.ESTIMATE
    title = factory.Sequence(lambda n: f"Công khai ngân sách số {n}")
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    decision_date = datetime.date(2026, 1, 5)

    class Meta:
        model = BudgetDisclosurePage
