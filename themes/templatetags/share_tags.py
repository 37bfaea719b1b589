"""Open Graph / Twitter card tags and the print, PDF and share links of every page
(themes.sharing says what they hold)."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language

from themes import sharing

register = template.Library()


def _page_path(request) -> str:
    # The page as served (a routable page's own route included), without the query.
    return request.path


@register.simple_tag(takes_context=True)
def page_meta(context, fallback_description: str = "") -> dict | None:
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return None
    language = (get_language() or "vi").split("-")[0]
    image_field = sharing.page_image_field(page)
    return {
        "title": getattr(page, "seo_title", "") or page.title,
        "description": sharing.page_description(page, fallback_description),
        "url": sharing.absolute_url(request, _page_path(request)),
        "image": sharing.share_image_url(request, page),
        "large_image": image_field is not None,
        "type": "website" if page.depth <= 2 else "article",
        "locale": sharing.OG_LOCALES.get(language, "vi_VN"),
        "alternate_locales": [code for lang, code in sharing.OG_LOCALES.items() if lang != language],
    }


@register.inclusion_tag("includes/share.html", takes_context=True)
def share_block(context) -> dict:
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None or not getattr(page, "pk", None):
        return {"page": None}
    url = sharing.absolute_url(request, _page_path(request))
    title = getattr(page, "title", "")
    return {
        "page": page,
        "url": url,
        "links": sharing.share_links(url, title),
        "pdf_url": sharing.pdf_url(page) if getattr(page, "live", False) else "",
    }
