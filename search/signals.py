"""Signal handlers: pages published, unpublished, moved, renamed or deleted in a portal, and
portals suspended, archived, activated or renamed.

Page changes are written to the index in the same transaction as the change when the index
is the PostgreSQL table; for a search server they become background jobs (search.tasks),
enqueued with the change, that run in the portal's schema once it has committed.
"""

from __future__ import annotations

import logging

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

from tenants.current import is_public
from tenants.jobs import enqueue_on_commit
from tenants.models import Portal

from . import indexing, tasks
from .backends import get_backend

log = logging.getLogger(__name__)


def _in_table() -> bool:
    return get_backend().name == "postgres"


def _page_job(now, job, page) -> None:
    """`now(page)` for the PostgreSQL table, else `job(page.pk)` in the background."""
    if _in_table():
        now(page)
    else:
        enqueue_on_commit(job, page.pk)


def _is_page(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


@receiver(post_save)
def page_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _is_page(sender):
        return
    if is_public():
        return
    _page_job(indexing.index_page, tasks.index_page, instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs) -> None:
    if not is_public():
        _page_job(lambda page: indexing.unindex_page(page.pk), tasks.unindex_page, instance)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs) -> None:
    if not _is_page(sender) or is_public():
        return
    _page_job(lambda page: indexing.unindex_page(page.pk), tasks.unindex_page, instance)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    _page_job(indexing.index_subtree, tasks.index_subtree, instance)


@receiver(page_slug_changed)
def page_renamed(sender, instance, **kwargs) -> None:
    _page_job(indexing.index_subtree, tasks.index_subtree, instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs) -> None:
    if is_public():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _page_job(indexing.index_subtree, tasks.index_subtree, page)


@receiver(post_save, sender=Portal)
def portal_saved(sender, instance: Portal, created: bool, raw=False, update_fields=None, **kwargs):
    """Suspension or archiving removes a portal's documents at once; activation indexes it
    again; a new name reaches its documents. A new portal's pages are indexed as they are
    published, by this release: the index holds it as this release writes it."""
    if raw or instance.is_platform:
        return
    if created:
        indexing.mark_current(instance.schema_name)
        return
    if update_fields is None or "status" in update_fields:
        if instance.is_active:
            if update_fields is not None:  # a status change (tenants.provisioning)
                _run_portal(indexing.rebuild_portal, tasks.rebuild_portal, instance)
        else:
            _run_portal(indexing.remove_portal, tasks.remove_portal, instance)
    if instance.is_active and (update_fields is None or "name" in update_fields):
        from .models import SearchDocument

        before = getattr(instance, "_names_before_save", None)
        renamed = before is not None and before != (instance.name, instance.name_en)
        if renamed and get_backend().name != "postgres":
            # A search server keeps the name in every document: index the portal again.
            _run_portal(indexing.rebuild_portal, tasks.rebuild_portal, instance)
        if get_backend().name == "postgres":
            documents = SearchDocument.objects.filter(portal=instance.schema_name)
            documents.exclude(language="en").exclude(portal_name=instance.name).update(
                portal_name=instance.name
            )
            english_name = instance.name_en or instance.name
            documents.filter(language="en").exclude(portal_name=english_name).update(
                portal_name=english_name
            )


@receiver(pre_save, sender=Portal)
def remember_portal_names(sender, instance: Portal, raw=False, **kwargs) -> None:
    if raw or instance.pk is None:
        return
    instance._names_before_save = (
        Portal.objects.filter(pk=instance.pk).values_list("name", "name_en").first()
    )


def _run_portal(now, job, portal: Portal) -> None:
    """`now(portal)` for the PostgreSQL table, else `job(code)` in the background: the
    portal's new status stands even if the search server is down."""
    if _in_table():
        now(portal)
    else:
        enqueue_on_commit(job, portal.code)


@receiver(post_save)
def document_saved(sender, instance, raw=False, **kwargs) -> None:
    """A portal's document uploaded (or its file replaced): its text is read in the
    background (search.attachments; a file already read is not read again)."""
    from wagtail.documents import get_document_model

    if raw or sender is not get_document_model() or is_public():
        return
    from .attachments import extract_text

    enqueue_on_commit(extract_text, instance.pk)

