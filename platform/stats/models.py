"""Section n (Decree 43 art. 10.n): statistics — survey results with data, reports,
methodology and analysis."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock
from core.listing import FeedItem, Listing, SectionIndexPage
from core.models import NFCTextMixin
from deadlines import rules
from deadlines.clocks import PostingClock


class StatisticsIndexPage(SectionIndexPage):
    """Thống kê: releases, newest publication decision first."""

    subpage_types = ["portal_statistics.StatisticsReleasePage"]

    class Meta:
        verbose_name = _("trang Thống kê")
        verbose_name_plural = _("trang Thống kê")

    def listing(self, request) -> Listing:
        return Listing(
            StatisticsReleasePage.objects.child_of(self).live().public()
            .order_by("-publication_decision_date", "-first_published_at")
        )

    def feed_item(self, item, request) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=item.summary,
            pubdate=item.first_published_at or item.publication_decision_date,
            categories=(item.subject,),
        )


class StatisticsReleasePage(NFCTextMixin, Page):
    """One survey or statistical release. Due 10 (Lai Châu: 8) working days after its
    publication is decided."""

    summary = models.TextField(_("tóm tắt"), blank=True)
    subject = models.CharField(
        _("lĩnh vực thống kê"), max_length=200, blank=True,
        help_text=_("Ví dụ: Dân số, lao động; Nông nghiệp; Doanh nghiệp."),
    )
    period_start = models.DateField(_("kỳ điều tra từ ngày"))
    period_end = models.DateField(_("kỳ điều tra đến ngày"))
    publication_decision_number = models.CharField(
        _("số quyết định công bố"), max_length=60, blank=True
    )
    publication_decision_date = models.DateField(_("ngày quyết định công bố"))
    data_files = StreamField(AttachmentsBlock(), verbose_name=_("số liệu"), blank=True)
    report = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("báo cáo"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    methodology = RichTextField(_("phương pháp"), blank=True, features=RICH_TEXT_FEATURES)
    analysis = RichTextField(_("phân tích"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("subject"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")],
                      heading=_("Kỳ điều tra")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("publication_decision_number"),
                            FieldPanel("publication_decision_date")])],
            heading=_("Quyết định công bố"),
        ),
        FieldPanel("data_files"),
        FieldPanel("report"),
        FieldPanel("methodology"),
        FieldPanel("analysis"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("subject"),
        index.SearchField("analysis"),
    ]

    parent_page_types = ["portal_statistics.StatisticsIndexPage"]
    subpage_types: list[str] = []

    posting_clock = PostingClock(rule=rules.STATISTICS, event="publication_decision_date")

    class Meta:
        verbose_name = _("kết quả thống kê")
        verbose_name_plural = _("kết quả thống kê")

    def clean(self) -> None:
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("Ngày kết thúc kỳ điều tra phải sau ngày bắt đầu.")}
            )
