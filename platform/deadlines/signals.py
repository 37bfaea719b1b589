"""Keep the ledger in step with each portal: pages of clocked models saved, published,
unpublished or deleted; questions; obligations; and the province's documents that give
member portals obligations when published."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from participation.models import Question
from tenants.current import is_portal_schema

from . import ledger
from .clocks import clock_of, kept_current_of
from .models import Obligation
from .province.models import ClockRecord


def _is_page(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


@receiver(post_save)
def page_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw or not _is_page(sender) or clock_of(sender) is None or not is_portal_schema():
        return
    ledger.record_page(instance)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs) -> None:
    if not is_portal_schema():
        return
    ledger.record_section_of(instance)
    from .obligations import register_obligations

    register_obligations(instance)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs) -> None:
    if not _is_page(sender) or not is_portal_schema():
        return
    if clock_of(sender) is not None:
        ledger.forget(ClockRecord.Kind.PAGE, instance.pk)
    if kept_current_of(sender) is not None:
        ledger.forget(ClockRecord.Kind.SECTION, instance.pk)


@receiver(post_save, sender=Question)
def question_saved(sender, instance: Question, raw=False, **kwargs) -> None:
    if not raw and is_portal_schema():
        ledger.record_question(instance)


@receiver(post_delete, sender=Question)
def question_deleted(sender, instance: Question, **kwargs) -> None:
    if is_portal_schema():
        ledger.forget(ClockRecord.Kind.QUESTION, instance.pk)


@receiver(post_save, sender=Obligation)
def obligation_saved(sender, instance: Obligation, raw=False, **kwargs) -> None:
    if not raw and is_portal_schema():
        ledger.record_obligation(instance)


@receiver(post_delete, sender=Obligation)
def obligation_deleted(sender, instance: Obligation, **kwargs) -> None:
    if is_portal_schema():
        ledger.forget(ClockRecord.Kind.OBLIGATION, instance.pk)
