"""URLs of every portal (tenant schemas).

Public pages are language-prefixed: Vietnamese has no prefix, English lives under `/en/`
(the page tree of each language is served by Wagtail from that language's home page).
"""

from importlib import import_module

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.utils import translation
from django.utils.translation import pgettext_lazy

from wagtail import urls as wagtail_urls
from wagtail.documents import urls as wagtaildocs_urls

from core.securitytxt import security_txt
from core.seo import robots_txt, sitemap
from core.serving import serve
from disclosure.views import member_directory
from tenants.views import serve_media
from themes.views import apple_touch_icon, favicon, page_pdf, share_image, theme_css, web_manifest
from visits import views as visits_views

# Wagtail writes some admin labels once, when its URLs are built (the snippets' breadcrumbs,
# the snippet choosers' buttons): built in Vietnamese, not in the language of whichever
# request (an English page) came first.
with translation.override(settings.LANGUAGE_CODE):
    wagtailadmin_urls = import_module("wagtail.admin.urls")

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path(".well-known/security.txt", security_txt, name="security_txt"),
    # The portal's brand colours (no inline style on public pages).
    path("giao-dien.css", theme_css, name="portal_theme_css"),
    # Asked for by every browser: the portal's emblem, never a 404.
    path("favicon.ico", favicon, name="favicon"),
    # Page views counted by the beacon of every public page, and the footer's figures.
    path("_v", visits_views.beacon, name="visits_beacon"),
    path("_v/counts", visits_views.counts, name="visits_counts"),
    # Phones ask for these when a visitor adds the portal to the home screen.
    path("apple-touch-icon.png", apple_touch_icon, name="apple_touch_icon"),
    path("apple-touch-icon-precomposed.png", apple_touch_icon),
    path("manifest.webmanifest", web_manifest, name="web_manifest"),
    # “Tải PDF” of a page, and the image of its Open Graph card (themes.pdf, themes.sharing).
    path("tai-pdf/<int:page_id>/", page_pdf, name="page_pdf"),
    path("anh-chia-se/<int:page_id>/", share_image, name="share_image"),
    # The read-only open data API (opendata): JSON, the same in every language.
    path("api/v1/", include("opendata.urls")),
    re_path(r"^media/(?P<schema>[a-z0-9_]+)/(?P<path>.+)$", serve_media, name="media"),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    # /tim-kiem/ in Vietnamese, /en/search/ in English.
    path(pgettext_lazy("URL", "tim-kiem/"), include("search.urls")),
    # The province portal's directory of member portals (disclosure.views).
    path("cong-thanh-vien/", member_directory, name="member_directory"),
    # E-mail subscriptions: subscribe, confirm, unsubscribe (subscriptions.views).
    path("dang-ky-nhan-tin/", include("subscriptions.urls")),
    # Wagtail's page view with fewer queries (core.serving); its password and login views.
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

handler500 = "core.errors.server_error"
