"""The beacon, the footer's counter and the external analytics loader of public pages: static
scripts configured by data- attributes (the public pages' CSP allows no inline script). What
they write is the same for every visitor, so the page stays cacheable."""

from __future__ import annotations

from django import template
from django.conf import settings as django_settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from tenants.current import is_portal_schema

from ..analytics import current

register = template.Library()


@register.simple_tag(takes_context=True)
def visit_scripts(context) -> SafeString:
    """In <head>: the footer counter's script, the beacon (CONG_VISITS_SOURCE = "beacon")
    and the EMC/Matomo loader when configured."""
    request = context.get("request")
    if not is_portal_schema() or getattr(request, "is_preview", False):
        # An editor's preview in the admin is not a visit, nor under the public policy.
        return SafeString("")
    page = context.get("page")
    page_id = getattr(page, "pk", None) or ""
    html = format_html('<script src="{}" defer data-visit-counts="/_v/counts"></script>',
                       static("visits/counter.js"))
    if django_settings.CONG_VISITS_SOURCE == "beacon":
        # Without nginx's visits log (visits.importer), each view is counted by a request.
        html += format_html(
            '\n  <script src="{}" defer data-visit-endpoint="/_v"'
            ' data-visit-page="{}" data-visit-language="{}"></script>',
            static("visits/beacon.js"), page_id, get_language() or "vi",
        )
    settings = current()
    attributes = []
    if settings.emc_site_id and settings.emc_url:
        attributes.append(format_html(' data-emc-url="{}" data-emc-site="{}"',
                                      settings.emc_url.rstrip("/"), settings.emc_site_id))
    if settings.matomo_site_id and settings.matomo_url:
        attributes.append(format_html(' data-matomo-url="{}" data-matomo-site="{}"',
                                      settings.matomo_url.rstrip("/") + "/", settings.matomo_site_id))
    if attributes:
        html += format_html('\n  <script src="{}" defer{}></script>', static("visits/analytics.js"),
                            SafeString("".join(attributes)))
    return html
