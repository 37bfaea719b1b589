"""Section h (Decree 43 art. 10.h): investment projects, bidding and public procurement."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock
from core.listing import FeedItem, Listing, SectionIndexPage, choice_filter
from core.models import NFCTextMixin
from deadlines import rules
from deadlines.clocks import PostingClock
from search.facets import ChoiceFacet

from .money import format_vnd


class ProjectStatus(models.TextChoices):
    PREPARING = "chuan-bi", _("Chuẩn bị đầu tư")
    IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
    COMPLETED = "hoan-thanh", _("Hoàn thành")


class ProjectField(models.TextChoices):
    TRANSPORT = "giao-thong", _("Giao thông")
    AGRICULTURE = "nong-nghiep", _("Nông nghiệp, lâm nghiệp, thủy lợi")
    INDUSTRY = "cong-nghiep", _("Công nghiệp, năng lượng")
    URBAN = "xay-dung-do-thi", _("Xây dựng, hạ tầng đô thị")
    EDUCATION = "giao-duc", _("Giáo dục, đào tạo")
    HEALTH = "y-te", _("Y tế")
    CULTURE = "van-hoa-du-lich", _("Văn hóa, thể thao, du lịch")
    ENVIRONMENT = "tai-nguyen-moi-truong", _("Tài nguyên, môi trường")
    TECHNOLOGY = "khoa-hoc-cong-nghe", _("Khoa học, công nghệ, chuyển đổi số")
    SOCIAL = "xa-hoi", _("Lao động, xã hội")
    OTHER = "khac", _("Lĩnh vực khác")


class ProjectType(models.TextChoices):
    """Groups of the Law on Public Investment (2019), art. 8."""

    NATIONAL = "quan-trong-quoc-gia", _("Dự án quan trọng quốc gia")
    GROUP_A = "nhom-a", _("Dự án nhóm A")
    GROUP_B = "nhom-b", _("Dự án nhóm B")
    GROUP_C = "nhom-c", _("Dự án nhóm C")


class FundingType(models.TextChoices):
    CENTRAL_BUDGET = "ngan-sach-trung-uong", _("Ngân sách trung ương")
    LOCAL_BUDGET = "ngan-sach-dia-phuong", _("Ngân sách địa phương")
    ODA = "oda", _("Vốn ODA, vốn vay ưu đãi nước ngoài")
    PPP = "ppp", _("Đối tác công tư (PPP)")
    PRIVATE = "ngoai-ngan-sach", _("Vốn ngoài ngân sách")
    MIXED = "hon-hop", _("Nhiều nguồn vốn")


class ProjectIndexPage(SectionIndexPage):
    """Dự án – Đấu thầu – Mua sắm công, filtered by `?trang-thai=` and `?linh-vuc=`."""

    subpage_types = ["projects.ProjectPage"]

    class Meta:
        verbose_name = _("trang Dự án – Đấu thầu – Mua sắm công")
        verbose_name_plural = _("trang Dự án – Đấu thầu – Mua sắm công")

    def listing(self, request) -> Listing:
        """The projects of the selected status and field ("" when not filtered)."""
        projects = ProjectPage.objects.child_of(self).live().public()
        status = choice_filter(request, "trang-thai", ProjectStatus.choices)
        field = choice_filter(request, "linh-vuc", ProjectField.choices)
        if status:
            projects = projects.filter(status=status)
        if field:
            projects = projects.filter(field=field)
        return Listing(
            projects.order_by("-approval_date", "title"),
            {
                "statuses": ProjectStatus.choices, "fields": ProjectField.choices,
                "status": status, "field": field,
            },
        )

    def feed_item(self, item, request) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=item.objective,
            pubdate=item.first_published_at or item.approval_date,
            categories=(item.get_status_display(), item.get_field_display()),
        )


class ProjectPage(NFCTextMixin, Page):
    """One investment project. Due 10 (Lai Châu: 8) working days after approval."""

    objective = models.TextField(_("mục tiêu chính"))
    field = models.CharField(_("lĩnh vực"), max_length=40, choices=ProjectField.choices)
    project_type = models.CharField(
        _("loại dự án"), max_length=40, choices=ProjectType.choices, blank=True
    )
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    start_date = models.DateField(_("thời gian bắt đầu"), null=True, blank=True)
    end_date = models.DateField(_("thời gian kết thúc"), null=True, blank=True)
    budget = models.PositiveBigIntegerField(
        _("tổng mức đầu tư (đồng)"), null=True, blank=True,
        help_text=_("Số tiền bằng đồng, không ghi dấu chấm, ví dụ 12500000000."),
    )
    funding_type = models.CharField(
        _("nguồn vốn"), max_length=40, choices=FundingType.choices, blank=True
    )
    # Lai Châu's rules (art. 10.4.c): an ODA or foreign-loan project names its donor.
    donor = models.CharField(
        _("nhà tài trợ"), max_length=255, blank=True,
        help_text=_("Bắt buộc với dự án sử dụng vốn ODA, vốn vay ưu đãi nước ngoài; ví dụ: "
                    "Ngân hàng Thế giới (WB)."),
    )
    sponsor = models.CharField(_("chủ đầu tư"), max_length=255)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=ProjectStatus.choices,
        default=ProjectStatus.PREPARING,
    )
    decision_number = models.CharField(
        _("số quyết định phê duyệt"), max_length=60, blank=True,
        help_text=_("Ví dụ: 2156/QĐ-UBND."),
    )
    approval_date = models.DateField(_("ngày phê duyệt"))
    body = RichTextField(_("thông tin chi tiết"), blank=True, features=RICH_TEXT_FEATURES)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("tệp đính kèm"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("objective"),
        FieldRowPanel([FieldPanel("field"), FieldPanel("project_type")]),
        FieldPanel("location"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")],
                      heading=_("Thời gian thực hiện")),
        FieldRowPanel([FieldPanel("budget"), FieldPanel("funding_type")]),
        FieldPanel("donor"),
        FieldPanel("sponsor"),
        FieldPanel("status"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("decision_number"), FieldPanel("approval_date")])],
            heading=_("Phê duyệt"),
        ),
        FieldPanel("body"),
        FieldPanel("attachments"),
        InlinePanel("procurement_notices", label=_("Thông báo đấu thầu, mua sắm"),
                    heading=_("Đấu thầu, mua sắm công")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("objective"),
        index.SearchField("sponsor"),
        index.SearchField("donor"),
        index.SearchField("body"),
        index.FilterField("status"),
        index.FilterField("field"),
    ]
    # The public search page's facets for projects (search.facets), with the section
    # listing's parameter names.
    search_facets = [
        ChoiceFacet("status", param="trang-thai", in_results=True),
        ChoiceFacet("field", param="linh-vuc"),
    ]

    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types: list[str] = []

    posting_clock = PostingClock(rule=rules.PLANNING, event="approval_date")

    class Meta:
        verbose_name = _("dự án đầu tư")
        verbose_name_plural = _("dự án đầu tư")

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError(
                {"end_date": _("Thời gian kết thúc phải sau thời gian bắt đầu.")}
            )
        if self.funding_type == FundingType.ODA and not self.donor.strip():
            raise ValidationError(
                {"donor": _("Dự án sử dụng vốn ODA, vốn vay ưu đãi nước ngoài phải ghi nhà tài trợ.")}
            )

    @property
    def budget_display(self) -> str:
        return format_vnd(self.budget)


class ProcurementNotice(NFCTextMixin, Orderable):
    """A bidding or procurement notice of a project (plan, invitation, result)."""

    class Kind(models.TextChoices):
        PLAN = "ke-hoach", _("Kế hoạch lựa chọn nhà thầu")
        INVITATION = "moi-thau", _("Thông báo mời thầu")
        RESULT = "ket-qua", _("Kết quả lựa chọn nhà thầu")
        PROCUREMENT = "mua-sam", _("Mua sắm công")

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="procurement_notices")
    kind = models.CharField(_("loại thông báo"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("tiêu đề"), max_length=255)
    package = models.CharField(_("gói thầu"), max_length=255, blank=True)
    notice_date = models.DateField(_("ngày đăng"))
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    url = models.URLField(
        _("liên kết"), blank=True,
        help_text=_("Địa chỉ của thông báo trên Hệ thống mạng đấu thầu quốc gia, nếu có."),
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("package"),
        FieldPanel("notice_date"),
        FieldPanel("document"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("thông báo đấu thầu, mua sắm")
        verbose_name_plural = _("thông báo đấu thầu, mua sắm")

    def __str__(self) -> str:
        return self.title
