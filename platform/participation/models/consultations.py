"""Public consultation on drafts (lấy ý kiến; Decree 43 art. 10 i)."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.text import nfc


class ConsultationIndexPage(Page):
    """Lấy ý kiến: open consultations first, then the closed ones."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["participation.ConsultationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("chuyên trang lấy ý kiến")
        verbose_name_plural = _("chuyên trang lấy ý kiến")

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        pages = ConsultationPage.objects.child_of(self).live().public().order_by("-opens_at")
        context["open_consultations"] = pages.filter(opens_at__lte=now, closes_at__gt=now)
        context["upcoming_consultations"] = pages.filter(opens_at__gt=now)
        context["closed_consultations"] = pages.filter(closes_at__lte=now)
        return context


class ConsultationPage(RoutablePageMixin, Page):
    """One draft put to public comment: its full text, files, window and receiving unit."""

    summary = models.TextField(_("tóm tắt"), max_length=2000)
    body = RichTextField(_("toàn văn dự thảo"), blank=True)
    opens_at = models.DateTimeField(_("bắt đầu lấy ý kiến"))
    closes_at = models.DateTimeField(_("hết hạn lấy ý kiến"))
    drafting_unit = models.CharField(_("cơ quan chủ trì soạn thảo"), max_length=255, blank=True)
    receiving_unit = models.CharField(_("đơn vị tiếp nhận ý kiến"), max_length=255)
    receiving_address = models.CharField(_("địa chỉ đơn vị tiếp nhận"), max_length=500)
    receiving_email = models.EmailField(_("thư điện tử đơn vị tiếp nhận"))
    receiving_phone = models.CharField(_("điện thoại"), max_length=30, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Tệp dự thảo"), heading=_("Tệp dự thảo")),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [
                FieldPanel("drafting_unit"),
                FieldPanel("receiving_unit"),
                FieldPanel("receiving_address"),
                FieldRowPanel([FieldPanel("receiving_email"), FieldPanel("receiving_phone")]),
            ],
            heading=_("Đơn vị tiếp nhận ý kiến"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
    ]

    parent_page_types = ["participation.ConsultationIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def clean(self) -> None:
        super().clean()
        for name in ("title", "summary", "drafting_unit", "receiving_unit", "receiving_address"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Thời điểm hết hạn phải sau thời điểm bắt đầu lấy ý kiến.")}
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    @property
    def is_closed(self) -> bool:
        return timezone.now() >= self.closes_at

    @property
    def not_yet_open(self) -> bool:
        return timezone.now() < self.opens_at

    def published_comments(self):
        return self.comments.filter(status=ConsultationComment.Status.APPROVED).order_by("submitted_at", "pk")

    @path("")
    def consultation(self, request: HttpRequest) -> HttpResponse:
        from participation.views import public

        return public.consultation(self, request)


class ConsultationFile(Orderable):
    page = ParentalKey(ConsultationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("tên hiển thị"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: “Dự thảo Quyết định”, “Tờ trình”. Để trống thì dùng tên tệp."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp dự thảo")
        verbose_name_plural = _("tệp dự thảo")

    def __str__(self) -> str:
        return self.label or self.document.title


class ConsultationComment(models.Model):
    """A comment on a draft: held until the board approves it; only its text, the part of
    the draft it concerns and its date are shown publicly."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Chờ duyệt")
        APPROVED = "approved", _("Đã duyệt, công khai")
        REJECTED = "rejected", _("Không đăng")

    class CommenterType(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        ORGANISATION = "organisation", _("Tổ chức")

    PERSONAL_FIELDS = ("full_name", "organisation_name", "address", "email", "phone", "submitter_ip")

    page = models.ForeignKey(
        ConsultationPage,
        verbose_name=_("dự thảo"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    commenter_type = models.CharField(
        _("người góp ý là"),
        max_length=20,
        choices=CommenterType.choices,
        default=CommenterType.INDIVIDUAL,
    )
    full_name = models.CharField(_("họ và tên"), max_length=255, blank=True)
    organisation_name = models.CharField(_("tên tổ chức"), max_length=255, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    submitter_ip = models.GenericIPAddressField(_("địa chỉ IP gửi"), null=True, blank=True)
    section = models.CharField(
        _("góp ý cho phần"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Điều 5, khoản 2."),
    )
    body = models.TextField(_("nội dung góp ý"), max_length=10000)
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True)
    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("ý kiến góp ý")
        verbose_name_plural = _("ý kiến góp ý")
        ordering = ["-submitted_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.page.title} – {self.submitted_at:%d/%m/%Y %H:%M}"

    def save(self, *args, **kwargs) -> None:
        for name in ("full_name", "organisation_name", "address", "phone", "section", "body"):
            setattr(self, name, nfc(getattr(self, name)).strip())
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    @property
    def commenter_label(self) -> str:
        if self.personal_data_erased_at:
            return str(_("(đã xóa dữ liệu cá nhân)"))
        if self.commenter_type == self.CommenterType.ORGANISATION and self.organisation_name:
            return f"{self.organisation_name} ({self.full_name})"
        return self.full_name
