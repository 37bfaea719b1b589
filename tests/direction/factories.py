"""Direction and administration (direction): schedule entries, directives, petition
responses, enterprise rewards and penalties, law-dissemination articles."""

from __future__ import annotations

import datetime

import factory

from direction.models import (
    DirectivePage,
    EnterpriseSanctionPage,
    LawDisseminationDocument,
    LawDisseminationPage,
    PetitionResponsePage,
    ScheduleEntry,
)
from tests.support.factories import ModelFactory, SectionPageFactory


class ScheduleEntryFactory(ModelFactory):
    """An item of the leaders' work schedule (`kind=ScheduleEntry.Kind.RECEPTION` for the
    citizen-reception schedule), live."""

    date = datetime.date(2026, 3, 9)
    content = factory.Sequence(lambda n: f"Họp giao ban số {n}")

    class Meta:
        model = ScheduleEntry


class DirectivePageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Chỉ thị số {n}")
    summary = factory.LazyAttribute(lambda page: f"Trích yếu: {page.title}")

    class Meta:
        model = DirectivePage


class PetitionResponsePageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Trả lời kiến nghị số {n}")
    petition = "Đề nghị sửa đường liên bản."
    responder = "Ủy ban nhân dân tỉnh"
    response = "<p>Đã đưa vào kế hoạch.</p>"

    class Meta:
        model = PetitionResponsePage


class EnterpriseSanctionPageFactory(SectionPageFactory):
    """A reward unless `kind=EnterpriseSanctionPage.Kind.PENALTY`."""

    kind = EnterpriseSanctionPage.Kind.REWARD
    enterprise = factory.Sequence(lambda n: f"Công ty Cổ phần số {n}")
    title = factory.LazyAttribute(lambda page: f"Khen thưởng {page.enterprise}")
    decision_number = factory.Sequence(lambda n: f"{n + 1}/QĐ-UBND")
    decision_date = datetime.date(2025, 12, 30)
    measure = "Bằng khen của Chủ tịch UBND tỉnh"
    reason = "Thành tích xuất sắc"

    class Meta:
        model = EnterpriseSanctionPage


class LawDisseminationPageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Bài phổ biến pháp luật số {n}")
    summary = factory.LazyAttribute(lambda page: f"Tóm tắt: {page.title}")

    class Meta:
        model = LawDisseminationPage


class LawDisseminationDocumentFactory(ModelFactory):
    """A document an article explains: `page=` the article, `document=` the document."""

    class Meta:
        model = LawDisseminationDocument
