"""The shared search table (public schema): one row per indexed item of every portal.

The table, its text-search vectors (`folded`: diacritics removed with the `vi_unaccent`
configuration; `exact`: as written) and its indexes are created by migration 0001 in SQL;
the vectors are generated columns, so this model leaves them out and Django never writes
them. Rows are written by `search.backends.postgres`, not through this model; the model
is for reading and for tests.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    # "<schema>:<app_label.model>:<pk>": pks repeat across schemas.
    id = models.TextField(primary_key=True)
    portal = models.CharField(max_length=63)  # the portal's schema
    portal_code = models.CharField(max_length=40)
    portal_name = models.TextField()
    portal_kind = models.CharField(max_length=20)
    content_type = models.CharField(max_length=100)  # "news.newsarticlepage"
    type_label = models.TextField(default="")
    object_id = models.BigIntegerField()
    title = models.TextField()
    summary = models.TextField(default="")
    body = models.TextField(default="")
    url = models.TextField()  # absolute, on the portal's primary domain
    language = models.CharField(max_length=10, default="vi")
    date = models.DateTimeField(null=True)
    facets = models.JSONField(default=dict)
    title_folded = models.TextField(default="")
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "search_document"

    def __str__(self) -> str:
        return self.id
