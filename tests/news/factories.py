"""News (news): categories and articles."""

from __future__ import annotations

from datetime import date

import factory

from django.core.files.base import ContentFile

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage
from tests.support.factories import LabelFactory, SectionPageFactory


class NewsCategoryFactory(LabelFactory):
    name = factory.Sequence(lambda n: f"Chuyên mục {n}")

    class Meta:
        model = NewsCategory


class NewsArticlePageFactory(SectionPageFactory):
    title = factory.Sequence(lambda n: f"Tin bài số {n}")
    summary = factory.LazyAttribute(lambda page: f"Tóm tắt: {page.title}")

    class Meta:
        model = NewsArticlePage


# --- The helpers these factories replace, until the tests using them are converted ---


def news_index():

    return NewsIndexPage.objects.get(slug="tin-tuc")


def make_article(title: str, **fields):
    from news.models import NewsArticlePage

    fields.setdefault("summary", f"Tóm tắt: {title}")
    return news_index().add_child(instance=NewsArticlePage(title=title, live=True, **fields))


def documents_index():
    from legaldocs.models import LegalDocumentIndexPage

    return LegalDocumentIndexPage.objects.get(slug="van-ban")


def issuer(name: str = "Ủy ban nhân dân tỉnh Thử"):
    from legaldocs.models import IssuingAuthority

    return IssuingAuthority.objects.get_or_create(name=name)[0]


def legal_field(name: str = "Đất đai"):
    from legaldocs.models import LegalField

    return LegalField.objects.get_or_create(name=name)[0]


def make_document(number: str, summary: str, **fields):
    from legaldocs.models import DocumentType, LegalDocumentPage

    fields.setdefault("doc_type", DocumentType.QUYET_DINH)
    fields.setdefault("issue_date", date(2024, 5, 1))
    fields.setdefault("issuer", issuer())
    fields.setdefault("title", f"{number} {summary}"[:200])
    return documents_index().add_child(
        instance=LegalDocumentPage(number=number, summary=summary, live=True, **fields)
    )


def make_wagtail_document(title: str, content: bytes, filename: str):
    from wagtail.documents import get_document_model

    document = get_document_model()(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document
