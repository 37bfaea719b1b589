from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def tuning_urls():
    return [path("tim-kiem/tu-khoa/", admin_views.edit_tuning, name="portal_search_tuning")]


class TuningMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_tune(request.user)


@hooks.register("register_settings_menu_item")
def tuning_menu_item():
    return TuningMenuItem(
        _("Từ khóa tìm kiếm"), reverse("portal_search_tuning"), icon_name="search", order=660
    )
