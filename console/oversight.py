"""What the province board watches across member portals: what waits for approval and for
how long, and what was published lately. Read from each portal's schema in turn."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django_tenants.utils import schema_context

from django.db import connection
from django.utils import timezone

from tenants.models import Portal


@dataclass
class Publication:
    title: str
    url: str | None
    at: datetime


@dataclass
class PortalActivity:
    portal: Portal
    waiting: int = 0
    oldest_waiting_since: datetime | None = None
    recent: list[Publication] = field(default_factory=list)

    @property
    def longest_wait_days(self) -> int | None:
        if self.oldest_waiting_since is None:
            return None
        return (timezone.now() - self.oldest_waiting_since).days


def portal_activity(portal: Portal, recent: int = 5) -> PortalActivity:
    from wagtail.models import PageLogEntry, Site, WorkflowState

    activity = PortalActivity(portal=portal)
    with schema_context(portal.schema_name):
        waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
        activity.waiting = waiting.count()
        activity.oldest_waiting_since = (
            waiting.order_by("created_at").values_list("created_at", flat=True).first()
        )
        entries = (
            PageLogEntry.objects.filter(action="wagtail.publish")
            .select_related("page")
            .order_by("-timestamp")[:recent]
        )
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
        root_path = site.root_page.url_path if site else "/"
        for entry in entries:
            page = entry.page
            url = None
            # Each portal has one site: a page's address is its path below the site root.
            if page is not None and page.live and page.url_path.startswith(root_path):
                url = portal.url("/" + page.url_path[len(root_path):])
            activity.recent.append(Publication(title=entry.label, url=url, at=entry.timestamp))
    connection.set_schema_to_public()
    return activity


def member_activity() -> list[PortalActivity]:
    portals = (
        Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
        .filter(status__in=[Portal.Status.ACTIVE, Portal.Status.SUSPENDED])
        .prefetch_related("domains")
        .order_by("kind", "code")
    )
    return [portal_activity(portal) for portal in portals]
