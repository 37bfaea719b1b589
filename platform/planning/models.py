"""Section đ (Decree 43 art. 10.đ): strategies, orientations, planning and development plans."""

from __future__ import annotations

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


class PlanningKind(models.TextChoices):
    INVESTMENT_INCENTIVES = "uu-dai-dau-tu", _("Ưu đãi, cơ hội đầu tư")
    INVESTMENT_CALLS = "du-an-keu-goi-dau-tu", _("Dự án kêu gọi đầu tư")
    CONSTRUCTION_URBAN = "quy-hoach-xay-dung-do-thi", _("Quy hoạch xây dựng, đô thị")
    LAND_USE = "quy-hoach-su-dung-dat", _("Quy hoạch, kế hoạch sử dụng đất")
    NATURAL_RESOURCES = "khai-thac-tai-nguyen", _("Quy hoạch khai thác tài nguyên thiên nhiên")
    ENVIRONMENT = "moi-truong", _(
        "Thu gom, xử lý chất thải; nguồn gây ô nhiễm, khu vực ô nhiễm và có nguy cơ sự cố "
        "môi trường"
    )
    STRATEGY = "chien-luoc-ke-hoach", _("Chiến lược, định hướng, kế hoạch phát triển")


class PlanningIndexPage(SectionIndexPage):
    """Chiến lược – Quy hoạch – Kế hoạch, listed by kind (`?loai=`)."""

    subpage_types = ["planning.PlanningItemPage"]

    class Meta:
        verbose_name = _("trang Chiến lược – Quy hoạch – Kế hoạch")
        verbose_name_plural = _("trang Chiến lược – Quy hoạch – Kế hoạch")

    def listing(self, request) -> Listing:
        """The items of the selected kind (`?loai=`, or all), newest first."""
        items = PlanningItemPage.objects.child_of(self).live().public()
        kind = choice_filter(request, "loai", PlanningKind.choices)
        if kind:
            items = items.filter(kind=kind)
        return Listing(
            items.order_by("-approval_date", "-first_published_at"),
            {"kinds": PlanningKind.choices, "kind": kind},
        )

    def feed_item(self, item, request) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=item.summary,
            pubdate=item.first_published_at or item.approval_date,
            categories=(item.get_kind_display(),),
        )


class PlanningItemPage(NFCTextMixin, Page):
    """One strategy, plan or planning decision. Due 10 (Lai Châu: 8) working days after
    approval, so the approval date is stored beside Wagtail's first_published_at."""

    kind = models.CharField(_("loại"), max_length=40, choices=PlanningKind.choices)
    summary = models.TextField(_("trích yếu"), blank=True)
    decision_number = models.CharField(
        _("số quyết định phê duyệt"), max_length=60, blank=True,
        help_text=_("Ví dụ: 1234/QĐ-UBND."),
    )
    approval_date = models.DateField(_("ngày phê duyệt"))
    approving_authority = models.CharField(_("cơ quan phê duyệt"), max_length=200, blank=True)
    body = RichTextField(_("nội dung"), blank=True, features=RICH_TEXT_FEATURES)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("tệp đính kèm"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decision_number"), FieldPanel("approval_date")]),
                FieldPanel("approving_authority"),
            ],
            heading=_("Phê duyệt"),
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("decision_number"),
        index.SearchField("body"),
        index.FilterField("kind"),
        index.FilterField("approval_date"),
    ]

    parent_page_types = ["planning.PlanningIndexPage"]
    subpage_types: list[str] = []

    # Due 10 (Lai Châu: 8) working days after approval (REQUIREMENTS.md §4).
    posting_clock = PostingClock(rule=rules.PLANNING, event="approval_date")

    class Meta:
        verbose_name = _("chiến lược, quy hoạch, kế hoạch")
        verbose_name_plural = _("chiến lược, quy hoạch, kế hoạch")
