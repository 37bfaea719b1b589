"""“Tải PDF”: a page of the portal as a PDF, rendered on the server by WeasyPrint.

The page is rendered as a visitor sees it (its own template, through `page.serve`), then laid
out with the print stylesheet (`print.css`: the portal's name on top, the address and date at
the foot, navigation hidden) and a font with every Vietnamese glyph. Rendering takes a second
or more, so each PDF is kept in the cache, keyed by the page, its latest revision and the
language: a new revision is a new key, and nothing has to be purged.

Only live public pages: a page behind a password, a login or a group restriction has no PDF
(a kept PDF must never outlive who may see it). WeasyPrint fetches nothing over the network:
the page's stylesheets and images are read from the static files and this portal's media.
"""

from __future__ import annotations

import copy
import mimetypes
import re
from urllib.parse import quote, urlsplit

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.utils import translation
from django.utils.text import slugify

from core.text import unaccent

# A font with the Vietnamese letters (DejaVu is in Debian's fonts-dejavu-core).
PDF_CSS = """
@page { size: A4; margin: 2cm 1.8cm;
  @bottom-right { content: counter(page) "/" counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Sans", "Noto Sans", sans-serif; font-size: 10.5pt; }
"""
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


class PortalFetcher(URLFetcher):
    """What WeasyPrint may read while laying out a page: static files and this portal's media,
    from disk. Anything else (another host, another portal's media) is refused."""

    def __init__(self, host: str) -> None:
        super().__init__(allowed_protocols=("http", "https", "data"))
        self.host = host

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.netloc != self.host:
            raise ValueError(f"not fetched: {url}")
        mime = mimetypes.guess_type(parts.path)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=read_local(parts.path), headers={"Content-Type": mime})


def read_local(path: str) -> bytes:
    from django.contrib.staticfiles import finders
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.files.storage import default_storage

    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL):]
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as handle:
                return handle.read()
        found = finders.find(name)
        if found:
            with open(found, "rb") as handle:
                return handle.read()
        raise ValueError(f"no static file {name}")
    media = f"{settings.MEDIA_URL}{connection.schema_name}/"
    if path.startswith(media):
        name = path[len(media):]
        if ".." in name.split("/"):
            raise ValueError("bad path")
        with default_storage.open(name) as handle:  # this portal's folder
            return handle.read()
    raise ValueError(f"not fetched: {path}")


def render_pdf(request: HttpRequest, page) -> bytes:
    """The page as its visitors see it, laid out for print."""
    # Rendered as if asked at the page's own address, which the print footer shows.
    page_request = copy.copy(request)
    page_request.path = page_request.path_info = page.get_url(request)
    page_request.GET = QueryDict()
    with translation.override(page.locale.language_code):
        response = page.serve(page_request)
        if response.status_code != 200 or not hasattr(response, "render"):
            raise Http404
        html = response.render().content.decode(response.charset or "utf-8")
    base_url = f"{request.scheme}://{request.get_host()}{page_request.path}"
    document = HTML(string=html, base_url=base_url, url_fetcher=PortalFetcher(request.get_host()))
    return document.write_pdf(stylesheets=[CSS(string=PDF_CSS)])


def page_pdf(request: HttpRequest, page_id: int) -> HttpResponse:
    page = public_page(page_id)
    key = cache_key(page)
    content = cache.get(key)
    if content is None:
        content = render_pdf(request, page)
        cache.set(key, content, CACHE_SECONDS)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition(page.title)
    response["X-Robots-Tag"] = "noindex"
    return response
