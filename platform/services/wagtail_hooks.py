from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from core.viewsets import LabelViewSet

from .models import ServiceField, ServiceSector


class ServiceSectorViewSet(LabelViewSet):
    model = ServiceSector
    icon = "group"
    menu_label = _("Ngành")


class ServiceFieldViewSet(LabelViewSet):
    model = ServiceField
    menu_label = _("Lĩnh vực thủ tục")
    list_display = ["name", "sector", "sort_order"]
    list_filter = ["sector"]


class ServicesGroup(SnippetViewSetGroup):
    items = (ServiceSectorViewSet, ServiceFieldViewSet)
    menu_icon = "form"
    menu_label = _("Danh mục dịch vụ công")
    menu_name = "danh-muc-dich-vu-cong"


register_snippet(ServicesGroup)
