from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Tin tức – Sự kiện")

    def ready(self) -> None:
        from core.sections import Section, register_section
        from search.aggregation import register_member_news

        # The province home page lists the member portals' newest articles.
        register_member_news("news.NewsArticlePage")

        register_section(
            Section(
                order=20, slug="tin-tuc", title="Tin tức – Sự kiện", title_en="News and events",
                page_model="news.NewsIndexPage", letter="b",
            )
        )
