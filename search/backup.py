"""A portal's search documents in its backup (tenants.backup).

With the PostgreSQL table the documents are copied as they are and put back as they were;
on a search server, or for a copy under a new code (whose addresses differ), the restored
portal is indexed again from its restored pages.
"""

from __future__ import annotations

from django.core import serializers

from .backends import get_backend
from .models import SearchDocument


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
