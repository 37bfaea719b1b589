"""Each portal's own part of the deadlines app (tenant schema): its settings, the
obligations the province's documents gave it, and the reminder digests it sent.

The province-wide tables (rules, ledger) are in `deadlines.province` (public schema).
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from core.text import nfc

from . import rules

_OWN_LIMIT_HELP = _("Để trống: theo quy định của tỉnh. Chỉ được rút ngắn, không được kéo dài.")


def _own_limit(label) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(
        label, null=True, blank=True, help_text=_OWN_LIMIT_HELP,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )


# Rule key → the field of DeadlineSettings holding the portal's own (shorter) limit.
OWN_LIMIT_FIELDS = {
    rules.LAW_DISSEMINATION: "law_dissemination_days",
    rules.LEGAL_ISSUER: "legal_issuer_days",
    rules.LEGAL_APPLYING: "legal_applying_days",
    rules.PLANNING: "planning_days",
    rules.SCIENCE: "science_days",
    rules.STATISTICS: "statistics_days",
    rules.KEPT_CURRENT: "kept_current_days",
}


@register_setting(icon="time")
class DeadlineSettings(BaseSiteSetting):
    """The portal's own rules about time limits: shorter limits than the province's if it
    wants them, who is reminded, and whether public pages show the clock."""

    law_dissemination_days = _own_limit(_("phổ biến pháp luật (ngày làm việc)"))
    legal_issuer_days = _own_limit(_("văn bản do cơ quan ban hành (ngày làm việc)"))
    legal_applying_days = _own_limit(_("văn bản cơ quan thuộc phạm vi điều chỉnh (ngày làm việc)"))
    planning_days = _own_limit(_("chiến lược, quy hoạch, dự án (ngày làm việc)"))
    science_days = _own_limit(_("chương trình, đề tài khoa học (ngày làm việc)"))
    statistics_days = _own_limit(_("thông tin thống kê (ngày làm việc)"))
    kept_current_days = _own_limit(_("cảnh báo chuyên mục không cập nhật sau (ngày)"))

    remind_days_before = models.PositiveSmallIntegerField(
        _("nhắc trước hạn (ngày làm việc)"), default=3,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Thư nhắc được gửi chừng ấy ngày làm việc trước hạn, và vào ngày đến hạn."),
    )
    reminders_enabled = models.BooleanField(_("gửi thư nhắc hằng ngày"), default=True)
    focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("đầu mối cung cấp thông tin"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="+",
        help_text=_("Người của đơn vị nhận thư nhắc cùng Ban Biên tập."),
    )
    show_on_public_pages = models.BooleanField(
        _("hiện ngày đăng và hạn đăng trên trang công khai"), default=False,
        help_text=_("Một dòng nhỏ dưới bài: “Đăng ngày … · hạn đăng …”."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel(name) for name in OWN_LIMIT_FIELDS.values()],
            heading=_("Thời hạn riêng của cổng"),
        ),
        MultiFieldPanel(
            [FieldPanel("reminders_enabled"), FieldPanel("remind_days_before"),
             FieldPanel("focal_point")],
            heading=_("Thư nhắc"),
        ),
        FieldPanel("show_on_public_pages"),
    ]

    class Meta:
        verbose_name = _("thiết lập thời hạn đăng tin")

    @classmethod
    def current(cls) -> DeadlineSettings:
        """The settings of the current schema's portal (its one Site)."""
        from wagtail.models import Site

        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site is not None else cls()

    def own_limits(self) -> dict[str, int]:
        return {
            key: getattr(self, field) for key, field in OWN_LIMIT_FIELDS.items()
            if getattr(self, field)
        }

    def clean(self) -> None:
        super().clean()
        province = rules.province_limits()
        errors = {}
        for key, days in self.own_limits().items():
            if days > province[key]:
                errors[OWN_LIMIT_FIELDS[key]] = _(
                    "Quy định của tỉnh là %(days)d ngày: cổng chỉ được rút ngắn thời hạn."
                ) % {"days": province[key]}
        if errors:
            raise ValidationError(errors)


class Obligation(models.Model):
    """A province document this portal must post or link (Lai Châu 43/2020 art. 12.1 c: 8
    working days for the agencies it applies to), registered when the province published it.

    Done by creating the page (one click: the document's data and files are copied, with a
    link back to the province's page), or by a recorded decision that it does not apply.
    """

    class Status(models.TextChoices):
        OPEN = "open", _("Chưa thực hiện")
        DONE = "done", _("Đã tạo trang")
        NOT_APPLICABLE = "not_applicable", _("Không áp dụng")

    source_schema = models.CharField(_("cổng ban hành"), max_length=63)
    source_page_id = models.BigIntegerField(_("mã trang văn bản ở cổng tỉnh"))
    source_portal_name = models.CharField(_("tên cổng tỉnh"), max_length=255)
    source_url = models.URLField(_("địa chỉ văn bản trên cổng tỉnh"), max_length=500, blank=True)
    title = models.CharField(_("văn bản"), max_length=500)
    number = models.CharField(_("số ký hiệu"), max_length=60, blank=True)
    issue_date = models.DateField(_("ngày ban hành"))
    due_date = models.DateField(_("hạn đăng"))
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=Status.choices, default=Status.OPEN, db_index=True
    )
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang đã tạo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    decided_by = models.CharField(_("người quyết định"), max_length=150, blank=True)
    decided_at = models.DateTimeField(_("thời điểm"), null=True, blank=True)
    reason = models.TextField(_("lý do không áp dụng"), blank=True)
    created_at = models.DateTimeField(_("ngày giao"), auto_now_add=True)

    class Meta:
        verbose_name = _("văn bản tỉnh phải đăng")
        verbose_name_plural = _("văn bản tỉnh phải đăng")
        ordering = ["status", "due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_schema", "source_page_id"], name="deadlines_one_obligation_per_document"
            )
        ]

    def __str__(self) -> str:
        return f"{self.number} – {self.title}" if self.number else self.title

    def save(self, *args, **kwargs) -> None:
        for name in ("title", "number", "reason", "source_portal_name"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)


class ReminderDigest(models.Model):
    """The one reminder e-mail a person gets on a day: re-running the daily job the same
    day finds it here and sends nothing new."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("người nhận"), on_delete=models.CASCADE,
        related_name="+",
    )
    day = models.DateField(_("ngày"))
    email = models.EmailField(_("địa chỉ"))
    item_count = models.PositiveSmallIntegerField(_("số mục"), default=0)
    sent = models.BooleanField(_("đã gửi"), default=False)
    error = models.TextField(_("lỗi"), blank=True)
    at = models.DateTimeField(_("thời điểm"), auto_now=True)

    class Meta:
        verbose_name = _("thư nhắc hạn")
        verbose_name_plural = _("thư nhắc hạn")
        ordering = ["-day", "user_id"]
        constraints = [
            models.UniqueConstraint(fields=["user", "day"], name="deadlines_one_digest_per_day")
        ]

    def __str__(self) -> str:
        return f"{self.day:%d/%m/%Y} → {self.email}"
