"""Index updates for a search server, as background jobs (the PostgreSQL table is written
in the same transaction as the page instead). Each runs in the schema of the portal whose
page changed (tenants.jobs carries it); a failure is tried again with a growing delay, and
`manage.py search_index rebuild` repairs whatever a job that finally failed left behind."""

from __future__ import annotations

from wagtail.models import Page

from tenants.jobs import portal_job

from . import indexing

RETRIES = {"max_attempts": 6, "backoff": 30, "max_backoff": 1800}


@portal_job(**RETRIES)
def index_page(page_id: int) -> bool:
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        indexing.unindex_page(page_id)
        return False
    return indexing.index_page(page)


@portal_job(**RETRIES)
def unindex_page(page_id: int) -> None:
    indexing.unindex_page(page_id)


@portal_job(**RETRIES)
def index_subtree(page_id: int) -> int:
    page = Page.objects.filter(pk=page_id).first()
    return indexing.index_subtree(page) if page is not None else 0


def _portal(code: str):
    from tenants.models import Portal

    return Portal.objects.prefetch_related("domains").filter(code=code).first()


@portal_job(**RETRIES)
def rebuild_portal(code: str) -> int:
    portal = _portal(code)
    return indexing.rebuild_portal(portal) if portal is not None else 0


@portal_job(**RETRIES)
def remove_portal(code: str) -> int:
    portal = _portal(code)
    return indexing.remove_portal(portal) if portal is not None else 0
