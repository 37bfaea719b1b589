"""The discreet line under a mandated item on the public site: “Đăng ngày … · hạn đăng …”,
when the portal's setting asks for it. One cheap read: the settings (cached per request by
Wagtail) and, only when on, the item's ledger row."""

from __future__ import annotations

from django import template

from tenants.current import current_portal

from ..clocks import clock_of
from ..province.models import ClockRecord

register = template.Library()


@register.inclusion_tag("deadlines/public_line.html", takes_context=True)
def posting_line(context, page=None) -> dict:
    request = context.get("request")
    if page is None or request is None or clock_of(page) is None or not getattr(page, "live", False):
        return {"record": None}
    from ..models import DeadlineSettings

    if not DeadlineSettings.for_request(request).show_on_public_pages:
        return {"record": None}
    portal = current_portal(request)
    record = ClockRecord.objects.filter(
        portal=portal, kind=ClockRecord.Kind.PAGE, object_id=page.pk
    ).only("posted_on", "due_date").first()
    return {"record": record if record is not None and record.posted_on else None}
