"""The page tree a request is in: one answer for the theme's menus and the language links."""

from __future__ import annotations

from django.http import HttpRequest

from wagtail.models import Page

from core import serving
from tenants.current import is_public


def site_root(request: HttpRequest | None) -> Page | None:
    """The home page of the portal serving `request` (its Vietnamese tree), or None where
    there is no page tree: the platform console, which renders the theme's 404 page too.
    From the per-portal memo: routing fields only (path, url_path, locale, live), no content."""
    if request is None or is_public():
        return None
    site = serving.find_site(request)
    if site is None:
        return None
    home = serving.home_pages(site)
    own = next((ref for ref in home.values() if ref.id == site.root_page_id), None)
    return own.page() if own is not None else None


def home_in(request: HttpRequest | None, language: str | None = None) -> Page | None:
    """The home page in `language` (default: the active one) as Wagtail's `localized` finds it:
    that language's if it is live, else the site's own."""
    if request is None or is_public():
        return None
    site = serving.find_site(request)
    if site is None:
        return None
    ref = serving.localized_home(site, language)
    return ref.page() if ref is not None else None
