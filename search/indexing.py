"""Keeping the shared index in step with each portal's pages.

Every write happens in the schema of the portal that owns the page (the signal handlers run
in the request's or command's schema context) and touches only that portal's documents.
A portal that is not active has no documents: suspension and archiving delete them,
activation rebuilds them.
"""

from __future__ import annotations

import logging

from django_tenants.utils import schema_context

from django.db import connection

from wagtail.models import Page

from tenants.current import current_portal, is_public

from .backends import get_backend
from .documents import document_for_page

log = logging.getLogger(__name__)

BATCH = 200


def index_page(page: Page) -> bool:
    """(Re)index one page of the current portal as it is in the database; drop it from the
    index when it is not (or no longer) public. Returns True when indexed."""
    portal = current_portal()
    if portal is None:
        return False
    backend = get_backend()
    fresh = Page.objects.filter(pk=page.pk).first()
    document = document_for_page(fresh, portal) if fresh is not None else None
    if document is None:
        backend.delete_object(connection.schema_name, page.pk)
        return False
    backend.index_documents([document])
    return True


def index_subtree(page: Page, include_self: bool = True) -> int:
    """Reindex a page and its descendants (after a move or a slug change: their URLs)."""
    portal = current_portal()
    if portal is None:
        return 0
    pages = Page.objects.descendant_of(page, inclusive=include_self)
    count = 0
    for each in pages.iterator():
        count += index_page(each)
    return count


def unindex_page(page_id: int) -> None:
    if is_public():
        return
    get_backend().delete_object(connection.schema_name, page_id)


def rebuild_portal(portal) -> int:
    """Delete every document of `portal` and index its live, public pages again. Other
    portals' documents are not touched. Returns the number indexed."""
    backend = get_backend()
    backend.delete_portal(portal.schema_name)
    if not portal.is_active or portal.is_platform:
        return 0
    count = 0
    with schema_context(portal.schema_name):
        batch = []
        pages = Page.objects.live().filter(depth__gt=2).specific().order_by("path")
        for page in pages.iterator(chunk_size=BATCH):
            document = document_for_page(page, portal)
            if document is not None:
                batch.append(document)
            if len(batch) >= BATCH:
                count += backend.index_documents(batch)
                batch = []
        count += backend.index_documents(batch)
    backend.refresh()
    log.info("search index: %s rebuilt, %d documents", portal.code, count)
    return count


def remove_portal(portal) -> int:
    count = get_backend().delete_portal(portal.schema_name)
    get_backend().refresh()
    return count


def rebuild_all() -> dict[str, int]:
    from tenants.models import Portal

    get_backend().create_index()
    counts = {}
    for portal in Portal.objects.exclude(kind=Portal.Kind.PLATFORM).prefetch_related("domains"):
        counts[portal.code] = rebuild_portal(portal)
    connection.set_schema_to_public()
    return counts
