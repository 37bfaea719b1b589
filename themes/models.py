"""The portal's look, chosen by its own board: a site setting of every portal schema."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.serving import KeptSiteSetting
from themes.colours import DEFAULT_BRAND, is_hex_colour


def validate_hex_colour(value: str) -> None:
    if not is_hex_colour(value):
        raise ValidationError(
            _("Màu “%(value)s” không hợp lệ; hãy nhập mã màu dạng #RRGGBB, ví dụ #a50e0e."),
            code="invalid_colour", params={"value": value},
        )


@register_setting(icon="image")
class ThemeSettings(KeptSiteSetting, BaseSiteSetting):
    """The portal's look: the base theme reads these through `{% portal_theme %}`."""

    primary_colour = models.CharField(
        _("màu chủ đạo"), max_length=7, default=DEFAULT_BRAND, validators=[validate_hex_colour],
        help_text=_("Mã màu dạng #RRGGBB."),
    )
    emblem = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("biểu trưng (quốc huy, logo)"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
    )
    banner = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh băng rôn đầu trang"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    panels = [FieldPanel("primary_colour"), FieldPanel("emblem"), FieldPanel("banner")]

    class Meta:
        verbose_name = _("giao diện của Cổng")
        verbose_name_plural = _("giao diện của Cổng")
