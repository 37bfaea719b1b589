"""A portal's search documents in its backup (tenants.backup).

With the PostgreSQL table the documents are copied as they are and put back as they were;
on a search server, or for a copy under a new code (whose addresses differ), the restored
portal is indexed again from its restored pages.
"""

from __future__ import annotations

from django.core import serializers

from .backends import get_backend
from .models import AttachmentText, SearchDocument, SearchTuning


def dump_documents(schema: str) -> str:
    if get_backend().name != "postgres":
        return "[]"
    documents = SearchDocument.objects.filter(portal=schema).order_by("id")
    return serializers.serialize("json", documents)


def restore_documents(schema: str, data: str, same_schema: bool) -> None:
    from tenants.models import Portal

    from . import indexing

    portal = Portal.objects.prefetch_related("domains").get(schema_name=schema)
    if get_backend().name == "postgres" and same_schema:
        SearchDocument.objects.filter(portal=schema).delete()
        for item in serializers.deserialize("json", data):
            item.save()
        return
    indexing.rebuild_portal(portal)


# The portal's search words and its documents' extracted text live in public tables keyed by
# schema, like the documents: without them a restored portal would search with the default
# synonyms, no best bets, and no PDF text until every file is read again.


def dump_tuning(schema: str) -> dict | None:
    row = SearchTuning.objects.filter(portal=schema).values("synonyms", "best_bets").first()
    return row


def restore_tuning(schema: str, data: dict | None, same_schema: bool) -> None:
    SearchTuning.objects.filter(portal=schema).delete()
    if data is not None:
        SearchTuning.objects.create(portal=schema, synonyms=data["synonyms"], best_bets=data["best_bets"])


def dump_attachment_texts(schema: str) -> list[dict]:
    return list(
        AttachmentText.objects.filter(portal=schema)
        .order_by("document_id")
        .values("document_id", "file_hash", "text", "outcome")
    )


def restore_attachment_texts(schema: str, data: list[dict], same_schema: bool) -> None:
    # Document ids come back with the schema, so the rows still name the same files.
    AttachmentText.objects.filter(portal=schema).delete()
    AttachmentText.objects.bulk_create(AttachmentText(portal=schema, **row) for row in data)
