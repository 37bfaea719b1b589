"""Public-schema tables of the deadlines app (a shared app; see deadlines/__init__.py)."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Portal


class PostingRule(models.Model):
    """One limit of the province's regulation (`deadlines.rules.RULES` names them), as the
    province board keeps it in the console."""

    key = models.CharField(_("quy định"), max_length=40, unique=True)
    days = models.PositiveSmallIntegerField(
        _("thời hạn (ngày)"), validators=[MinValueValidator(1), MaxValueValidator(365)]
    )
    updated_by = models.CharField(_("người cập nhật"), max_length=150, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("thời hạn cung cấp thông tin")
        verbose_name_plural = _("thời hạn cung cấp thông tin")
        ordering = ["key"]

    def __str__(self) -> str:
        return f"{self.key}: {self.days}"


class ClockRecord(models.Model):
    """One clock of one portal, kept here so the province's league table is one query.

    Written when the item is saved, published, unpublished or deleted in its portal (and
    again by the daily job): a mandated page, an obligation registered from a province
    document, a citizen's question, or a "kept current" section (its `due_date` is when it
    becomes stale). `posted_on` is the first publication (for a question: the approved
    answer); `late_days` the working days it was late when posted. Whether an unposted item
    is overdue depends on today, so it is decided when reading (`due_date < today`).
    """

    class Kind(models.TextChoices):
        PAGE = "page", _("Tin bài")
        OBLIGATION = "obligation", _("Văn bản tỉnh phải đăng")
        QUESTION = "question", _("Câu hỏi")
        SECTION = "section", _("Chuyên mục cập nhật thường xuyên")

    portal = models.ForeignKey(Portal, on_delete=models.CASCADE, related_name="clock_records")
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    object_id = models.BigIntegerField(_("mã trong cổng"))
    rule = models.CharField(_("quy định"), max_length=40)
    title = models.CharField(_("tiêu đề"), max_length=255)
    event_date = models.DateField(_("ngày phát sinh"))
    due_date = models.DateField(_("hạn"))
    posted_on = models.DateField(_("ngày đăng"), null=True, blank=True)
    late_days = models.PositiveSmallIntegerField(_("số ngày làm việc trễ"), default=0)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("theo dõi thời hạn")
        verbose_name_plural = _("theo dõi thời hạn")
        constraints = [
            models.UniqueConstraint(
                fields=["portal", "kind", "object_id"], name="deadlines_one_clock_per_object"
            )
        ]
        indexes = [models.Index(fields=["portal", "due_date"])]

    def __str__(self) -> str:
        return f"{self.portal_id}:{self.kind}:{self.object_id} {self.title}"
