"""The periodic reports of every portal (public schema, keyed by portal).

A report is a draft while the board head reviews its figures and writes the narrative; once
submitted it is frozen: its figures are the JSON snapshot taken then, and every later save
or delete is refused (`ReportFrozen`), whichever path tries.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import nfc
from tenants.models import Portal

from .periods import COUNT, Kind, ReportPeriod

FROZEN_MESSAGE = _("Báo cáo đã nộp, không thể sửa hoặc xoá.")
TEXT_FIELDS = (
    "number", "place", "achievements", "difficulties", "proposals", "recipients",
    "signer_name", "signer_title", "submitted_by",
)


class ReportFrozen(ValidationError):
    def __init__(self) -> None:
        super().__init__(FROZEN_MESSAGE, code="frozen")


class PeriodicReport(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp")

    portal = models.ForeignKey(Portal, on_delete=models.CASCADE, related_name="periodic_reports")
    kind = models.CharField(_("loại kỳ"), max_length=10, choices=Kind.choices)
    year = models.PositiveSmallIntegerField(_("năm"))
    part = models.PositiveSmallIntegerField(_("kỳ số"), default=1)
    status = models.CharField(
        _("tình trạng"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    figures = models.JSONField(_("số liệu"), default=dict, blank=True)

    number = models.CharField(_("số báo cáo"), max_length=60, blank=True, help_text=_("Ví dụ: 12/BC-BBT"))
    place = models.CharField(_("địa danh"), max_length=100, blank=True, help_text=_("Ví dụ: Lai Châu"))
    report_date = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    achievements = models.TextField(_("kết quả đạt được"), blank=True)
    difficulties = models.TextField(_("khó khăn, vướng mắc"), blank=True)
    proposals = models.TextField(_("đề xuất, kiến nghị"), blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))
    signer_name = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=150, blank=True)

    created_at = models.DateTimeField(_("ngày tạo"), auto_now_add=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)
    submitted_at = models.DateTimeField(_("nộp lúc"), null=True, blank=True)
    submitted_by = models.CharField(_("người nộp"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("báo cáo định kỳ")
        verbose_name_plural = _("báo cáo định kỳ")
        ordering = ["-year", "kind", "-part", "portal_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["portal", "kind", "year", "part"], name="reports_one_per_portal_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.portal_id}:{self.period.key}"

    def save(self, *args, **kwargs) -> None:
        if self._stored_submitted():
            raise ReportFrozen()
        for name in TEXT_FIELDS:
            setattr(self, name, nfc(getattr(self, name)).strip())
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._stored_submitted():
            raise ReportFrozen()
        return super().delete(*args, **kwargs)

    @property
    def period(self) -> ReportPeriod:
        return ReportPeriod(self.kind, self.year, self.part)

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def recipient_lines(self) -> list[str]:
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]

    def clean(self) -> None:
        super().clean()
        if self.kind in COUNT and not 1 <= self.part <= COUNT[self.kind]:
            raise ValidationError({"part": _("Kỳ báo cáo không hợp lệ.")})

    def _stored_submitted(self) -> bool:
        return bool(self.pk) and PeriodicReport.objects.filter(
            pk=self.pk, status=self.Status.SUBMITTED
        ).exists()

    @transaction.atomic
    def submit(self, by: str, figures: dict | None = None, when: dt.datetime | None = None) -> None:
        """Freeze the report as it is now (its stored figures, or `figures`)."""
        locked = PeriodicReport.objects.select_for_update().get(pk=self.pk)
        if locked.is_submitted:
            raise ReportFrozen()
        if figures is not None:
            self.figures = figures
        self.save()  # the narrative as reviewed, still a draft
        self.status = self.Status.SUBMITTED
        self.submitted_at = when or timezone.now()
        self.submitted_by = nfc(by).strip()
        PeriodicReport.objects.filter(pk=self.pk).update(
            status=self.status, submitted_at=self.submitted_at, submitted_by=self.submitted_by
        )


class ReportReminder(models.Model):
    """A reminder sent before a report's due date: one per portal and period."""

    portal = models.ForeignKey(Portal, on_delete=models.CASCADE, related_name="+")
    period_key = models.CharField(_("kỳ"), max_length=20)
    due_date = models.DateField(_("hạn nộp"))
    sent_on = models.DateField(_("ngày gửi"))
    recipients = models.TextField(_("người nhận"), blank=True)

    class Meta:
        verbose_name = _("thư nhắc nộp báo cáo")
        verbose_name_plural = _("thư nhắc nộp báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["portal", "period_key"], name="reports_one_reminder_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.portal_id}:{self.period_key}"

