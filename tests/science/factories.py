"""Science and technology programmes (science)."""

from __future__ import annotations

import datetime

import factory

from science.models import ManagementLevel, ScienceField, ScienceProgrammePage
from tests.support.factories import SectionPageFactory


class ScienceProgrammePageFactory(SectionPageFactory):
    """A provincial agricultural project."""

    title = factory.Sequence(lambda n: f"Đề tài khoa học số {n}")
    management_level = ManagementLevel.PROVINCE
    field = ScienceField.AGRICULTURAL
    host_unit = "Trung tâm Ứng dụng tiến bộ KH&CN"
    approval_date = datetime.date(2024, 2, 20)

    class Meta:
        model = ScienceProgrammePage
