from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import RelatedPortal


class RelatedPortalViewSet(SnippetViewSet):
    model = RelatedPortal
    icon = "link"
    menu_label = _("Liên kết cổng thông tin")
    add_to_admin_menu = False
    list_display = ["name", "url", "group", "sort_order"]


register_snippet(RelatedPortalViewSet)
