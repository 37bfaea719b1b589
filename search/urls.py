from django.urls import path

from .views import autocomplete, search

urlpatterns = [
    path("", search, name="search"),
    path("goi-y/", autocomplete, name="search_autocomplete"),
]
