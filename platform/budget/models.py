"""Public budget disclosure (Decree 43 art. 10.5; Law on the State Budget, art. 15): budget
estimates, quarterly execution, final accounts and financial reports."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import AttachmentsBlock
from core.listing import FeedItem, Listing, SectionIndexPage, choice_filter
from core.models import NFCTextMixin


class DisclosureKind(models.TextChoices):
    ESTIMATE = "du-toan", _("Dự toán ngân sách")
    QUARTERLY = "thuc-hien-quy", _("Tình hình thực hiện dự toán quý")
    FINAL_ACCOUNTS = "quyet-toan", _("Quyết toán ngân sách")
    FINANCIAL_REPORT = "bao-cao-tai-chinh", _("Báo cáo tài chính")


class BudgetIndexPage(SectionIndexPage):
    """Công khai ngân sách, filtered by year (`?nam=`) and kind (`?loai=`)."""

    subpage_types = ["budget.BudgetDisclosurePage"]
    per_page = 20

    class Meta:
        verbose_name = _("trang Công khai ngân sách")
        verbose_name_plural = _("trang Công khai ngân sách")

    def listing(self, request) -> Listing:
        """The disclosures of the selected year and kind; the years on offer."""
        disclosures = BudgetDisclosurePage.objects.child_of(self).live().public()
        years = sorted(set(disclosures.values_list("year", flat=True)), reverse=True)
        year = request.GET.get("nam", "")
        year = int(year) if year.isdigit() and int(year) in years else None
        kind = choice_filter(request, "loai", DisclosureKind.choices)
        if year:
            disclosures = disclosures.filter(year=year)
        if kind:
            disclosures = disclosures.filter(disclosure_kind=kind)
        return Listing(
            disclosures.order_by("-year", "-quarter", "-decision_date"),
            {"years": years, "year": year, "kinds": DisclosureKind.choices, "kind": kind},
        )

    def feed_item(self, item, request) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=item.summary,
            pubdate=item.first_published_at or item.decision_date,
            categories=(item.get_disclosure_kind_display(), str(item.year)),
        )


class BudgetDisclosurePage(NFCTextMixin, Page):
    """One disclosure: the decision publishing it and its files."""

    year = models.PositiveSmallIntegerField(
        _("năm ngân sách"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    disclosure_kind = models.CharField(
        _("loại công khai"), max_length=20, choices=DisclosureKind.choices
    )
    quarter = models.PositiveSmallIntegerField(
        _("quý"), null=True, blank=True, choices=[(q, str(q)) for q in range(1, 5)],
        help_text=_("Chỉ dùng cho tình hình thực hiện dự toán quý."),
    )
    decision_number = models.CharField(
        _("số quyết định công bố"), max_length=60, help_text=_("Ví dụ: 215/QĐ-UBND.")
    )
    decision_date = models.DateField(_("ngày quyết định"))
    summary = models.TextField(_("trích yếu"), blank=True)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("biểu mẫu, tệp"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("year"), FieldPanel("disclosure_kind"), FieldPanel("quarter")]),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")])],
            heading=_("Quyết định công bố"),
        ),
        FieldPanel("summary"),
        FieldPanel("attachments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("decision_number"),
        index.FilterField("year"),
    ]

    parent_page_types = ["budget.BudgetIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("công khai ngân sách")
        verbose_name_plural = _("công khai ngân sách")

    def clean(self) -> None:
        super().clean()
        if self.disclosure_kind == DisclosureKind.QUARTERLY and not self.quarter:
            raise ValidationError({"quarter": _("Hãy chọn quý của báo cáo thực hiện dự toán.")})
        if self.disclosure_kind != DisclosureKind.QUARTERLY and self.quarter:
            raise ValidationError(
                {"quarter": _("Chỉ ghi quý cho tình hình thực hiện dự toán quý.")}
            )
