"""Introduction (introduction): the pages under “Giới thiệu”, the administrative units of the
map and the leaders. Each page type exists once per portal."""

from __future__ import annotations

import factory

from introduction.models import (
    AdministrativeMapPage,
    AdministrativeUnit,
    HistoryCulturePage,
    Leader,
    LeadersPage,
    NaturalConditionsPage,
    OrganisationPage,
)
from tests.support.factories import ModelFactory, SectionPageFactory


class OrganisationPageFactory(SectionPageFactory):
    title = "Cơ cấu tổ chức, chức năng, nhiệm vụ"

    class Meta:
        model = OrganisationPage


class AdministrativeMapPageFactory(SectionPageFactory):
    """`units=[AdministrativeUnitFactory.build(...), ...]`."""

    title = "Bản đồ hành chính"

    class Meta:
        model = AdministrativeMapPage


class AdministrativeUnitFactory(ModelFactory):
    kind = AdministrativeUnit.Kind.COMMUNE
    name = factory.Sequence(lambda n: f"Đơn vị {n}")

    class Meta:
        model = AdministrativeUnit


class NaturalConditionsPageFactory(SectionPageFactory):
    title = "Điều kiện tự nhiên"

    class Meta:
        model = NaturalConditionsPage


class HistoryCulturePageFactory(SectionPageFactory):
    title = "Lịch sử, văn hóa, di tích, danh thắng"

    class Meta:
        model = HistoryCulturePage


class LeadersPageFactory(SectionPageFactory):
    """`leaders=[LeaderFactory.build(...), ...]`."""

    title = "Lãnh đạo"

    class Meta:
        model = LeadersPage


class LeaderFactory(ModelFactory):
    full_name = factory.Sequence(lambda n: f"Lãnh đạo số {n}")
    position = "Phó Giám đốc"

    class Meta:
        model = Leader
