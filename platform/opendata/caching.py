"""What the API's cached responses depend on (core.caching.pages).

Page lists read the "sitemap" tag, which every change of a live page purges
(core.caching.signals); view restrictions, labels and settings purge the whole portal. The
Q&A list reads its own tag, purged here when a question changes.
"""

from __future__ import annotations

from django.db import connection

from core.caching import purge, tokens

PAGES_TAG = "sitemap"
QUESTIONS_TAG = "opendata:questions"


def questions_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    schema = connection.schema_name
    if raw or not tokens.is_portal(schema):
        return
    purge.purge(schema, {QUESTIONS_TAG})
