"""Tags the base theme needs on every page: the main navigation and the breadcrumbs."""

from __future__ import annotations

from django import template

from wagtail.models import Page

from tenants.current import is_public
from themes.site import site_root

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The home page's live children shown in menus, in tree order (the section order)."""
    request = context.get("request")
    root = site_root(request)
    if root is None:
        return []
    # The home page in the language of the page being shown (/en/ has its own tree).
    home = root.localized
    current = context.get("page")
    current_path = getattr(current, "path", "")
    items = []
    for page in home.get_children().live().in_menu().public().order_by("path"):
        items.append(
            {
                "title": page.title,
                "url": page.get_url(request),
                "active": bool(current_path) and current_path.startswith(page.path),
            }
        )
    return items


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context) -> list[Page]:
    """Ancestors of the current page from the home page down, the page itself excluded."""
    page = context.get("page")
    if is_public() or not isinstance(page, Page) or page.depth <= 2:
        return []
    return list(page.get_ancestors().filter(depth__gte=2).live().order_by("path"))
