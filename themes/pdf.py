"""“Tải PDF”: a page of the portal as a PDF, rendered on the server by WeasyPrint.

The page is rendered as a visitor sees it (its own template, through `page.serve`), then laid
out with the print stylesheet (`print.css`: the portal's name on top, the address and date at
the foot, navigation hidden) and a font with every Vietnamese glyph. Rendering takes a second
or more, so each PDF is kept in the cache, keyed by the page, its latest revision and the
language: a new revision is a new key, and nothing has to be purged. The layout itself is in
`themes.pdf_layout`, loaded on the first PDF a process lays out (not on a kept one).

Only live public pages: a page behind a password, a login or a group restriction has no PDF
(a kept PDF must never outlive who may see it). WeasyPrint fetches nothing over the network:
the page's stylesheets and images are read from the static files and this portal's media.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.text import slugify

from core.text import unaccent

CACHE_SECONDS = 30 * 24 * 60 * 60


def pdf_filename(title: str) -> str:
    """An ASCII slug of the title (Đ as D) for old clients, `.pdf`."""
    slug = slugify(unaccent(title))[:80].strip("-") or "trang"
    return f"{slug}.pdf"


def content_disposition(title: str) -> str:
    """`attachment` with the ASCII name and the Vietnamese one as RFC 5987 `filename*`."""
    ascii_name = pdf_filename(title)
    full = re.sub(r"[\\/:*?\"<>|\r\n]+", " ", title).strip()[:120] or "trang"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(full + '.pdf')}"


def public_page(page_id: int):
    """The live page of this portal anyone may see, or 404."""
    from wagtail.models import Page

    page = (
        Page.objects.live().public().filter(pk=page_id, depth__gte=2)
        .select_related("locale").first()
    )
    if page is None:
        raise Http404
    return page.specific


def cache_key(page) -> str:
    # The cache's keys carry the schema already (django_tenants.cache.make_key).
    return f"page-pdf:{page.pk}:{page.latest_revision_id or 0}:{page.locale.language_code}"


def page_pdf(request: HttpRequest, page_id: int) -> HttpResponse:
    page = public_page(page_id)
    key = cache_key(page)
    content = cache.get(key)
    if content is None:
        # WeasyPrint takes half a second to load: only a worker that lays a PDF out loads it.
        from themes.pdf_layout import render_pdf

        content = render_pdf(request, page)
        cache.set(key, content, CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(page.title)
    response["X-Robots-Tag"] = "noindex"
    return response
