"""The portal's own look (themes.ThemeSettings) for the base theme.

`{% portal_theme as theme %}` gives the base template the portal's colours, emblem and banner,
or None outside a portal (the platform console's 404 page has no Site and no settings).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from tenants.current import is_public
from themes.colours import DEFAULT_BRAND, KIND_BRANDS, BrandColours, brand_colours, is_hex_colour
from themes.models import ThemeSettings

register = template.Library()


@dataclass(frozen=True)
class PortalTheme:
    colours: BrandColours
    emblem: Any  # wagtailimages Image or None
    banner: Any


@register.simple_tag(takes_context=True)
def portal_theme(context) -> PortalTheme | None:
    request = context.get("request")
    if request is None or context.get("portal") is None or is_public():
        return None
    # Cached on the request by Wagtail; created with the defaults on first use.
    settings = ThemeSettings.for_request(request)
    colour = settings.primary_colour
    if not is_hex_colour(colour) or colour.lower() == DEFAULT_BRAND:
        colour = KIND_BRANDS.get(getattr(context.get("portal"), "kind", ""), DEFAULT_BRAND)
    return PortalTheme(
        colours=brand_colours(colour),
        emblem=settings.emblem,
        banner=settings.banner,
    )


@register.simple_tag
def theme_style(theme: PortalTheme | None) -> SafeString:
    """A link to the portal's colours (themes.views.theme_css), never an inline <style>: the
    Content-Security-Policy of public pages allows no inline style. The address names the
    colours' digest, so a browser or cache keeps the file until the board changes them."""
    if theme is None:
        return SafeString("")
    return format_html(
        '<link rel="stylesheet" href="{}?v={}">', reverse("portal_theme_css"), theme.colours.digest
    )
