"""The portal's home page: the root of each portal's page tree."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """Trang chủ. One per portal (per locale), created with the portal."""

    intro = RichTextField(_("lời giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def __str__(self) -> str:
        return self.title


