"""URLs of the public schema: the platform console, on its own domain."""

from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path

urlpatterns = [path("", include("console.urls"))]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

handler404 = "core.views.not_found"
