"""Section m (Decree 43 art. 10.m): science and technology programmes and projects."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock
from core.listing import FeedItem, Listing, SectionIndexPage, choice_filter
from core.models import NFCTextMixin
from deadlines import rules
from deadlines.clocks import PostingClock


class ManagementLevel(models.TextChoices):
    STATE = "nha-nuoc", _("Cấp nhà nước")
    MINISTRY = "bo", _("Cấp bộ")
    PROVINCE = "tinh", _("Cấp tỉnh")
    BASE = "co-so", _("Cấp cơ sở")


class ScienceField(models.TextChoices):
    """The six fields of the national classification of science and technology."""

    NATURAL = "tu-nhien", _("Khoa học tự nhiên")
    ENGINEERING = "ky-thuat-cong-nghe", _("Khoa học kỹ thuật và công nghệ")
    MEDICAL = "y-duoc", _("Khoa học y, dược")
    AGRICULTURAL = "nong-nghiep", _("Khoa học nông nghiệp")
    SOCIAL = "xa-hoi", _("Khoa học xã hội")
    HUMANITIES = "nhan-van", _("Khoa học nhân văn")


class ScienceIndexPage(SectionIndexPage):
    """Khoa học – Công nghệ, filtered by management level (`?cap=`)."""

    subpage_types = ["science.ScienceProgrammePage"]

    class Meta:
        verbose_name = _("trang Khoa học – Công nghệ")
        verbose_name_plural = _("trang Khoa học – Công nghệ")

    def listing(self, request) -> Listing:
        """The programmes of the selected management level (`?cap=`, or all)."""
        programmes = ScienceProgrammePage.objects.child_of(self).live().public()
        level = choice_filter(request, "cap", ManagementLevel.choices)
        if level:
            programmes = programmes.filter(management_level=level)
        return Listing(
            programmes.order_by("-approval_date", "code"),
            {"levels": ManagementLevel.choices, "level": level},
        )

    def feed_item(self, item, request) -> FeedItem:
        title = f"{item.code} – {item.title}" if item.code else item.title
        return FeedItem(
            title=title, link=item.get_full_url(request), description=item.summary,
            pubdate=item.first_published_at or item.approval_date,
            categories=(item.get_management_level_display(), item.get_field_display()),
        )


class ScienceProgrammePage(NFCTextMixin, Page):
    """A programme, project or task. Due 20 (Lai Châu: 18) working days after approval or,
    once accepted, after acceptance."""

    code = models.CharField(_("mã số"), max_length=60, blank=True)
    management_level = models.CharField(
        _("cấp quản lý"), max_length=20, choices=ManagementLevel.choices
    )
    field = models.CharField(_("lĩnh vực"), max_length=30, choices=ScienceField.choices)
    host_unit = models.CharField(_("tổ chức chủ trì"), max_length=255)
    principal_investigator = models.CharField(_("chủ nhiệm"), max_length=255, blank=True)
    start_date = models.DateField(_("thời gian bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("thời gian kết thúc"), null=True, blank=True)
    summary = models.TextField(_("mục tiêu, nội dung chính"), blank=True)
    approval_decision = models.CharField(
        _("số quyết định phê duyệt"), max_length=60, blank=True
    )
    approval_date = models.DateField(_("ngày phê duyệt"))
    acceptance_date = models.DateField(_("ngày nghiệm thu"), null=True, blank=True)
    results = RichTextField(
        _("kết quả sau nghiệm thu"), blank=True, features=RICH_TEXT_FEATURES,
        help_text=_("Kết quả thực hiện được công bố sau khi nghiệm thu."),
    )
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("tệp đính kèm"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("management_level")]),
        FieldPanel("field"),
        FieldRowPanel([FieldPanel("host_unit"), FieldPanel("principal_investigator")]),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")],
                      heading=_("Thời gian thực hiện")),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("approval_decision"), FieldPanel("approval_date")]),
                FieldPanel("acceptance_date"),
                FieldPanel("results"),
            ],
            heading=_("Phê duyệt và nghiệm thu"),
        ),
        FieldPanel("attachments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code"),
        index.SearchField("host_unit"),
        index.SearchField("summary"),
        index.SearchField("results"),
        index.FilterField("management_level"),
    ]

    parent_page_types = ["science.ScienceIndexPage"]
    subpage_types: list[str] = []

    # Acceptance restarts the clock: the results must then be published.
    posting_clock = PostingClock(rule=rules.SCIENCE, event=("acceptance_date", "approval_date"))

    class Meta:
        verbose_name = _("chương trình, đề tài khoa học và công nghệ")
        verbose_name_plural = _("chương trình, đề tài khoa học và công nghệ")

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("Thời gian kết thúc phải sau thời gian bắt đầu.")
        accepted, approved = self.acceptance_date, self.approval_date
        if accepted and approved and accepted < approved:
            errors["acceptance_date"] = _("Ngày nghiệm thu phải sau ngày phê duyệt.")
        if errors:
            raise ValidationError(errors)
