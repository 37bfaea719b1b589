"""A document published with relations changes the validity of the documents it amends,
replaces or repeals at once, not only at the next daily pass."""

from __future__ import annotations

from django.dispatch import receiver

from wagtail.signals import page_published

from .models import LegalDocumentPage


@receiver(page_published, sender=LegalDocumentPage)
def refresh_related(sender, instance: LegalDocumentPage, **kwargs) -> None:
    from .validity import refresh

    targets = LegalDocumentPage.objects.filter(incoming_relations__page=instance).distinct()
    for target in targets:
        refresh(target)
