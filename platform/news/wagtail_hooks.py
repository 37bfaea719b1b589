from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from core.viewsets import LabelViewSet

from .models import NewsCategory


class NewsCategoryViewSet(LabelViewSet):
    model = NewsCategory
    icon = "folder-open-inverse"
    menu_label = _("Chuyên mục tin")
    add_to_admin_menu = False
    list_display = ["name", "slug", "sort_order"]


register_snippet(NewsCategoryViewSet)
