"""The directory of member portals, on the province portal (/cong-thanh-vien/)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from tenants.current import current_portal
from tenants.models import Portal


def member_portals(portal: Portal) -> list[tuple[str, list[Portal]]]:
    """The active portals below `portal` (its members and theirs), by kind, by name."""
    members = (
        Portal.objects.filter(status=Portal.Status.ACTIVE)
        .filter(Q(parent=portal) | Q(parent__parent=portal))
        .exclude(kind=Portal.Kind.PLATFORM)
        .prefetch_related("domains").order_by("name")
    )
    groups: dict[str, list[Portal]] = {}
    for member in members:
        groups.setdefault(member.kind, []).append(member)
    return [(label, groups[kind]) for kind, label in Portal.Kind.choices if kind in groups]


def member_directory(request: HttpRequest) -> HttpResponse:
    """Each member portal with its own address; only the province portal has the list."""
    portal = current_portal(request)
    if portal is None or not portal.is_province:
        raise Http404
    return TemplateResponse(
        request, "disclosure/member_directory.html",
        {"portal": portal, "groups": member_portals(portal)},
    )
