"""The language switcher and `hreflang` alternates of every public page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
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
    # The page has no version in that language: the link goes to its nearest ancestor that
    # has one (or that language's home page), titled here.
    missing: bool = False
    target_title: str = ""


# On a page reached that way, the address of the page the visitor came from: the way back.
RETURN_PARAM = "tu-trang"


def _nearest_translated_ancestor(page: Page, language: str) -> Page | None:
    ancestors = list(page.get_ancestors().filter(depth__gte=2).values_list("translation_key", "depth"))
    if not ancestors:
        return None
    depths = dict(ancestors)
    found = (
        Page.objects.live().public()
        .filter(translation_key__in=depths, locale__language_code=language)
    )
    return max(found, key=lambda other: depths[other.translation_key], default=None)


def _way_back(request: HttpRequest) -> str | None:
    """The local address in the `tu-trang` parameter, if it is one."""
    value = request.GET.get(RETURN_PARAM, "")
    if (not value.startswith("/") or value.startswith("//") or "\\" in value or "\x00" in value
            or not url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()})):
        return None
    return value


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
    """One link per language: the same page in that language; else (marked `missing`) the
    nearest ancestor in that language or its home page, carrying the way back to this page;
    languages with none of these (an English tree not yet published) are left out."""
    request = context.get("request")
    if request is None or is_public():
        return []
    current = get_language() or settings.LANGUAGE_CODE
    page = context.get("page")
    links: list[LanguageLink] = []
    back = _way_back(request) if isinstance(page, Page) else None
    for code, _label in settings.LANGUAGES:
        name = NATIVE_NAMES.get(code, code)
        if code == current:
            here = request.path if back is not None else request.get_full_path()
            links.append(LanguageLink(code, name, here, True, True))
            continue
        url, exact = None, False
        if isinstance(page, Page):
            if back is not None:
                # Reached from a page that has no version in this page's language: back to it.
                links.append(LanguageLink(code, name, back, False, False))
                continue
            other = _public_translation(page, code)
            if other is not None:
                url, exact = other.get_url(request), True
            else:
                # Not in that language: say so, offer the nearest section that is, and keep
                # the way back to this page.
                target = _nearest_translated_ancestor(page, code) or home_for(request, code)
                target_url = target.get_url(request) if target is not None else None
                if target_url:
                    url = f"{target_url}?{urlencode({RETURN_PARAM: request.path})}"
                    links.append(LanguageLink(code, name, url, False, False, True, target.title))
                continue
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
