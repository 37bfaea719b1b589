"""Admin wiring: the dashboard's queues, the clocks listing, the obligation actions."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS, in_groups
from tenants.current import current_portal

from . import views
from .models import DeadlineSettings, Obligation
from .queues import queues


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("thoi-han/", views.clock_list, name="deadlines_clocks"),
        path("thoi-han/van-ban-tinh/<int:pk>/tao-trang/", views.obligation_create_page,
             name="deadlines_obligation_create"),
        path("thoi-han/van-ban-tinh/<int:pk>/khong-ap-dung/", views.obligation_decline,
             name="deadlines_obligation_decline"),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return in_groups(request.user, STAFF_GROUPS) and current_portal() is not None


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return StaffMenuItem(_("Thời hạn đăng tin"), reverse("deadlines_clocks"), icon_name="time",
                         order=240)


class DeadlineQueuesPanel(Component):
    """Sắp đến hạn / Quá hạn: posting obligations, Q&A answers, stale sections; and the
    province's documents this portal has to post."""

    name = "deadline_queues"
    template_name = "deadlines/admin/queues_panel.html"
    order = 40

    def __init__(self, request) -> None:
        self.request = request

    def get_context_data(self, parent_context=None) -> dict:
        settings = DeadlineSettings.current()
        return {
            "queues": queues(settings.remind_days_before),
            "obligations": Obligation.objects.filter(status=Obligation.Status.OPEN),
            "can_decide": in_groups(self.request.user, BOARD_GROUPS),
        }


@hooks.register("construct_homepage_panels")
def add_queues_panel(request, panels) -> None:
    if current_portal() is None:
        return
    user = request.user
    settings = DeadlineSettings.current()
    if in_groups(user, BOARD_GROUPS) or (settings.focal_point_id and settings.focal_point_id == user.pk):
        panels.append(DeadlineQueuesPanel(request))
