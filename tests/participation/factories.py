"""Participation (participation): question topics, questions as the public form stores them,
consultations on drafts with their files and comments, and the portal's settings."""

from __future__ import annotations

import datetime

import factory

from django.utils import timezone

from participation.models import (
    ConsultationComment,
    ConsultationFile,
    ConsultationPage,
    ParticipationSettings,
    Question,
    QuestionTopic,
)
from participation.workflow import deadline_for
from tests.support.factories import (
    DocumentFactory,
    LabelFactory,
    ModelFactory,
    SectionPageFactory,
    SiteSettingFactory,
)


class QuestionTopicFactory(LabelFactory):
    name = factory.Sequence(lambda n: f"Chủ đề {n}")

    class Meta:
        model = QuestionTopic


class QuestionFactory(ModelFactory):
    """A question as the public form stores it, received now with its legal deadline; the
    asker gave no e-mail address."""

    full_name = "Trần Văn Kín"
    address = "Bản Riêng, xã Bí"
    phone = "0987 654 321"
    email = ""
    title = "Câu hỏi mẫu"
    body = "Nội dung câu hỏi mẫu đủ dài để hợp lệ."
    received_at = factory.LazyFunction(timezone.now)
    deadline = factory.LazyAttribute(lambda question: deadline_for(question.received_at))

    class Meta:
        model = Question


class ConsultationPageFactory(SectionPageFactory):
    """A draft open for comments from yesterday for ten days."""

    title = factory.Sequence(lambda n: f"Dự thảo quy định số {n}")
    summary = "Lấy ý kiến về dự thảo quy định."
    body = "<p>Điều 1. Phạm vi điều chỉnh.</p>"
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    closes_at = factory.LazyAttribute(lambda page: page.opens_at + datetime.timedelta(days=11))
    receiving_unit = "Văn phòng Sở A"
    receiving_address = "Số 1 đường Trần Phú"
    receiving_email = "vanphong@soa.example.vn"

    class Meta:
        model = ConsultationPage


class ConsultationFileFactory(ModelFactory):
    """A file of a draft: `.build()` them into `page.files`."""

    document = factory.LazyFunction(DocumentFactory)  # saved even when the row is built
    label = "Dự thảo Quyết định"

    class Meta:
        model = ConsultationFile


class ConsultationCommentFactory(ModelFactory):
    """A comment of a citizen on `page=`, waiting for moderation."""

    full_name = "Lê Góp Ý"
    email = "gopy@example.vn"
    body = factory.Sequence(lambda n: f"Ý kiến góp ý số {n}")

    class Meta:
        model = ConsultationComment


class ParticipationSettingsFactory(SiteSettingFactory):
    class Meta:
        model = ParticipationSettings
