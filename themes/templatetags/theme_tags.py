"""Tags the base theme needs on every page: the main navigation, the breadcrumbs and phone
numbers."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone
from django.utils.translation import get_language

from wagtail.models import Page

from core.caching.memo import memo
from core.securitytxt import phone_uri
from core.serving import ancestors_shown
from tenants.current import is_public
from themes.site import home_in

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The home page's live children shown in menus, in tree order (the section order)."""
    request = context.get("request")
    # The home page in the language of the page being shown (/en/ has its own tree).
    home = home_in(request)
    if home is None:
        return []

    def build() -> tuple[tuple[str, str, str], ...]:
        # Addresses relative to the site: the same on every domain of the portal.
        return tuple(
            (page.title, page.get_url(request), page.path)
            for page in home.get_children().live().in_menu().public().order_by("path")
        )

    current_path = getattr(context.get("page"), "path", "")
    return [
        {"title": title, "url": url, "active": bool(current_path) and current_path.startswith(path)}
        # Kept per portal until a home or section page changes (core.caching.signals).
        for title, url, path in memo(f"menu:{home.pk}", build)
    ]


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context) -> list[Page]:
    """Ancestors of the current page from the home page down, the page itself excluded."""
    page = context.get("page")
    if is_public() or not isinstance(page, Page) or page.depth <= 2:
        return []
    shown = ancestors_shown(context.get("request"), page)
    if shown is not None:
        return shown  # read with the page itself when the request was routed
    return list(page.get_ancestors().filter(depth__gte=2).live().order_by("path"))


@register.simple_tag(takes_context=True)
def province_portal_link(context) -> dict | None:
    """The province portal (name and address) above a member portal, for the footer; None on
    the province portal itself."""
    from django.utils.translation import get_language

    portal = context.get("portal")
    parent = getattr(portal, "parent", None)
    while parent is not None and not parent.is_province:
        parent = parent.parent
    if parent is None or parent.pk == portal.pk:
        return None
    english = (get_language() or "").startswith("en") and getattr(parent, "name_en", "")
    return {"name": parent.name_en if english else parent.name, "url": parent.url()}


@register.filter
def tel_href(number: str | None) -> str:
    """A number as written (0213 3876 543) → the link that dials it: tel:+842133876543."""
    return phone_uri(number or "")


@register.filter
def phone_text(number: str | None) -> str:
    """A number as the reader needs it: as written in Vietnamese; in any other language with
    the country code (+84 213 3876 543), as a reader abroad dials it. 1800/1900 hotlines only
    work inside Viet Nam and stay as they are."""
    number = (number or "").strip()
    if (get_language() or "vi").startswith("vi") or not number.startswith(("0", "(0")):
        return number
    rest = number.lstrip("(")[1:].replace(")", "", 1).strip()  # without the trunk 0
    return f"+84 {rest}"


@register.filter
def machine_time(value) -> str:
    """A date or time for `<time datetime>`: ISO 8601 to the second (HTML accepts at most
    three digits of fractions, and `|date:'c'` gives six)."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.replace(microsecond=0).isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
