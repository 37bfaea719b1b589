"""Questions and petitions from citizens and organisations (REQUIREMENTS.md §5, §3 i)."""

from __future__ import annotations

import datetime as dt
import secrets

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models import Label
from core.text import nfc
from core.views import PRIVATE_MEDIA_PREFIX

# Unambiguous characters only (no 0/O, 1/I/L): citizens copy the code by hand.
TRACKING_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
TRACKING_LENGTH = 10


def new_tracking_code() -> str:
    """A random code (about 50 bits): knowing one code tells nothing about another."""
    return "".join(secrets.choice(TRACKING_ALPHABET) for _i in range(TRACKING_LENGTH))


def attachment_path(instance: Question, filename: str) -> str:
    # Under private/: the public media server refuses that folder, so the asker's file is
    # only downloadable through the board's admin view (and the random name keeps any
    # name in the original file name out of logs and links).
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{PRIVATE_MEDIA_PREFIX}hoi-dap/{timezone.localdate():%Y}/{secrets.token_urlsafe(24)}.{extension}"


@register_setting(icon="help")
class ParticipationSettings(BaseSiteSetting):
    """The portal's own rules for questions (limits differ by province)."""

    answer_days = models.PositiveSmallIntegerField(
        _("thời hạn trả lời (ngày làm việc)"),
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(90)],
        help_text=_("Lai Châu: 15 ngày làm việc kể từ khi nhận câu hỏi."),
    )
    due_soon_days = models.PositiveSmallIntegerField(
        _("cảnh báo sắp đến hạn trước (ngày làm việc)"),
        default=3,
        validators=[MaxValueValidator(30)],
    )
    submissions_per_hour = models.PositiveSmallIntegerField(
        _("số lần gửi tối đa mỗi giờ từ một địa chỉ IP"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
    )
    board_email = models.EmailField(
        _("hộp thư Ban Biên tập"),
        blank=True,
        help_text=_("Nhận thông báo khi có câu hỏi mới. Để trống nếu không cần."),
    )

    panels = [
        FieldPanel("answer_days"),
        FieldPanel("due_soon_days"),
        FieldPanel("submissions_per_hour"),
        FieldPanel("board_email"),
    ]

    class Meta:
        verbose_name = _("thiết lập Hỏi – Đáp")

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from deadlines import rules

        super().clean()
        province = rules.province_limits()[rules.QUESTIONS]
        if self.answer_days and self.answer_days > province:
            raise ValidationError({"answer_days": _(
                "Quy định của tỉnh là %(days)d ngày làm việc: cổng chỉ được rút ngắn thời hạn."
            ) % {"days": province}})


class QuestionTopic(Label):
    """Lĩnh vực hỏi đáp, e.g. “Đất đai”, “Thủ tục hành chính”, “Đầu tư”."""

    class Meta(Label.Meta):
        verbose_name = _("lĩnh vực hỏi đáp")
        verbose_name_plural = _("lĩnh vực hỏi đáp")


class QuestionIndexPage(RoutablePageMixin, Page):
    """Hỏi – Đáp: the published answers, the form, and the status lookup."""

    intro = RichTextField(_("giới thiệu"), blank=True, features=["bold", "italic", "link"])
    rules = RichTextField(
        _("quy định tiếp nhận"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("Hiển thị trên trang gửi câu hỏi."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("rules")]

    def completeness_content(self) -> tuple[int, dt.datetime | None]:
        """The section's content is its published answers (not child pages)."""
        published = Question.objects.published()
        latest = published.aggregate(latest=models.Max("published_at"))["latest"]
        return published.count(), latest

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("chuyên trang Hỏi – Đáp")
        verbose_name_plural = _("chuyên trang Hỏi – Đáp")

    @path("")
    def listing(self, request: HttpRequest) -> HttpResponse:
        from participation.views import public

        return public.question_list(self, request)

    @path("gui-cau-hoi/")
    def ask(self, request: HttpRequest) -> HttpResponse:
        from participation.views import public

        return public.question_form(self, request, Question.Kind.QUESTION)

    @path("phan-anh-kien-nghi/")
    def petition(self, request: HttpRequest) -> HttpResponse:
        from participation.views import public

        return public.question_form(self, request, Question.Kind.PETITION)

    @path("tra-cuu/")
    def lookup(self, request: HttpRequest) -> HttpResponse:
        from participation.views import public

        return public.question_lookup(self, request)

    @path("<int:question_id>/")
    def detail(self, request: HttpRequest, question_id: int) -> HttpResponse:
        from participation.views import public

        return public.question_detail(self, request, question_id)


class QuestionQuerySet(models.QuerySet):
    def published(self) -> QuestionQuerySet:
        return self.filter(status=Question.Status.PUBLISHED, is_public=True)

    def open(self) -> QuestionQuerySet:
        return self.filter(status__in=Question.OPEN_STATUSES)

    def overdue(self, now: dt.datetime | None = None) -> QuestionQuerySet:
        return self.open().filter(deadline__lt=now or timezone.now())


class Question(models.Model):
    """A question (or a petition about administrative regulations) and its handling.

    The asker's identity (PERSONAL_FIELDS) is for the board only: public pages show the
    published wording, the topic, the dates and the answer.
    """

    class Kind(models.TextChoices):
        QUESTION = "question", _("Câu hỏi")
        PETITION = "petition", _("Phản ánh, kiến nghị")

    class AskerType(models.TextChoices):
        INDIVIDUAL = "individual", _("Cá nhân")
        ORGANISATION = "organisation", _("Tổ chức")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Mới tiếp nhận")
        CLASSIFIED = "classified", _("Đã phân loại")
        ASSIGNED = "assigned", _("Đã giao xử lý")
        ANSWERED = "answered", _("Chờ lãnh đạo duyệt")
        APPROVED = "approved", _("Đã duyệt, đã trả lời")
        PUBLISHED = "published", _("Đã trả lời, đăng công khai")
        REFUSED = "refused", _("Từ chối tiếp nhận")
        FORWARDED = "forwarded", _("Đã chuyển cổng thành viên")

    class RefusalReason(models.TextChoices):
        OUT_OF_SCOPE = "out_of_scope", _("Không thuộc phạm vi tiếp nhận của chuyên mục Hỏi – Đáp")
        COMPLAINT = "complaint", _("Là đơn khiếu nại: chuyên mục không tiếp nhận khiếu nại")
        DENUNCIATION = "denunciation", _("Là đơn tố cáo: chuyên mục không tiếp nhận tố cáo")
        INCOMPLETE = "incomplete", _("Thiếu thông tin bắt buộc về người hỏi")
        OTHER = "other", _("Lý do khác")

    OPEN_STATUSES = (Status.RECEIVED, Status.CLASSIFIED, Status.ASSIGNED, Status.ANSWERED)
    # Erased on request (retention); everything else stays for reports.
    PERSONAL_FIELDS = (
        "full_name",
        "position",
        "organisation_name",
        "licence_number",
        "address",
        "phone",
        "email",
        "submitter_ip",
    )

    kind = models.CharField(
        _("loại"), max_length=20, choices=Kind.choices, default=Kind.QUESTION, db_index=True
    )
    asker_type = models.CharField(
        _("người hỏi là"), max_length=20, choices=AskerType.choices, default=AskerType.INDIVIDUAL
    )
    full_name = models.CharField(
        _("họ và tên"),
        max_length=255,
        blank=True,
        help_text=_("Cá nhân: họ và tên; tổ chức: họ và tên người đại diện."),
    )
    position = models.CharField(_("chức vụ người đại diện"), max_length=255, blank=True)
    organisation_name = models.CharField(_("tên tổ chức"), max_length=255, blank=True)
    licence_number = models.CharField(_("số quyết định thành lập / giấy phép"), max_length=120, blank=True)
    address = models.CharField(
        _("địa chỉ"),
        max_length=500,
        blank=True,
        help_text=_("Tổ chức: địa chỉ trụ sở."),
    )
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    submitter_ip = models.GenericIPAddressField(_("địa chỉ IP gửi"), null=True, blank=True)

    topic = models.ForeignKey(
        QuestionTopic,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="questions",
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), max_length=10000)
    attachment = models.FileField(_("tệp đính kèm"), upload_to=attachment_path, blank=True, max_length=255)
    attachment_name = models.CharField(_("tên tệp gốc"), max_length=255, blank=True)

    tracking_code = models.CharField(_("mã tra cứu"), max_length=16, unique=True, editable=False)
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), default=timezone.now, db_index=True)
    deadline = models.DateTimeField(_("hạn trả lời"), null=True, blank=True, db_index=True)
    status = models.CharField(
        _("trạng thái"),
        max_length=20,
        choices=Status.choices,
        default=Status.RECEIVED,
        db_index=True,
    )

    assigned_unit = models.CharField(_("đơn vị xử lý"), max_length=255, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("cán bộ xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    refusal_reason = models.CharField(
        _("lý do từ chối"), max_length=20, choices=RefusalReason.choices, blank=True
    )
    refusal_note = models.TextField(_("giải thích thêm"), blank=True)

    public_title = models.CharField(
        _("tiêu đề đăng công khai"),
        max_length=255,
        blank=True,
        help_text=_("Để trống thì dùng tiêu đề người hỏi gửi. Bỏ mọi thông tin cá nhân."),
    )
    public_body = models.TextField(
        _("nội dung câu hỏi đăng công khai"),
        blank=True,
        help_text=_("Để trống thì dùng nguyên văn câu hỏi. Bỏ mọi thông tin cá nhân."),
    )
    answer = models.TextField(_("nội dung trả lời"), blank=True)
    answered_by_unit = models.CharField(_("đơn vị trả lời"), max_length=255, blank=True)
    answerer_name = models.CharField(_("người trả lời"), max_length=255, blank=True)
    answerer_title = models.CharField(
        _("chức vụ người trả lời"),
        max_length=255,
        blank=True,
        help_text=_("Người trả lời là lãnh đạo đơn vị."),
    )
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    cited_documents = models.ManyToManyField(
        "legaldocs.LegalDocumentPage",
        verbose_name=_("văn bản được viện dẫn"),
        blank=True,
        related_name="+",
    )
    citation_notes = models.TextField(
        _("văn bản khác được viện dẫn"),
        blank=True,
        help_text=_("Mỗi dòng một văn bản: số ký hiệu, trích yếu, ngày ban hành, cơ quan ban hành."),
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lãnh đạo duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("thời điểm duyệt"), null=True, blank=True)
    is_public = models.BooleanField(_("đăng công khai"), default=False)
    published_at = models.DateTimeField(_("thời điểm đăng"), null=True, blank=True)

    # A copy forwarded from the province portal remembers where it came from, and the
    # original remembers where it went, so the member's answer can be written back.
    origin_schema = models.CharField(_("cổng chuyển đến"), max_length=63, blank=True)
    origin_id = models.BigIntegerField(_("mã câu hỏi gốc"), null=True, blank=True)
    origin_portal_name = models.CharField(_("tên cổng chuyển đến"), max_length=255, blank=True)
    forwarded_schema = models.CharField(_("chuyển tới cổng"), max_length=63, blank=True)
    forwarded_id = models.BigIntegerField(_("mã câu hỏi ở cổng nhận"), null=True, blank=True)
    forwarded_portal_name = models.CharField(_("tên cổng nhận"), max_length=255, blank=True)

    personal_data_erased_at = models.DateTimeField(_("đã xóa dữ liệu cá nhân lúc"), null=True, blank=True)
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("câu hỏi, phản ánh")
        verbose_name_plural = _("câu hỏi, phản ánh")
        ordering = ["-received_at", "-pk"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.tracking_code} – {self.title}"

    def save(self, *args, **kwargs) -> None:
        if not self.tracking_code:
            self.tracking_code = new_tracking_code()
            while Question.objects.filter(tracking_code=self.tracking_code).exists():
                self.tracking_code = new_tracking_code()
        for name in (
            "full_name",
            "position",
            "organisation_name",
            "licence_number",
            "address",
            "phone",
            "title",
            "body",
            "refusal_note",
            "public_title",
            "public_body",
            "answer",
            "answered_by_unit",
            "answerer_name",
            "answerer_title",
            "citation_notes",
            "assigned_unit",
        ):
            setattr(self, name, nfc(getattr(self, name)).strip())
        self.email = (self.email or "").strip().lower()
        super().save(*args, **kwargs)

    # --- What may be shown ------------------------------------------------------------------

    @property
    def display_title(self) -> str:
        return self.public_title or self.title

    @property
    def display_body(self) -> str:
        return self.public_body or self.body

    @property
    def asker_label(self) -> str:
        """Who asked, for the board: never rendered on public pages."""
        if self.personal_data_erased_at:
            return str(_("(đã xóa dữ liệu cá nhân)"))
        if self.asker_type == self.AskerType.ORGANISATION:
            return f"{self.organisation_name} ({self.full_name})"
        return self.full_name

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < timezone.now()

    def citation_lines(self) -> list[str]:
        """The legal documents the answer relies on: number, summary, date, issuer."""
        lines = []
        for doc in self.cited_documents.select_related("issuer").order_by("issue_date", "pk"):
            parts = [doc.display_name, doc.summary]
            if doc.issue_date:
                parts.append(f"ngày {doc.issue_date:%d/%m/%Y}")
            if doc.issuer_id:
                parts.append(doc.issuer.name)
            lines.append(" – ".join(p for p in parts if p))
        lines += [line.strip() for line in self.citation_notes.splitlines() if line.strip()]
        return lines


class QuestionEvent(models.Model):
    """The question's history: every step, who took it and what the asker was told."""

    class Action(models.TextChoices):
        RECEIVED = "received", _("Tiếp nhận")
        CLASSIFIED = "classified", _("Phân loại")
        ASSIGNED = "assigned", _("Giao xử lý")
        PROGRESS = "progress", _("Thông báo tiến độ")
        ANSWERED = "answered", _("Soạn trả lời")
        RETURNED = "returned", _("Trả lại để sửa")
        APPROVED = "approved", _("Lãnh đạo duyệt")
        PUBLISHED = "published", _("Đăng công khai")
        UNPUBLISHED = "unpublished", _("Gỡ khỏi trang công khai")
        REFUSED = "refused", _("Từ chối tiếp nhận")
        FORWARDED = "forwarded", _("Chuyển cổng thành viên")
        MEMBER_ANSWER = "member_answer", _("Nhận trả lời từ cổng thành viên")
        EXPORTED = "exported", _("Xuất dữ liệu cá nhân")
        ERASED = "erased", _("Xóa dữ liệu cá nhân")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("bước"), max_length=20, choices=Action.choices)
    actor = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    new_deadline = models.DateTimeField(_("hạn mới"), null=True, blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("diễn biến xử lý")
        verbose_name_plural = _("diễn biến xử lý")
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.at:%d/%m/%Y %H:%M}"
