"""The latest articles, for the home page."""

from __future__ import annotations

from django import template

from core.serving import active_locale
from news.models import NewsArticlePage

register = template.Library()


@register.simple_tag
def latest_news(count: int = 5) -> list[NewsArticlePage]:
    return list(
        NewsArticlePage.objects.live().public()
        .filter(locale=active_locale())  # the language of the page it is shown on
        .select_related("featured_image", "category")
        .order_by("-publish_date", "-pk")[:count]
    )
