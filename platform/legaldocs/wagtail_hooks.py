from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import LabelViewSet

from .models import IssuingAuthority, LegalField


class IssuingAuthorityViewSet(LabelViewSet):
    model = IssuingAuthority
    icon = "group"
    menu_label = _("Cơ quan ban hành")
    list_display = ["name", "short_name", "sort_order"]
    search_fields = ["name", "short_name"]


class LegalFieldViewSet(LabelViewSet):
    model = LegalField
    menu_label = _("Lĩnh vực")


class LegalDocsGroup(SnippetViewSetGroup):
    items = (IssuingAuthorityViewSet, LegalFieldViewSet)
    menu_icon = "doc-full-inverse"
    menu_label = _("Danh mục văn bản")
    menu_name = "danh-muc-van-ban"


register_snippet(LegalDocsGroup)
