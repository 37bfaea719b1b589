"""E-mail subscriptions: who asked for what, and what is waiting for their next digest.

The address is personal data: kept only while the subscription lives (unsubscribing deletes
the row), shown to nobody in bulk (the admin counts per target), erasable and exportable
(`subscriptions.personal_data`).
"""

from __future__ import annotations

import base64
import secrets
import unicodedata

from django.conf import settings
from django.db import models
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

LINK_SALT = "subscriptions.link"


def normalise_email(value: str) -> str:
    """NFC, trimmed, the domain lower-cased (the local part is the mailbox owner's: kept)."""
    value = unicodedata.normalize("NFC", value or "").strip()
    local, at, domain = value.rpartition("@")
    return f"{local}@{domain.lower()}" if at else value


def new_token() -> str:
    return secrets.token_urlsafe(32)


def _link_digest(pk: int, secret: str, key: str | None = None) -> str:
    mac = salted_hmac(
        LINK_SALT, f"{pk}:{secret}", secret=key, algorithm="sha256"
    )
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()


class Subscription(models.Model):
    """One address subscribed to one target (a section, a document type or issuer, a Q&A
    topic). Pending until the link in the confirmation mail is followed."""

    class Kind(models.TextChoices):
        SECTION = "chuyen-muc", _("Chuyên mục")
        DOC_TYPE = "loai-van-ban", _("Loại văn bản")
        ISSUER = "co-quan", _("Cơ quan ban hành")
        TOPIC = "linh-vuc", _("Lĩnh vực hỏi đáp")

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ xác nhận")
        CONFIRMED = "confirmed", _("Đã xác nhận")

    email = models.EmailField(_("thư điện tử"), db_index=True)
    kind = models.CharField(_("loại đăng ký"), max_length=20, choices=Kind.choices)
    target = models.CharField(_("mục đăng ký"), max_length=64)
    language = models.CharField(_("ngôn ngữ"), max_length=8, default="vi")
    # The secret behind the link in every mail (`link_token`), never sent itself: whoever
    # holds the link may confirm or end this subscription, nothing else (it names no other
    # subscription of the address).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    # Made before links were keyed: the mails already sent carry `token` itself, which
    # is still accepted for this row.
    legacy_link = models.BooleanField(default=False, editable=False)
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    created_at = models.DateTimeField(_("thời điểm đăng ký"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("thời điểm xác nhận"), null=True, blank=True)
    last_sent_at = models.DateTimeField(_("lần gửi tin gần nhất"), null=True, blank=True)

    class Meta:
        verbose_name = _("đăng ký nhận tin")
        verbose_name_plural = _("đăng ký nhận tin")
        constraints = [
            models.UniqueConstraint(fields=["email", "kind", "target"], name="subscription_unique_target"),
        ]
        indexes = [models.Index(fields=["kind", "target", "status"], name="subscription_target_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.target}"

    def save(self, *args, **kwargs) -> None:
        self.email = normalise_email(self.email)
        super().save(*args, **kwargs)

    @property
    def link_token(self) -> str:
        """What the links in its mails carry: the row's number and a keyed hash (the
        site's secret key) of its `token`, so the database alone (a copy, a backup) gives
        no one the links."""
        return f"{self.pk}.{_link_digest(self.pk, self.token)}"

    @classmethod
    def by_link(cls, value: str) -> Subscription | None:
        """The subscription a link names in this portal, or None. The keys in
        SECRET_KEY_FALLBACKS are tried too, so links outlive a key rotation."""
        number, dot, digest = (value or "").partition(".")
        if not dot:
            if not value or len(value) > 64:
                return None
            return cls.objects.filter(token=value, legacy_link=True).first()
        if not (number.isascii() and number.isdigit()) or len(number) > 12 or len(digest) != 43:
            return None
        subscription = cls.objects.filter(pk=int(number)).first()
        if subscription is None:
            return None
        for key in (settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS):
            if constant_time_compare(digest, _link_digest(subscription.pk, subscription.token, key)):
                return subscription
        return None


class DigestEntry(models.Model):
    """Something published that a confirmed subscription has not been mailed yet; the next
    digest lists every unsent entry at once and marks them sent."""

    class Source(models.TextChoices):
        PAGE = "page", _("Trang")
        QUESTION = "question", _("Câu hỏi")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="entries")
    source = models.CharField(max_length=10, choices=Source.choices)
    object_id = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    published_at = models.DateTimeField()
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("tin chờ gửi")
        verbose_name_plural = _("tin chờ gửi")
        # An item is mailed once per subscription, however often it is republished.
        constraints = [
            models.UniqueConstraint(fields=["subscription", "source", "object_id"], name="digest_entry_once"),
        ]
        ordering = ["published_at", "pk"]

    def __str__(self) -> str:
        return self.title
