"""Investment projects, bidding and procurement (projects)."""

from __future__ import annotations

import datetime

import factory

from projects.models import (
    ProcurementNotice,
    ProjectField,
    ProjectPage,
    ProjectStatus,
)
from tests.support.factories import ModelFactory, SectionPageFactory


class ProjectPageFactory(SectionPageFactory):
    """A transport project in preparation; `procurement_notices=[ProcurementNoticeFactory.build(...)]`."""

    title = factory.Sequence(lambda n: f"Dự án đầu tư số {n}")
    objective = "Mục tiêu"
    field = ProjectField.TRANSPORT
    sponsor = "Ban Quản lý dự án"
    status = ProjectStatus.PREPARING
    approval_date = datetime.date(2026, 1, 15)

    class Meta:
        model = ProjectPage


class ProcurementNoticeFactory(ModelFactory):
    kind = ProcurementNotice.Kind.INVITATION
    title = factory.Sequence(lambda n: f"Thông báo mời thầu gói thầu số {n}")
    notice_date = datetime.date(2026, 2, 1)

    class Meta:
        model = ProcurementNotice
