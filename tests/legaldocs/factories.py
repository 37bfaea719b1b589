"""Legal documents and the official gazette (legaldocs): issuing authorities, legal fields,
documents with their files and relations, gazette issues and their entries."""

from __future__ import annotations

import datetime

import factory

from legaldocs.models import (
    DocumentType,
    GazetteEntry,
    GazetteIssuePage,
    IssuingAuthority,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
    LegalField,
    RelationKind,
)
from tests.support.factories import (
    DocumentFactory,
    LabelFactory,
    ModelFactory,
    SectionPageFactory,
)

PROVINCE_PEOPLES_COMMITTEE = "Ủy ban nhân dân tỉnh Thử"


class IssuingAuthorityFactory(LabelFactory):
    name = factory.Sequence(lambda n: f"Cơ quan ban hành {n}")

    class Meta:
        model = IssuingAuthority


class LegalFieldFactory(LabelFactory):
    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")

    class Meta:
        model = LegalField


class LegalDocumentPageFactory(SectionPageFactory):
    """An issued decision of the province's People's Committee unless told otherwise; the
    title is the number and the summary, as editors write it."""

    number = factory.Sequence(lambda n: f"{n + 1}/2024/QĐ-UBND")
    summary = factory.Sequence(lambda n: f"Quy định số {n + 1} của tỉnh")
    title = factory.LazyAttribute(lambda page: f"{page.number} {page.summary}"[:200])
    doc_type = DocumentType.QUYET_DINH
    issue_date = datetime.date(2024, 5, 1)
    issuer = factory.SubFactory(IssuingAuthorityFactory, name=PROVINCE_PEOPLES_COMMITTEE)
    class Meta:
        model = LegalDocumentPage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A test that gives a `status` means that status: kept, as a board's manual choice
        # is, rather than recomputed from the dates (tests/deadlines/test_validity.py).
        if kwargs.get("status"):
            kwargs.setdefault("validity_locked", True)
        return super()._create(model_class, *args, **kwargs)


class LegalDocumentAttachmentFactory(ModelFactory):
    """A file of a document: `page=` the document."""

    document = factory.LazyFunction(DocumentFactory)  # saved even when the row is built
    label = "Toàn văn"

    class Meta:
        model = LegalDocumentAttachment


class LegalDocumentRelationFactory(ModelFactory):
    """`page` amends `target` unless another kind is given."""

    kind = RelationKind.AMENDS

    class Meta:
        model = LegalDocumentRelation


class GazetteIssuePageFactory(SectionPageFactory):
    """An issue of the official gazette (the province portal has the gazette)."""

    number = factory.Sequence(lambda n: f"{n + 1:02d}/2024")
    title = factory.LazyAttribute(lambda page: f"Công báo số {page.number}")
    issue_date = datetime.date(2024, 3, 29)

    class Meta:
        model = GazetteIssuePage


class GazetteEntryFactory(ModelFactory):
    """A document of an issue: `page=` the issue, and `document=` a document on the portal
    or a `title` and `summary` of one that is not."""

    class Meta:
        model = GazetteEntry
