"""Signal handlers: pages published, unpublished, moved, renamed or deleted in a portal, and
portals suspended, archived, activated or renamed.

Page changes are written to the index in the same transaction as the change when the index
is the PostgreSQL table; a search server is written to once the transaction commits.
"""

from __future__ import annotations

import logging
from functools import partial

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_slug_changed, page_unpublished, post_page_move

from tenants.current import is_public
from tenants.models import Portal

from . import indexing
from .backends import get_backend

log = logging.getLogger(__name__)


def _run(func, *args) -> None:
    """Now (PostgreSQL: inside the transaction), or after commit for a search server."""
    if get_backend().name == "postgres":
        func(*args)
        return
    schema = connection.schema_name

    def later():
        from django_tenants.utils import schema_context

        try:
            with schema_context(schema):
                func(*args)
        except Exception:  # a search server outage must not lose the editor's work
            log.exception("search index update failed in %s", schema)

    transaction.on_commit(later)


def _is_page(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


@receiver(post_save)
def page_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _is_page(sender):
        return
    if is_public():
        return
    _run(indexing.index_page, instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs) -> None:
    if not is_public():
        _run(indexing.unindex_page, instance.pk)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs) -> None:
    if not _is_page(sender) or is_public():
        return
    _run(indexing.unindex_page, instance.pk)


@receiver(post_page_move)
def page_moved(sender, instance, **kwargs) -> None:
    _run(partial(indexing.index_subtree, instance))


@receiver(page_slug_changed)
def page_renamed(sender, instance, **kwargs) -> None:
    _run(partial(indexing.index_subtree, instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs) -> None:
    if is_public():
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        _run(partial(indexing.index_subtree, page))


@receiver(post_save, sender=Portal)
def portal_saved(sender, instance: Portal, created: bool, raw=False, update_fields=None, **kwargs):
    """Suspension or archiving removes a portal's documents at once; activation indexes it
    again; a new name reaches its documents."""
    if raw or created or instance.is_platform:
        return
    if update_fields is None or "status" in update_fields:
        if instance.is_active:
            if update_fields is not None:  # a status change (tenants.provisioning)
                _run_portal(indexing.rebuild_portal, instance)
        else:
            _run_portal(indexing.remove_portal, instance)
    if instance.is_active and (update_fields is None or "name" in update_fields):
        from .models import SearchDocument

        before = getattr(instance, "_names_before_save", None)
        renamed = before is not None and before != (instance.name, instance.name_en)
        if renamed and get_backend().name != "postgres":
            # A search server keeps the name in every document: index the portal again.
            _run_portal(indexing.rebuild_portal, instance)
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


def _run_portal(func, portal: Portal) -> None:
    if get_backend().name == "postgres":
        func(portal)
        return

    def later() -> None:
        try:
            func(portal)
        except Exception:  # the portal's new status stands; `search_index rebuild` catches up
            log.exception("search index update failed for portal %s", portal.code)

    transaction.on_commit(later)
