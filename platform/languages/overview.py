"""The English versions of every portal, for the province board (platform console).

Read from each portal's schema in turn into plain rows, so the console renders them in the
public schema without touching the portals' tables again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django_tenants.utils import schema_context

from django.db import connection

from .status import portal_report, summary


@dataclass
class PageLine:
    title: str
    state: str
    state_label: str
    percent: int | None
    awaiting_approval: bool
    depth: int
    english_url: str | None


@dataclass
class PortalEnglish:
    portal: object
    counts: dict[str, int]
    pages: list[PageLine] = field(default_factory=list)


def portal_english(portal) -> PortalEnglish:
    with schema_context(portal.schema_name):
        rows = portal_report(kind=portal.kind)
        lines = []
        for row in rows:
            url = None
            if row.english is not None and row.english.live:
                english_path = row.english.url_path.split("/", 2)[-1]  # below the English home
                url = portal.url("/en/" + english_path)
            lines.append(PageLine(
                title=row.page.title, state=row.state, state_label=str(row.state_label),
                percent=row.percent, awaiting_approval=row.awaiting_approval,
                depth=row.depth, english_url=url,
            ))
        result = PortalEnglish(portal=portal, counts=summary(rows), pages=lines)
    connection.set_schema_to_public()
    return result


def members_english() -> list[PortalEnglish]:
    from tenants.models import Portal

    portals = (
        Portal.objects.exclude(kind=Portal.Kind.PLATFORM)
        .filter(status=Portal.Status.ACTIVE)
        .prefetch_related("domains")
        .order_by("kind", "code")
    )
    return [portal_english(portal) for portal in portals]
