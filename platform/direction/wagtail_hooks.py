from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ScheduleEntry


class ScheduleEntryViewSet(SnippetViewSet):
    model = ScheduleEntry
    icon = "date"
    menu_label = _("Lịch công tác")
    menu_name = "lich-cong-tac"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["date", "start_time", "kind", "leader", "content", "place"]
    list_filter = ["kind", "date"]
    search_fields = ["content", "leader", "place"]
    ordering = ["-date", "start_time"]


register_snippet(ScheduleEntryViewSet)
