"""Aggregation from the shared index: `{% latest_member_news 6 %}` on the province home page
lists the newest member news (the type a content app registers, see `search.aggregation`)
of every active member portal, linking to their own domains."""

from __future__ import annotations

from django import template
from django.db import connection

from search.aggregation import member_news_type
from search.backends import get_backend

register = template.Library()


@register.inclusion_tag("search/member_news.html", takes_context=True)
def latest_member_news(context, count: int = 6) -> dict:
    content_type = member_news_type()
    items = []
    if content_type:
        items = get_backend().latest(content_type, exclude_portal=connection.schema_name, limit=count)
    return {"items": items, "request": context.get("request")}
