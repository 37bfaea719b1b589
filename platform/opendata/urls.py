"""/api/v1/ of every portal (opendata.views)."""

from __future__ import annotations

from django.urls import path, re_path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.documentation, name="documentation"),
    path("openapi.json", views.openapi_document, name="openapi"),
    path("dcat.jsonld", views.dcat_catalogue, name="dcat"),
    path("<slug:path>/", views.resource_list, name="list"),
    re_path(r"^(?P<rest>.*)$", views.not_found),
]
