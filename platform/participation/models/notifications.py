from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An e-mail to a citizen, kept until it is delivered.

    The row is written in the same transaction as what it reports on; delivery runs after
    commit and only updates the row, so a mail server failure never loses a submission, and
    `manage.py retry_notifications` resends what is still pending or failed.
    """

    class Purpose(models.TextChoices):
        QUESTION = "question", _("Thư cho người hỏi, người góp ý")
        SUBSCRIPTION = "subscription", _("Thư cho người đăng ký nhận tin")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ gửi")
        SENT = "sent", _("Đã gửi")
        FAILED = "failed", _("Gửi lỗi")

    question = models.ForeignKey(
        "participation.Question",
        verbose_name=_("câu hỏi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )
    # Subscribers' mail (subscriptions) goes through this outbox too; the board's list of
    # mails shows only the askers' (an editor never sees the subscribers' addresses in bulk).
    purpose = models.CharField(
        _("loại thư"), max_length=20, choices=Purpose.choices, default=Purpose.QUESTION, db_index=True
    )
    to_email = models.EmailField(_("người nhận"))
    subject = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    # Extra mail headers, e.g. List-Unsubscribe of a subscription's digest (RFC 2369, 8058).
    headers = models.JSONField(_("tiêu đề thư bổ sung"), default=dict, blank=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    last_error = models.TextField(_("lỗi gần nhất"), blank=True)
    created_at = models.DateTimeField(_("thời điểm tạo"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("lần gửi gần nhất"), null=True, blank=True)
    sent_at = models.DateTimeField(_("thời điểm gửi"), null=True, blank=True)

    class Meta:
        verbose_name = _("thư thông báo")
        verbose_name_plural = _("thư thông báo")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to_email}"
