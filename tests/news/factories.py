"""News (news): categories and articles."""

from __future__ import annotations

import factory

from news.models import NewsArticlePage, NewsCategory
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

