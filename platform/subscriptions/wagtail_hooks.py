"""Admin wiring: the subscription counts (board) and the subscribers' personal data (board
head)."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("dang-ky-nhan-tin/", admin_views.counts, name="subscriptions_counts"),
        path(
            "dang-ky-nhan-tin/du-lieu-ca-nhan/",
            admin_views.personal_data_view,
            name="subscriptions_personal_data",
        ),
    ]


class CountsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return admin_views.can_view_counts(request.user)


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return CountsMenuItem(
        _("Đăng ký nhận tin"), reverse("subscriptions_counts"), icon_name="mail", order=265
    )
