"""The portal's own colours as a stylesheet, so that pages carry no inline style; its icons
(favicon, home-screen icon) and web manifest."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control

from themes.templatetags.portal_theme import portal_theme

# Linked with ?v=<digest of the colours>: a new choice of colour is a new address.
VERSIONED_MAX_AGE = 365 * 24 * 60 * 60
UNVERSIONED_MAX_AGE = 5 * 60


def theme_css(request: HttpRequest) -> HttpResponse:
    # The template tag's own answer, so the page and its stylesheet always agree.
    theme = portal_theme({"request": request, "portal": getattr(request, "tenant", None)})
    if theme is None:
        raise Http404
    response = HttpResponse(theme.colours.css() + "\n", content_type="text/css; charset=utf-8")
    if request.GET.get("v") == theme.colours.digest:
        patch_cache_control(response, public=True, max_age=VERSIONED_MAX_AGE, immutable=True)
    else:
        patch_cache_control(response, public=True, max_age=UNVERSIONED_MAX_AGE)
    return response


FAVICON_MAX_AGE = 24 * 60 * 60


def _emblem_icon(request: HttpRequest, spec: str, fallback: str) -> HttpResponse:
    """A redirect to the portal's emblem rendered by `spec` when it has one, else to the
    static `fallback` the theme draws; browsers keep it for a day."""
    from django.shortcuts import redirect
    from django.templatetags.static import static

    theme = portal_theme({"request": request, "portal": getattr(request, "tenant", None)})
    if theme is not None and theme.emblem is not None:
        target = theme.emblem.get_rendition(spec).url
    else:
        target = static(fallback)
    response = redirect(target)
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


def favicon(request: HttpRequest) -> HttpResponse:
    """/favicon.ico, which browsers ask for on every portal: the portal's own emblem when it
    has one (a small PNG of it), else the national emblem the theme draws."""
    return _emblem_icon(request, "fill-64x64|format-png", "themes/base/emblem.svg")


def apple_touch_icon(request: HttpRequest) -> HttpResponse:
    """/apple-touch-icon.png, the picture a phone puts on its home screen for the portal: its
    own emblem as a 180 px PNG when it has one, else the national emblem the theme draws."""
    return _emblem_icon(request, "fill-180x180|format-png|bgcolor-ffffff", "themes/base/touch-icon.png")


def web_manifest(request: HttpRequest) -> HttpResponse:
    """/manifest.webmanifest: the portal's name, colour and icons for a phone's home screen."""
    from django.http import JsonResponse
    from django.templatetags.static import static

    from core.text import in_active_language

    portal = getattr(request, "tenant", None)
    theme = portal_theme({"request": request, "portal": portal})
    if theme is None:
        raise Http404
    if theme.emblem is not None:
        icons = [
            {"src": theme.emblem.get_rendition(f"fill-{size}x{size}|format-png|bgcolor-ffffff").url,
             "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ]
    else:
        icons = [
            {"src": static("themes/base/touch-icon.png"), "sizes": "180x180", "type": "image/png"},
            {"src": static("themes/base/emblem.svg"), "sizes": "any", "type": "image/svg+xml"},
        ]
    name = in_active_language(portal, "name")
    response = JsonResponse(
        {"name": name, "short_name": name[:30], "start_url": "/", "display": "browser",
         "theme_color": theme.colours.brand, "background_color": "#ffffff", "icons": icons},
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )
    patch_cache_control(response, public=True, max_age=FAVICON_MAX_AGE)
    return response


def page_pdf(request: HttpRequest, page_id: int) -> HttpResponse:
    """“Tải PDF” of a live public page (themes.pdf; WeasyPrint is loaded on first use)."""
    from themes.pdf import page_pdf as render

    return render(request, page_id)


SHARE_IMAGE_MAX_AGE = 60 * 60


def share_image(request: HttpRequest, page_id: int) -> HttpResponse:
    """The image of a page's Open Graph card: the page's own image, else the portal's
    emblem, else the national emblem; a redirect to its rendition, so rendering a page
    never looks images up."""
    from django.shortcuts import redirect
    from django.templatetags.static import static

    from wagtail.models import Page

    from themes.sharing import page_image_field

    page = Page.objects.live().public().filter(pk=page_id).first()
    image = None
    if page is not None:
        page = page.specific
        field = page_image_field(page)
        image = getattr(page, field) if field else None
    # A page's photograph fills the card; an emblem is shown whole.
    spec = "fill-1200x630-c0|format-jpeg"
    if image is None:
        spec = "max-600x600|format-png"
        theme = portal_theme({"request": request, "portal": getattr(request, "tenant", None)})
        image = theme.emblem if theme is not None else None
    if image is not None:
        target = image.get_rendition(spec).url
    else:
        target = static("themes/base/emblem.svg")
    response = redirect(target)
    patch_cache_control(response, public=True, max_age=SHARE_IMAGE_MAX_AGE)
    return response
