"""Online public services (REQUIREMENTS.md §6; Kiên Giang art. 17–18; MIC 146).

The catalogue of administrative procedures a portal's agency handles, by sector (ngành) and
field (lĩnh vực): each service's online level, usage guide and, for the services done online,
the dossier statistics the law asks for; links to the national public service portal; and
the unit's yearly roadmap of services to bring online.

Services foreigners can use must also be in English (Decree 43 art. 13): they carry
`for_foreigners`, and `PublicServicePage.objects.live().for_foreigners()` lists them.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.listing import FeedItem, Listing, SectionIndexPage
from core.models import Label, NFCTextMixin
from core.text import in_active_language
from search.facets import ChoiceFacet, RelatedFacet

from .blocks import GuideBlock

NATIONAL_PORTAL_URL = "https://dichvucong.gov.vn"

# Mã thủ tục in the national database of administrative procedures: 1.001193, 2.000889, or
# the long form some provincial systems print, 1.001193.000.00.00.H34.
validate_procedure_code = RegexValidator(
    r"^\d\.\d{6}(?:\.[0-9A-Z]+)*$",
    _(
        "Mã thủ tục không hợp lệ; viết theo dạng “1.001193” như trên Cơ sở dữ liệu quốc gia "
        "về thủ tục hành chính."
    ),
)


class ServiceLevel(models.TextChoices):
    """Mức độ: Decree 42/2022 has two online levels; services recorded under Decree 43/2011
    keep their level 1–4 until they are reassessed."""

    FULL = "toan-trinh", _("Toàn trình")
    PARTIAL = "mot-phan", _("Một phần")
    LEVEL_4 = "muc-4", _("Mức độ 4")
    LEVEL_3 = "muc-3", _("Mức độ 3")
    LEVEL_2 = "muc-2", _("Mức độ 2")
    LEVEL_1 = "muc-1", _("Mức độ 1")


DECREE_42 = _("Nghị định 42/2022/NĐ-CP")
DECREE_43 = _("Nghị định 43/2011/NĐ-CP")
LEVEL_DECREES = {
    ServiceLevel.FULL: DECREE_42,
    ServiceLevel.PARTIAL: DECREE_42,
    ServiceLevel.LEVEL_4: DECREE_43,
    ServiceLevel.LEVEL_3: DECREE_43,
    ServiceLevel.LEVEL_2: DECREE_43,
    ServiceLevel.LEVEL_1: DECREE_43,
}
# Grouped by decree, so the admin and the public filter show which law a level comes from.
LEVEL_CHOICES = [
    (DECREE_42, [(level.value, level.label) for level in (ServiceLevel.FULL, ServiceLevel.PARTIAL)]),
    (
        DECREE_43,
        [
            (level.value, level.label)
            for level in (
                ServiceLevel.LEVEL_4,
                ServiceLevel.LEVEL_3,
                ServiceLevel.LEVEL_2,
                ServiceLevel.LEVEL_1,
            )
        ],
    ),
]
# Dossiers are received online from level 3 (Decree 43) or at either Decree 42 level: these
# services publish usage and processing figures (Kiên Giang art. 18).
STATISTICS_LEVELS = frozenset(
    {ServiceLevel.FULL, ServiceLevel.PARTIAL, ServiceLevel.LEVEL_4, ServiceLevel.LEVEL_3}
)


class ReportPeriod(models.TextChoices):
    """Reporting periods of the provincial regulations: quarterly (Lai Châu), every six
    months and yearly (Kiên Giang)."""

    Q1 = "quy-1", _("Quý I")
    Q2 = "quy-2", _("Quý II")
    Q3 = "quy-3", _("Quý III")
    Q4 = "quy-4", _("Quý IV")
    H1 = "6-thang-dau", _("6 tháng đầu năm")
    H2 = "6-thang-cuoi", _("6 tháng cuối năm")
    YEAR = "ca-nam", _("Cả năm")


# (last month, months covered) of each period, to list the newest figures first.
PERIOD_SPANS = {
    ReportPeriod.Q1: (3, 3),
    ReportPeriod.Q2: (6, 3),
    ReportPeriod.Q3: (9, 3),
    ReportPeriod.Q4: (12, 3),
    ReportPeriod.H1: (6, 6),
    ReportPeriod.H2: (12, 6),
    ReportPeriod.YEAR: (12, 12),
}


# --- Labels --------------------------------------------------------------------------------


class _Label(Label):
    """A label with its English name: the services foreigners can use are required in
    English, and show their sector and field there."""

    name_en = models.CharField(_("tên tiếng Anh"), max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]

    class Meta(Label.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        """The name in the language of the page being shown."""
        return in_active_language(self, "name")


class ServiceSector(_Label):
    """Ngành, e.g. “Tư pháp”, “Công an”, “Khoa học và Công nghệ”."""

    class Meta(_Label.Meta):
        verbose_name = _("ngành")
        verbose_name_plural = _("ngành")


class ServiceField(_Label):
    """Lĩnh vực within a sector, e.g. “Hộ tịch” and “Chứng thực” of “Tư pháp”."""

    sector = models.ForeignKey(
        ServiceSector,
        verbose_name=_("thuộc ngành"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="fields",
    )

    panels = [
        FieldPanel("name"), FieldPanel("name_en"), FieldPanel("sector"), FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]

    class Meta(_Label.Meta):
        verbose_name = _("lĩnh vực thủ tục hành chính")
        verbose_name_plural = _("lĩnh vực thủ tục hành chính")


# --- The catalogue -------------------------------------------------------------------------


class PublicServiceIndexPage(SectionIndexPage):
    """Dịch vụ công trực tuyến: the catalogue, filtered by sector, field, level and name, with
    the links to where services are done and the yearly roadmap."""

    province_portal_name = models.CharField(
        _("tên cổng dịch vụ công của tỉnh"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lai Châu."),
    )
    province_portal_url = models.URLField(
        _("địa chỉ cổng dịch vụ công của tỉnh"),
        max_length=500,
        blank=True,
        help_text=_("Để trống nếu tỉnh không có cổng riêng; Cổng Dịch vụ công quốc gia luôn được liên kết."),
    )

    content_panels = SectionIndexPage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("province_portal_name"), FieldPanel("province_portal_url")],
            heading=_("Cổng dịch vụ công của tỉnh"),
        ),
        InlinePanel(
            "roadmap", label=_("Lộ trình năm"), heading=_("Lộ trình cung cấp dịch vụ công trực tuyến")
        ),
    ]

    subpage_types = ["services.PublicServicePage"]
    per_page = 20

    class Meta:
        verbose_name = _("trang Dịch vụ công trực tuyến")
        verbose_name_plural = _("trang Dịch vụ công trực tuyến")

    def services(self) -> PublicServiceQuerySet:
        """The live, public services of this catalogue, grouped by sector and field."""
        return (
            PublicServicePage.objects.child_of(self)
            .live()
            .public()
            .select_related("sector", "field")
            .order_by(
                F("sector__sort_order").asc(nulls_last=True),
                "sector__name",
                F("field__sort_order").asc(nulls_last=True),
                "field__name",
                "title",
            )
        )

    def services_for_foreigners(self) -> PublicServiceQuerySet:
        """The services to provide in English too (Decree 43 art. 13)."""
        return self.services().for_foreigners()

    def roadmap_by_year(self) -> list[ServiceRoadmap]:
        return sorted(self.roadmap.all(), key=lambda item: item.year, reverse=True)

    def listing(self, request: HttpRequest) -> Listing:
        from search.aggregation import SCOPE_PARAM, SCOPE_PROVINCE, can_aggregate, province_scope

        from .forms import PublicServiceFilterForm

        form = PublicServiceFilterForm(request.GET or None)
        context = {
            "form": form,
            "filtering": form.has_filters(),
            "national_portal_url": NATIONAL_PORTAL_URL,
            # The province's catalogue also lists its members' services (`?pham-vi=tinh`).
            "can_aggregate": can_aggregate(request),
            "scope_param": SCOPE_PARAM,
            "scope_province": SCOPE_PROVINCE,
        }
        if province_scope(request):
            return Listing(form.province_items(request), {**context, "province_wide": True})
        return Listing(form.apply(self.services()), context)

    def feed_items(self, request: HttpRequest) -> PublicServiceQuerySet:
        # This portal's own services whatever the scope asked; newest changes first: a feed
        # reader should see a service whose guide changed.
        from .forms import PublicServiceFilterForm

        services = PublicServiceFilterForm(request.GET or None).apply(self.services())
        return services.order_by("-last_published_at", "-pk")

    def feed_item(self, item, request) -> FeedItem:
        return FeedItem(
            title=f"{item.code} – {item.title}" if item.code else item.title,
            link=item.get_full_url(request),
            description=item.summary,
            pubdate=item.last_published_at,
            categories=(item.field.name if item.field else "", str(item.get_level_display())),
        )


class ServiceRoadmap(NFCTextMixin, Orderable):
    """One year of the unit's roadmap (units report it yearly, Kiên Giang art. 18)."""

    page = ParentalKey(PublicServiceIndexPage, on_delete=models.CASCADE, related_name="roadmap")
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2011), MaxValueValidator(2100)]
    )
    plan_document = models.CharField(
        _("văn bản kế hoạch"),
        max_length=120,
        blank=True,
        help_text=_("Số ký hiệu của kế hoạch, ví dụ 125/KH-UBND."),
    )
    planned_services = models.TextField(
        _("dịch vụ dự kiến cung cấp trực tuyến"),
        help_text=_("Mỗi dòng một dịch vụ, có thể ghi kèm mức độ dự kiến."),
    )
    note = models.TextField(_("ghi chú"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("plan_document")]),
        FieldPanel("planned_services"),
        FieldPanel("note"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("lộ trình năm")
        verbose_name_plural = _("lộ trình cung cấp dịch vụ công trực tuyến")
        constraints = [
            models.UniqueConstraint(fields=["page", "year"], name="services_roadmap_one_per_year"),
        ]

    def __str__(self) -> str:
        return str(self.year)

    def planned_list(self) -> list[str]:
        return [line.strip() for line in self.planned_services.splitlines() if line.strip()]


class PublicServiceQuerySet(PageQuerySet):
    def for_foreigners(self) -> PublicServiceQuerySet:
        """Services foreigners can use: the law wants them in English too."""
        return self.filter(for_foreigners=True)


PublicServicePageManager = PageManager.from_queryset(PublicServiceQuerySet)


class PublicServicePage(NFCTextMixin, Page):
    """One administrative procedure and how to do it online."""

    code = models.CharField(
        _("mã thủ tục"),
        max_length=40,
        blank=True,
        db_index=True,
        validators=[validate_procedure_code],
        help_text=_("Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193."),
    )
    sector = models.ForeignKey(
        ServiceSector,
        verbose_name=_("ngành"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
        help_text=_("Để trống thì lấy theo ngành của lĩnh vực."),
    )
    field = models.ForeignKey(
        ServiceField,
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="services",
    )
    agency = models.CharField(
        _("cơ quan thực hiện"),
        max_length=255,
        help_text=_("Ví dụ: Sở Nội vụ; Ủy ban nhân dân cấp xã."),
    )
    level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=20,
        choices=LEVEL_CHOICES,
        db_index=True,
        help_text=_(
            "Toàn trình hoặc một phần theo Nghị định 42/2022/NĐ-CP; mức độ 1–4 theo "
            "Nghị định 43/2011/NĐ-CP đối với dịch vụ chưa được đánh giá lại."
        ),
    )
    for_foreigners = models.BooleanField(
        _("dịch vụ dành cho người nước ngoài sử dụng được"),
        default=False,
        db_index=True,
        help_text=_(
            "Dịch vụ người nước ngoài sử dụng được phải có bản tiếng Anh (Nghị định 43/2011/NĐ-CP, điều 13)."
        ),
    )
    online_url = models.URLField(
        _("địa chỉ thực hiện trực tuyến"),
        max_length=500,
        blank=True,
        help_text=_("Đường dẫn tới dịch vụ trên Cổng Dịch vụ công quốc gia hoặc cổng dịch vụ công của tỉnh."),
    )
    processing_time = models.CharField(
        _("thời hạn giải quyết"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ."),
    )
    fees = models.CharField(
        _("phí, lệ phí"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Không; 600.000 đồng/giấy phép."),
    )
    guide = StreamField(
        GuideBlock(),
        verbose_name=_("hướng dẫn thực hiện"),
        blank=True,
        help_text=_("Trình tự, cách thức, thành phần hồ sơ, yêu cầu, kết quả và căn cứ pháp lý."),
    )
    decision_number = models.CharField(
        _("quyết định công bố"),
        max_length=60,
        blank=True,
        help_text=_("Số ký hiệu quyết định công bố thủ tục, ví dụ 1234/QĐ-UBND."),
    )
    decision_date = models.DateField(_("ngày công bố"), null=True, blank=True)

    objects = PublicServicePageManager()

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("level")]),
        FieldRowPanel([FieldPanel("sector"), FieldPanel("field")]),
        FieldPanel("agency"),
        FieldPanel("for_foreigners"),
        FieldPanel("online_url"),
        FieldRowPanel([FieldPanel("processing_time"), FieldPanel("fees")]),
        FieldPanel("guide"),
        FieldRowPanel(
            [FieldPanel("decision_number"), FieldPanel("decision_date")], heading=_("Công bố thủ tục")
        ),
        InlinePanel(
            "statistics",
            label=_("Kỳ báo cáo"),
            heading=_("Tình hình tiếp nhận, giải quyết hồ sơ"),
            help_text=_("Bắt buộc với dịch vụ mức độ 3, 4, toàn trình hoặc một phần."),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("code", boost=3),
        index.SearchField("summary"),
        index.SearchField("processing_time"),
        index.SearchField("fees"),
        index.SearchField("guide"),
        index.FilterField("level"),
        index.FilterField("for_foreigners"),
    ]
    # The public search page's facets for services (search.facets), with the catalogue's
    # parameter names.
    search_facets = [
        RelatedFacet("sector", param="nganh", value="slug"),
        RelatedFacet("field", param="linh-vuc", value="slug"),
        ChoiceFacet("level", param="muc-do", in_results=True),
    ]

    # Identifiers stay the same in the English version; the text around them is translated.
    override_translatable_fields = [SynchronizedField("code"), SynchronizedField("decision_number")]

    parent_page_types = ["services.PublicServiceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("dịch vụ công trực tuyến")
        verbose_name_plural = _("dịch vụ công trực tuyến")

    def clean(self) -> None:
        super().clean()
        field_sector = self.field.sector if self.field_id else None
        if self.sector_id is None and field_sector is not None:
            self.sector = field_sector
        if self.sector_id is None and self.field_id is None:
            raise ValidationError({"sector": _("Chọn ngành hoặc lĩnh vực của thủ tục.")})
        if field_sector is not None and self.sector_id != field_sector.pk:
            raise ValidationError(
                {"field": _("Lĩnh vực này thuộc ngành “%(sector)s”.") % {"sector": field_sector}}
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["national_portal_url"] = NATIONAL_PORTAL_URL
        return context

    @property
    def reports_statistics(self) -> bool:
        """Done online, so the law asks for its usage and processing figures."""
        return self.level in STATISTICS_LEVELS

    @property
    def english_required(self) -> bool:
        """Of the services, the law wants in English only those foreigners can use
        (languages.required reads this once the section is in the English tree)."""
        return self.for_foreigners

    @property
    def level_decree(self) -> str:
        return str(LEVEL_DECREES.get(self.level, ""))

    @property
    def summary(self) -> str:
        """One line for search results and feeds: “1.001193 · Hộ tịch · Toàn trình · UBND xã”."""
        label = self.field if self.field_id else self.sector if self.sector_id else None
        parts = [
            self.code,
            label.name if label else "",
            str(self.get_level_display()) if self.level else "",
            self.agency,
        ]
        return " · ".join(part for part in parts if part)

    @property
    def date(self):
        """The date search results show: when the procedure was published."""
        return self.decision_date

    def statistics_by_period(self) -> list[ServiceStatistic]:
        """Newest period first; a period ending with a shorter one comes before it (the
        year before its fourth quarter)."""

        def newest_first(row: ServiceStatistic) -> tuple[int, int, int]:
            last_month, months = PERIOD_SPANS.get(row.period, (0, 0))
            return (-row.year, -last_month, -months)

        return sorted(self.statistics.all(), key=newest_first)


class ServiceStatistic(Orderable):
    """Usage and dossiers of one reporting period (Kiên Giang art. 18; REQUIREMENTS.md §6)."""

    page = ParentalKey(PublicServicePage, on_delete=models.CASCADE, related_name="statistics")
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(2011), MaxValueValidator(2100)]
    )
    period = models.CharField(
        _("kỳ báo cáo"), max_length=20, choices=ReportPeriod.choices, default=ReportPeriod.YEAR
    )
    usage_count = models.PositiveIntegerField(
        _("lượt sử dụng"), default=0, help_text=_("Tần suất sử dụng: lượt truy cập dịch vụ.")
    )
    received = models.PositiveIntegerField(_("hồ sơ tiếp nhận"), default=0)
    received_online = models.PositiveIntegerField(_("trong đó tiếp nhận trực tuyến"), default=0)
    resolved_on_time = models.PositiveIntegerField(_("giải quyết đúng hạn"), default=0)
    resolved_late = models.PositiveIntegerField(_("giải quyết quá hạn"), default=0)
    in_progress = models.PositiveIntegerField(_("đang giải quyết"), default=0)

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("period")]),
        FieldRowPanel([FieldPanel("usage_count"), FieldPanel("received"), FieldPanel("received_online")]),
        FieldRowPanel(
            [FieldPanel("resolved_on_time"), FieldPanel("resolved_late"), FieldPanel("in_progress")]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kỳ báo cáo")
        verbose_name_plural = _("tình hình tiếp nhận, giải quyết hồ sơ")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "year", "period"], name="services_statistic_one_per_period"
            ),
        ]

    def __str__(self) -> str:
        return self.period_label

    def clean(self) -> None:
        super().clean()
        if self.received_online > self.received:
            raise ValidationError(
                {"received_online": _("Số hồ sơ trực tuyến không thể lớn hơn số hồ sơ tiếp nhận.")}
            )

    @property
    def period_label(self) -> str:
        if self.period == ReportPeriod.YEAR:
            return str(_("Năm %(year)s") % {"year": self.year})
        return f"{self.get_period_display()}/{self.year}"

    @property
    def resolved(self) -> int:
        return self.resolved_on_time + self.resolved_late

    @property
    def on_time_rate(self) -> float | None:
        """Share of resolved dossiers resolved on time, in per cent."""
        return 100 * self.resolved_on_time / self.resolved if self.resolved else None

    @property
    def online_rate(self) -> float | None:
        return 100 * self.received_online / self.received if self.received else None
