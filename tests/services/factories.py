"""Online public services (services): sectors and fields, services with their dossier
statistics, and the catalogue's yearly roadmap."""

from __future__ import annotations

import datetime

import factory

from services.models import (
    PublicServicePage,
    ReportPeriod,
    ServiceField,
    ServiceLevel,
    ServiceRoadmap,
    ServiceSector,
    ServiceStatistic,
)
from tests.support.factories import LabelFactory, ModelFactory, SectionPageFactory


class ServiceSectorFactory(LabelFactory):
    name = factory.Sequence(lambda n: f"Ngành {n}")

    class Meta:
        model = ServiceSector


class ServiceFieldFactory(LabelFactory):
    """A field of a sector: `ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp")`."""

    name = factory.Sequence(lambda n: f"Lĩnh vực thủ tục {n}")
    sector = factory.SubFactory(ServiceSectorFactory)

    class Meta:
        model = ServiceField


class PublicServicePageFactory(SectionPageFactory):
    """A fully online civil-status service of the commune, published on 12/09/2025; its
    sector is the field's (the page's own rule, on saving);
    `statistics=[ServiceStatisticFactory.build(...), ...]`."""

    title = factory.Sequence(lambda n: f"Thủ tục hành chính số {n}")
    field = factory.SubFactory(ServiceFieldFactory, name="Hộ tịch", sector__name="Tư pháp")
    agency = "Ủy ban nhân dân cấp xã"
    level = ServiceLevel.FULL
    decision_date = datetime.date(2025, 9, 12)

    class Meta:
        model = PublicServicePage


class ServiceStatisticFactory(ModelFactory):
    """One period's figures of a service: 1,234 dossiers received in the first quarter of
    2026, 1,140 resolved on time and 60 late."""

    year = 2026
    period = ReportPeriod.Q1
    usage_count = 5000
    received = 1234
    received_online = 1100
    resolved_on_time = 1140
    resolved_late = 60
    in_progress = 34

    class Meta:
        model = ServiceStatistic


class ServiceRoadmapFactory(ModelFactory):
    """One year of the catalogue's roadmap: `.build()` them into `index.roadmap`."""

    year = 2026
    planned_services = "Đăng ký khai sinh"

    class Meta:
        model = ServiceRoadmap

