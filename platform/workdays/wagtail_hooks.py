from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accounts.permissions import BOARD_GROUPS, STAFF_GROUPS, RoleGroupPolicy

from .models import CalendarException

register_permission_policy(
    CalendarException,
    RoleGroupPolicy(
        CalendarException,
        {"view": STAFF_GROUPS, "add": BOARD_GROUPS, "change": BOARD_GROUPS, "delete": BOARD_GROUPS},
    ),
)


class CalendarExceptionViewSet(SnippetViewSet):
    model = CalendarException
    icon = "date"
    menu_label = _("Ngày nghỉ, làm bù")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["date", "kind", "note"]
    list_filter = ["kind"]
    copy_view_enabled = False


register_snippet(CalendarExceptionViewSet)
