"""Admin wiring: the "Báo cáo định kỳ" menu and pages of a portal's board."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("bao-cao/", views.report_list, name="reports_list"),
        path("bao-cao/tao/", views.report_create, name="reports_create"),
        path("bao-cao/<int:pk>/", views.report_detail, name="reports_detail"),
        path("bao-cao/<int:pk>/cap-nhat-so-lieu/", views.report_refresh, name="reports_refresh"),
        path("bao-cao/<int:pk>/nop/", views.report_submit, name="reports_submit"),
        path("bao-cao/<int:pk>/tai-ve.<str:kind>", views.report_download, name="reports_download"),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return views.can_view(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return BoardMenuItem(_("Báo cáo định kỳ"), reverse("reports_list"), icon_name="doc-full", order=250)
