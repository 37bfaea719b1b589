"""The footer's links to national and related portals, read once per portal (core.caching.memo;
a saved link purges the portal, as every snippet does)."""

from __future__ import annotations

from django import template

from core.caching.memo import memo
from tenants.current import is_portal_schema

register = template.Library()


@register.simple_tag
def related_portals() -> tuple[tuple[str, str], ...]:
    from disclosure.models import RelatedPortal

    if not is_portal_schema():
        return ()  # the control plane's pages (its 404) have no portal tables
    return memo("related_portals", lambda: tuple(RelatedPortal.objects.values_list("name", "url")))
