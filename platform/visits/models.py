"""Page views of the portal's public pages, counted without cookies and without keeping any
personal data (Decree 13/2023; docs/visits.md).

- `PageView`: one row per view of today, written by the beacon (`visits.views.beacon`); the
  visitor is only a hash that changes every day and cannot be reversed once the day's salt
  is gone. Emptied every night by the roll-up.
- `DailySalt`: the random salt of each day, deleted by the roll-up with the day's rows.
- `DailyCount`: what is kept for good: per day, views (and distinct visitors) in total, by
  page, by section, by language and by referring domain.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from .validators import validate_https_url, validate_site_id


class PageView(models.Model):
    day = models.DateField(_("ngày"), db_index=True)
    page_id = models.PositiveIntegerField(_("trang"), null=True, blank=True)
    path = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    language = models.CharField(_("ngôn ngữ"), max_length=8, blank=True)
    referrer = models.CharField(_("tên miền dẫn đến"), max_length=253, blank=True)
    # sha256(salt of the day + address + browser + portal): no address, no browser string.
    visitor = models.CharField(_("mã khách trong ngày"), max_length=64)

    class Meta:
        verbose_name = _("lượt xem trong ngày")
        verbose_name_plural = _("lượt xem trong ngày")

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.path}"


class DailySalt(models.Model):
    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y}"


class DailyCount(models.Model):
    class Dimension(models.TextChoices):
        TOTAL = "total", _("tổng")
        PAGE = "page", _("trang")
        SECTION = "section", _("chuyên mục")
        LANGUAGE = "language", _("ngôn ngữ")
        REFERRER = "referrer", _("tên miền dẫn đến")

    day = models.DateField(_("ngày"))
    dimension = models.CharField(_("theo"), max_length=10, choices=Dimension.choices)
    key = models.CharField(_("giá trị"), max_length=255, blank=True)
    page_id = models.PositiveIntegerField(null=True, blank=True)
    views = models.PositiveIntegerField(_("lượt xem"), default=0)
    # Distinct visitors of that day (an estimate: one hash per address and browser a day).
    visitors = models.PositiveIntegerField(_("khách"), default=0)

    class Meta:
        verbose_name = _("số liệu truy cập theo ngày")
        verbose_name_plural = _("số liệu truy cập theo ngày")
        constraints = [
            models.UniqueConstraint(fields=["day", "dimension", "key"], name="visits_daily_unique"),
        ]
        indexes = [models.Index(fields=["dimension", "day"])]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} {self.dimension} {self.key}: {self.views}"


@register_setting(icon="view")
class VisitSettings(BaseSiteSetting):
    """The public counter, and the external analytics the portal must or may carry."""

    show_counter = models.BooleanField(
        _("hiện “Lượt truy cập” ở chân trang"), default=True,
        help_text=_("Hôm nay, tháng này và tổng số lượt xem trang của cổng."),
    )
    emc_site_id = models.CharField(
        _("mã website EMC"), max_length=20, blank=True, validators=[validate_site_id],
        help_text=_("Mã số do Hệ thống EMC (Thông tư 22/2023/TT-BTTTT) cấp cho cổng, chỉ gồm chữ số. "
                    "Bắt buộc trước khi cổng đi vào hoạt động."),
    )
    emc_url = models.URLField(
        _("địa chỉ máy chủ EMC"), max_length=200, blank=True, default="https://f-emc.ngsp.gov.vn",
        validators=[validate_https_url],
        help_text=_("Địa chỉ https của Hệ thống EMC, như trong mã nhúng được cấp."),
    )
    matomo_url = models.URLField(
        _("địa chỉ Matomo"), max_length=200, blank=True, validators=[validate_https_url],
        help_text=_("Tùy chọn: máy chủ Matomo của tỉnh (https://…/)."),
    )
    matomo_site_id = models.CharField(
        _("mã website Matomo"), max_length=20, blank=True, validators=[validate_site_id],
    )

    panels = [
        FieldPanel("show_counter"),
        MultiFieldPanel([FieldPanel("emc_site_id"), FieldPanel("emc_url")],
                        heading=_("Mã theo dõi EMC")),
        MultiFieldPanel([FieldPanel("matomo_url"), FieldPanel("matomo_site_id")],
                        heading=_("Matomo (tùy chọn)")),
    ]

    class Meta:
        verbose_name = _("thống kê truy cập")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        super().clean()
        if bool(self.matomo_url) != bool(self.matomo_site_id):
            raise ValidationError(_("Nhập cả địa chỉ và mã website Matomo, hoặc để trống cả hai."))
        if self.emc_site_id and not self.emc_url:
            raise ValidationError({"emc_url": _("Cần địa chỉ máy chủ EMC.")})

    @property
    def has_emc(self) -> bool:
        return bool(self.emc_site_id and self.emc_url)
