"""Keeping the shared index in step with each portal's pages.

Every write happens in the schema of the portal that owns the page (the signal handlers run
in the request's or command's schema context) and touches only that portal's documents.
A portal that is not active has no documents: suspension and archiving delete them,
activation rebuilds them.

What a document holds changes between releases (INDEX_FORMAT). Documents written before a
change stay as they were until their page is published again; `search_index rebuild
--stale` rebuilds the portals that were last rebuilt (or created) under an older format.
"""

from __future__ import annotations

import logging

from django_tenants.utils import schema_context

from django.db import connection

from wagtail.models import Page

from tenants.current import current_portal, is_public

from .backends import backend_config, get_backend
from .documents import document_for_page

log = logging.getLogger(__name__)

BATCH = 200
# What a document holds. Raise it when a release indexes something documents written by an
# earlier one lack, so that the upgrade's `search_index rebuild --stale` rebuilds them.
#   1: title, summary, body, facets;
#   2: the parts of document numbers (`number_parts`), the text of attached PDFs, people;
#   3: the year of a number that carries none, from the issue date (`year_from`).
INDEX_FORMAT = 3


def index_identity() -> str:
    """The backend and index the documents go to, as IndexedPortal records it."""
    engine, _url, index_name = backend_config()
    return f"{engine}:{index_name}" if index_name else engine


def mark_current(schema_name: str) -> None:
    """The index holds `schema_name`'s pages as this release writes them."""
    from .models import IndexedPortal

    IndexedPortal.objects.update_or_create(
        portal=schema_name, index=index_identity(), defaults={"format": INDEX_FORMAT}
    )


def stale_portals() -> list:
    """The active portals whose documents an older release wrote (or that were never
    rebuilt since the index began recording it), in code order."""
    from tenants.models import Portal

    from .models import IndexedPortal

    current = IndexedPortal.objects.filter(index=index_identity(), format__gte=INDEX_FORMAT)
    return list(
        Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
        .filter(status=Portal.Status.ACTIVE)
        .exclude(schema_name__in=current.values("portal"))
        .prefetch_related("domains")
        .order_by("code")
    )


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
    mark_current(portal.schema_name)
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
