"""The page tree a request is in: one answer for the theme's menus and the language links."""

from __future__ import annotations

from django.http import HttpRequest

from wagtail.models import Page, Site

from tenants.current import is_public


def site_root(request: HttpRequest | None) -> Page | None:
    """The home page of the portal serving `request` (its Vietnamese tree), or None where
    there is no page tree: the platform console, which renders the theme's 404 page too."""
    if request is None or is_public():
        return None
    site = Site.find_for_request(request)
    return site.root_page if site is not None else None
