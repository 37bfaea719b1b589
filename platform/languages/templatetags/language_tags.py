"""The language switcher and `hreflang` alternates of every public page."""

from __future__ import annotations

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page

from core import serving
from core.text import in_active_language
from tenants.current import is_public

register = template.Library()

# Each language's name in that language, as visitors look for it.
NATIVE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    exact: bool  # the same page in that language (not its home page)


def _public_translation(page: Page, language: str) -> Page | None:
    return (
        Page.objects.live().public()
        .filter(translation_key=page.translation_key, locale__language_code=language)
        .first()
    )


def home_for(request: HttpRequest | None, language: str | None = None) -> Page | None:
    """The portal's home page in `language` (default: the active one), if it is live.
    From the per-portal memo (core.serving): no query."""
    if request is None or is_public():
        return None
    site = serving.find_site(request)
    if site is None:
        return None
    language = language or get_language() or settings.LANGUAGE_CODE
    homes = serving.home_pages(site)
    ref = homes.get(language)
    if ref is None:
        return None
    if ref.id != site.root_page_id and not (ref.live and serving.is_public_path(ref.path)):
        return None
    return ref.page()


@register.simple_tag(takes_context=True)
def home_url(context) -> str:
    """Address of the home page in the page's language ("/" or "/en/")."""
    request = context.get("request")
    home = home_for(request)
    url = home.get_url(request) if home is not None else None
    return url or "/"


@register.simple_tag(takes_context=True)
def language_links(context) -> list[LanguageLink]:
    """One link per language: the same page in that language, else that language's home
    page; languages with neither (an English tree not yet published) are left out."""
    request = context.get("request")
    if request is None or is_public():
        return []
    current = get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    links: list[LanguageLink] = []
    for code, _label in settings.LANGUAGES:
        name = NATIVE_NAMES.get(code, code)
        if code == current:
            links.append(LanguageLink(code, name, request.get_full_path(), True, True))
            continue
        url, exact = None, False
        if isinstance(page, Page):
            other = _public_translation(page, code)
            if other is not None:
                url, exact = other.get_url(request), True
        elif page is None:
            # A view outside the page tree (search): the same address in that language.
            url, exact = translate_url(request.get_full_path(), code), True
        if url is None:
            home = home_for(request, code)
            url = home.get_url(request) if home is not None else None
        if url:
            links.append(LanguageLink(code, name, url, False, exact))
    return links


@register.filter
def in_language(obj, field_name: str) -> str:
    """`{{ contact|in_language:"address" }}`: `address_en` on English pages when it is
    filled in, else `address`."""
    return in_active_language(obj, field_name)


@register.simple_tag(takes_context=True)
def portal_name(context, portal=None) -> str:
    """The portal's name in the page's language."""
    portal = portal or context.get("portal")
    if portal is None:
        return ""
    return in_language(portal, "name")
