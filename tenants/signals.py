"""The registry changed: hosts are looked up again everywhere (`tenants.directory`), and what
the public sees of the portals concerned is purged (`core.caching.purge`)."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.caching import purge
from tenants.directory import registry_changed
from tenants.models import Domain, Portal


@receiver(post_save, sender=Portal)
@receiver(post_delete, sender=Portal)
def portal_changed(sender, instance: Portal, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    registry_changed()
    if instance.is_platform or instance.pk is None:
        return
    # Its own pages (name, status), its parents' (the province home page lists the members'
    # news with their names) and its members' (their header names the parent).
    purge.purge_portal(instance.schema_name)
    parent = instance.parent
    while parent is not None:
        purge.purge_portal(parent.schema_name)
        parent = parent.parent
    for schema in Portal.objects.filter(parent_id=instance.pk).values_list("schema_name", flat=True):
        purge.purge_portal(schema)


@receiver(post_save, sender=Domain)
@receiver(post_delete, sender=Domain)
def domain_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        registry_changed()
