"""URLs of the public schema: the platform console, on its own domain."""

from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path

from core.securitytxt import security_txt

urlpatterns = [path("", include("console.urls"))]
urlpatterns += [path(".well-known/security.txt", security_txt, name="security_txt")]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

handler404 = "core.views.not_found"
handler500 = "core.errors.server_error"
