"""Aggregation from the shared index: `{% latest_member_news 6 %}` on the province home page
lists the newest articles of every active member portal, linking to their own domains."""

from __future__ import annotations

from django import template
from django.db import connection

from search.backends import get_backend
from search.documents import NEWS_ARTICLE

register = template.Library()


@register.inclusion_tag("search/member_news.html", takes_context=True)
def latest_member_news(context, count: int = 6) -> dict:
    items = get_backend().latest(NEWS_ARTICLE, exclude_portal=connection.schema_name, limit=count)
    return {"items": items, "request": context.get("request")}
