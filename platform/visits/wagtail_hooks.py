"""Admin wiring: the statistics page and its menu item (the portal's staff)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from tenants.current import current_portal

from . import admin_views


@hooks.register("register_admin_urls")
def register_urls():
    return [path("thong-ke-truy-cap/", admin_views.statistics, name="visits_statistics")]


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_see(request.user) and current_portal() is not None


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return StatisticsMenuItem(_("Thống kê truy cập"), reverse("visits_statistics"),
                              icon_name="view", order=250)
