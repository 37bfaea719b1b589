"""Tags the base theme needs on every page: the main navigation and the breadcrumbs.

They live in a content app because themes/ holds templates and static files only.
"""

from __future__ import annotations

from django import template
from django.http import HttpRequest

from wagtail.models import Page, Site

from tenants.current import is_public

register = template.Library()


def _home(request: HttpRequest | None) -> Page | None:
    # The public schema (platform console) renders 404.html too, and has no page tree.
    if request is None or is_public():
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    # The home page in the language of the page being shown (/en/ has its own tree).
    return site.root_page.localized


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[dict]:
    """The home page's live children shown in menus, in tree order (the section order)."""
    request = context.get("request")
    home = _home(request)
    if home is None:
        return []
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


@register.simple_tag
def latest_news(count: int = 5) -> list:
    from wagtail.models import Locale

    from news.models import NewsArticlePage

    return list(
        NewsArticlePage.objects.live().public()
        .filter(locale=Locale.get_active())  # the language of the page it is shown on
        .select_related("featured_image", "category")
        .order_by("-publish_date", "-pk")[:count]
    )
