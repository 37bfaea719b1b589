"""What search engines read on every portal: robots.txt and the sitemap, both naming the
host the request came to.

Wagtail builds sitemap addresses from the Site record (`http://<primary domain>`, port 80),
which is the wrong scheme behind TLS and the wrong port in development. Every page of a
schema belongs to this one portal, so the sitemap rewrites the scheme and host of its
addresses to the request's own: a sitemap lists only URLs of the host that serves it, as
the sitemaps protocol asks.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.contrib.sitemaps.sitemap_generator import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap

from core.caching.pages import depends_on

# Not for crawlers: the editors' admin and search result pages (endless, duplicate content),
# and each page's PDF (the same content, rendered on demand).
DISALLOWED = ["/admin/", "/tim-kiem/", "/en/search/", "/tai-pdf/"]


def request_root(request: HttpRequest) -> str:
    """`scheme://host[:port]` as the visitor addressed this portal."""
    return f"{request.scheme}://{request.get_host()}"


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    depends_on(request)  # the same for every visitor of the host
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED), ""]
    lines.append(f"Sitemap: {request_root(request)}/sitemap.xml")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class PortalSitemap(WagtailSitemap):
    """Wagtail's sitemap of this portal's live public pages, on the request's host, in every
    language (the English tree is a sibling of the Vietnamese one, not below it)."""

    def items(self):
        from django.db.models import Q

        from wagtail.models import Page

        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            Page.objects.filter(trees).live().public()
            # Each page as its own class (a page may say which URLs it has) without reading
            # its own table: one query, however many page types.
            .order_by("path").specific(defer=True)
        )

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        root = urlsplit(request_root(self.request))
        for url_info in urls:
            parts = urlsplit(url_info["location"])
            if parts.netloc:  # a page of this portal: only its path is Wagtail's
                url_info["location"] = urlunsplit(
                    (root.scheme, root.netloc, parts.path, parts.query, parts.fragment)
                )
        return urls


def sitemap(request: HttpRequest) -> HttpResponse:
    depends_on(request, "sitemap")  # purged with every page change (core.caching.signals)
    return wagtail_sitemap(request, sitemaps={"wagtail": PortalSitemap})
