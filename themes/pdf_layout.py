"""The layout of “Tải PDF” (themes.pdf): the page rendered as its visitors see it, laid out
by WeasyPrint with the print stylesheet and a font with every Vietnamese glyph, reading
nothing over the network."""

from __future__ import annotations

import copy
import mimetypes
from urllib.parse import urlsplit

from weasyprint import CSS, HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, QueryDict
from django.utils import translation

# A font with the Vietnamese letters (DejaVu is in Debian's fonts-dejavu-core).
PDF_CSS = """
@page { size: A4; margin: 2cm 1.8cm;
  @bottom-right { content: counter(page) "/" counter(pages); font-size: 9pt; } }
body { font-family: "DejaVu Sans", "Noto Sans", sans-serif; font-size: 10.5pt; }
"""


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
