"""Legal documents database (Decree 43 art. 10 e) and the official gazette (art. 10 g).

Import direction: direction → legaldocs.
"""

from __future__ import annotations

import datetime

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES
from core.listing import FeedItem, Listing, SectionIndexPage
from core.models import Label, NFCTextMixin
from deadlines import rules
from deadlines.clocks import PostingClock
from search.facets import ChoiceFacet, DateRangeFilter, IdentifierFacet, RelatedFacet
from tenants.current import current_portal
from tenants.models import Portal

# Số ký hiệu: number[/year]/symbol, e.g. 43/2020/QĐ-UBND, 1234/UBND-KT, 15/CT-TTg,
# 59/2020/QH14, 07/2016/TTLT-BTC-BNV; Party documents use a hyphen: 36-NQ/TW.
NUMBER_PATTERN = (
    r"^\d{1,6}[a-z]?(?:/\d{4})?[/-][A-ZĐ][A-Za-zĐđ0-9]*(?:[-/.][A-ZĐ0-9][A-Za-zĐđ0-9]*)*$"
)
validate_document_number = RegexValidator(
    NUMBER_PATTERN,
    _("Số ký hiệu không hợp lệ; viết theo dạng “43/2020/QĐ-UBND” hoặc “1234/UBND-KT”."),
)


class DocumentType(models.TextChoices):
    """Hình thức văn bản (Law on promulgation of legal documents, plus administrative ones)."""

    HIEN_PHAP = "hien-phap", _("Hiến pháp")
    BO_LUAT = "bo-luat", _("Bộ luật")
    LUAT = "luat", _("Luật")
    PHAP_LENH = "phap-lenh", _("Pháp lệnh")
    LENH = "lenh", _("Lệnh")
    NGHI_QUYET = "nghi-quyet", _("Nghị quyết")
    NGHI_DINH = "nghi-dinh", _("Nghị định")
    QUYET_DINH = "quyet-dinh", _("Quyết định")
    CHI_THI = "chi-thi", _("Chỉ thị")
    THONG_TU = "thong-tu", _("Thông tư")
    THONG_TU_LIEN_TICH = "thong-tu-lien-tich", _("Thông tư liên tịch")
    CONG_VAN = "cong-van", _("Công văn")
    KE_HOACH = "ke-hoach", _("Kế hoạch")
    THONG_BAO = "thong-bao", _("Thông báo")
    HUONG_DAN = "huong-dan", _("Hướng dẫn")
    BAO_CAO = "bao-cao", _("Báo cáo")
    KHAC = "khac", _("Văn bản khác")


# The abbreviation of each type in document numbers (Decree 30/2020/NĐ-CP, appendix III):
# what citizens type before a number (“NQ 12”, “QĐ 15”).
TYPE_ABBREVIATIONS = {
    DocumentType.PHAP_LENH: "PL",
    DocumentType.LENH: "L",
    DocumentType.NGHI_QUYET: "NQ",
    DocumentType.NGHI_DINH: "NĐ",
    DocumentType.QUYET_DINH: "QĐ",
    DocumentType.CHI_THI: "CT",
    DocumentType.THONG_TU: "TT",
    DocumentType.THONG_TU_LIEN_TICH: "TTLT",
    DocumentType.CONG_VAN: "CV",
    DocumentType.KE_HOACH: "KH",
    DocumentType.THONG_BAO: "TB",
    DocumentType.HUONG_DAN: "HD",
    DocumentType.BAO_CAO: "BC",
}


class ValidityStatus(models.TextChoices):
    IN_FORCE = "con-hieu-luc", _("Còn hiệu lực")
    PARTLY_EXPIRED = "het-hieu-luc-mot-phan", _("Hết hiệu lực một phần")
    EXPIRED = "het-hieu-luc", _("Hết hiệu lực")
    NOT_YET = "chua-co-hieu-luc", _("Chưa có hiệu lực")


class RelationKind(models.TextChoices):
    AMENDS = "sua-doi", _("Sửa đổi, bổ sung")
    REPLACES = "thay-the", _("Thay thế")
    GUIDES = "huong-dan", _("Hướng dẫn thi hành")
    REPEALS = "bai-bo", _("Bãi bỏ")


class IssuingAuthority(Label):
    """Cơ quan ban hành (thẩm quyền ban hành), e.g. “UBND tỉnh Lai Châu”, “Chính phủ”."""

    short_name = models.CharField(_("tên viết tắt"), max_length=60, blank=True)
    is_own_agency = models.BooleanField(
        _("là cơ quan chủ quản của Cổng"), default=False,
        help_text=_(
            "Văn bản do chính cơ quan này ban hành phải đăng trong 2 ngày làm việc; văn bản "
            "của cơ quan khác áp dụng cho đơn vị thì trong 8 ngày làm việc."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("slug"),
              FieldPanel("sort_order"), FieldPanel("is_own_agency")]

    class Meta(Label.Meta):
        verbose_name = _("cơ quan ban hành")
        verbose_name_plural = _("cơ quan ban hành")


class LegalField(Label):
    """Lĩnh vực, e.g. “Đất đai”, “Giáo dục – Đào tạo”."""

    class Meta(Label.Meta):
        verbose_name = _("lĩnh vực")
        verbose_name_plural = _("lĩnh vực")


# --- Documents ------------------------------------------------------------------------------


# Kinds of member portals a province document can apply to (all departments, all communes…).
APPLICABLE_KINDS = [
    ("department", _("Tất cả sở, ban, ngành")),
    ("district", _("Tất cả huyện, thị xã, thành phố")),
    ("commune", _("Tất cả xã, phường, thị trấn")),
]


class LegalDocumentAdminForm(WagtailAdminPageForm):
    """Only the province portal says which member units a document applies to (its choices
    are the member portals); elsewhere those fields are not offered."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        portal = current_portal()
        if portal is None or not portal.is_province:
            for name in ("applies_to_kinds", "applies_to_portals"):
                self.fields.pop(name, None)
            return
        members = Portal.objects.exclude(
            kind__in=[Portal.Kind.PROVINCE, Portal.Kind.PLATFORM]
        ).exclude(status=Portal.Status.ARCHIVED)
        self.fields["applies_to_kinds"] = forms.MultipleChoiceField(
            label=_("Áp dụng cho"), required=False, choices=APPLICABLE_KINDS,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Khi Cổng tỉnh xuất bản, mỗi cổng thành viên được áp dụng phải đăng "
                        "hoặc liên kết văn bản trong thời hạn quy định."),
        )
        self.fields["applies_to_portals"] = forms.MultipleChoiceField(
            label=_("Và các cổng thành viên"), required=False,
            choices=[(p.code, p.name) for p in members.order_by("kind", "name")],
            widget=forms.CheckboxSelectMultiple,
        )


def posting_rule(document: LegalDocumentPage) -> str:
    """2 working days at the agency that issued it, 8 (Kiên Giang: 10) elsewhere (Lai Châu
    43/2020 art. 12.1 c)."""
    issuer = document.issuer if document.issuer_id else None
    return rules.LEGAL_ISSUER if issuer is not None and issuer.is_own_agency else rules.LEGAL_APPLYING


class LegalDocumentIndexPage(SectionIndexPage):
    """Văn bản: the searchable documents database of the portal."""

    subpage_types = ["legaldocs.LegalDocumentPage"]
    per_page = 20

    class Meta:
        verbose_name = _("chuyên trang văn bản")
        verbose_name_plural = _("chuyên trang văn bản")

    def documents(self):
        return (
            LegalDocumentPage.objects.child_of(self).live().public()
            .select_related("issuer", "legal_field")
        )

    def listing(self, request: HttpRequest) -> Listing:
        from search.aggregation import SCOPE_PARAM, SCOPE_PROVINCE, can_aggregate, province_scope

        from .forms import LegalDocumentFilterForm

        form = LegalDocumentFilterForm(request.GET or None, documents=self.documents())
        context = {
            "form": form,
            "filtering": form.is_bound,
            # The province's finder also lists its members' documents (`?pham-vi=tinh`).
            "can_aggregate": can_aggregate(request),
            "scope_param": SCOPE_PARAM,
            "scope_province": SCOPE_PROVINCE,
        }
        if province_scope(request):
            return Listing(form.province_items(request), {**context, "province_wide": True})
        return Listing(form.apply(self.documents()), context)

    def feed_items(self, request: HttpRequest):
        # The feed is this portal's own documents whatever the scope asked.
        from .forms import LegalDocumentFilterForm

        form = LegalDocumentFilterForm(request.GET or None, documents=self.documents())
        return form.apply(self.documents())

    def feed_item(self, item: LegalDocumentPage, request: HttpRequest) -> FeedItem:
        return FeedItem(
            title=f"{item.number} – {item.title}" if item.number else item.title,
            link=item.get_full_url(request),
            description=item.summary,
            pubdate=item.first_published_at or item.issue_date,
            categories=(
                item.get_doc_type_display(), item.legal_field.name if item.legal_field else "",
            ),
        )


class LegalDocumentPage(NFCTextMixin, Page):
    """Một văn bản: metadata as Decree 43 art. 10 e lists it, its files and relations."""

    doc_type = models.CharField(
        _("hình thức văn bản"), max_length=30, choices=DocumentType.choices, db_index=True
    )
    number = models.CharField(
        _("số ký hiệu"), max_length=60, blank=True, validators=[validate_document_number],
        help_text=_("Ví dụ: 43/2020/QĐ-UBND. Dự thảo chưa có số có thể để trống."),
    )
    issuer = models.ForeignKey(
        IssuingAuthority, verbose_name=_("cơ quan ban hành"), null=True,
        on_delete=models.PROTECT, related_name="documents",
    )
    legal_field = models.ForeignKey(
        LegalField, verbose_name=_("lĩnh vực"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="documents",
    )
    summary = models.TextField(_("trích yếu"), max_length=2000)
    issue_date = models.DateField(_("ngày ban hành"), null=True, blank=True, db_index=True)
    effective_date = models.DateField(_("ngày có hiệu lực"), null=True, blank=True)
    expiry_date = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    status = models.CharField(
        _("tình trạng hiệu lực"), max_length=30, choices=ValidityStatus.choices,
        default=ValidityStatus.IN_FORCE, db_index=True,
        help_text=_(
            "Tự cập nhật hằng ngày theo ngày có hiệu lực, ngày hết hiệu lực và các văn bản "
            "sửa đổi, thay thế, bãi bỏ; trừ khi Ban Biên tập giữ tình trạng đã chọn."
        ),
    )
    validity_locked = models.BooleanField(
        _("giữ tình trạng hiệu lực đã chọn"), default=False,
        help_text=_("Không tự cập nhật tình trạng hiệu lực của văn bản này (mọi thay đổi đều "
                    "được ghi nhật ký)."),
    )
    signer = models.CharField(_("người ký"), max_length=255, blank=True)
    signer_title = models.CharField(_("chức vụ người ký"), max_length=255, blank=True)
    body = RichTextField(_("ghi chú / nội dung tóm tắt"), blank=True, features=RICH_TEXT_FEATURES)

    is_draft = models.BooleanField(
        _("dự thảo lấy ý kiến"), default=False,
        help_text=_("Đăng dự thảo để lấy ý kiến góp ý trước khi ban hành."),
    )
    comment_start = models.DateField(_("bắt đầu lấy ý kiến"), null=True, blank=True)
    comment_end = models.DateField(_("hết hạn lấy ý kiến"), null=True, blank=True)

    # A province document that member units must post (Lai Châu 43/2020 art. 12.1 c): each
    # applying portal gets an obligation when the province publishes it (deadlines).
    applies_to_kinds = ArrayField(
        models.CharField(max_length=20, choices=APPLICABLE_KINDS), verbose_name=_("áp dụng cho"),
        default=list, blank=True,
    )
    applies_to_portals = ArrayField(
        models.CharField(max_length=40), verbose_name=_("áp dụng cho các cổng thành viên"),
        default=list, blank=True,
    )
    source_url = models.URLField(
        _("văn bản gốc trên Cổng tỉnh"), max_length=500, blank=True,
        help_text=_("Đường dẫn về trang văn bản trên Cổng tỉnh, khi văn bản được đăng lại."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("doc_type"), FieldPanel("number")]),
        FieldRowPanel([FieldPanel("issuer"), FieldPanel("legal_field")]),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issue_date"), FieldPanel("effective_date"),
                               FieldPanel("expiry_date")]),
                FieldRowPanel([FieldPanel("status"), FieldPanel("validity_locked")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
            ],
            heading=_("Ban hành và hiệu lực"),
        ),
        InlinePanel("attachments", label=_("Tệp văn bản"), heading=_("Tệp văn bản")),
        FieldPanel("body"),
        InlinePanel("relations", label=_("Văn bản liên quan"), heading=_("Văn bản liên quan")),
        MultiFieldPanel(
            [FieldPanel("is_draft"),
             FieldRowPanel([FieldPanel("comment_start"), FieldPanel("comment_end")])],
            heading=_("Dự thảo lấy ý kiến"),
        ),
        MultiFieldPanel(
            [FieldPanel("applies_to_kinds"), FieldPanel("applies_to_portals"),
             FieldPanel("source_url")],
            heading=_("Đơn vị phải đăng văn bản"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("number", boost=3),
        index.SearchField("summary", boost=2),
        index.SearchField("signer"),
        # The text of the attached PDFs, read in the background after upload.
        index.SearchField("attachments_text"),
        index.FilterField("doc_type"),
        index.FilterField("status"),
        index.FilterField("issue_date"),
    ]
    # The public search page's facets and filters for documents (search.facets).
    search_facets = [
        # A number as citizens type it: 43/2020/QĐ-UBND, 1234/UBND-KT, 36-NQ/TW.
        IdentifierFacet(
            "number", lookup=r"^\d{1,6}[a-zA-Z]?(?:/\d{4})?[/-][^\s/-][^\s]*$",
            found_label=_("Văn bản có số ký hiệu"),
            # “NQ 12”, “nghị quyết 12”, “QĐ 15” find the number by its type too.
            kind="doc_type", abbreviations=TYPE_ABBREVIATIONS,
            # “05/2025” finds 05/CT-UBND issued in 2025.
            year_from="issue_date",
        ),
        ChoiceFacet("doc_type", param="hinh-thuc"),
        RelatedFacet("issuer", param="co-quan"),
        RelatedFacet("legal_field", key="field", param="linh-vuc"),
        ChoiceFacet("status", param="hieu-luc", in_results=True),
        DateRangeFilter(
            "tu-ngay", "den-ngay", label_from=_("Ban hành từ ngày"), label_to=_("đến ngày")
        ),
    ]

    parent_page_types = ["legaldocs.LegalDocumentIndexPage"]
    subpage_types: list[str] = []
    base_form_class = LegalDocumentAdminForm

    # Due 2 or 8 working days after issue (deadlines); a draft for comments has no clock.
    posting_clock = PostingClock(rule=posting_rule, event="issue_date", skip_if="is_draft")

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "status" in update_fields:
            from .validity import status_on_save

            status_on_save(self)
        return super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if not self.is_draft:
            if not self.number:
                errors["number"] = _("Văn bản đã ban hành phải có số ký hiệu.")
            if not self.issue_date:
                errors["issue_date"] = _("Văn bản đã ban hành phải có ngày ban hành.")
        else:
            if not self.comment_start or not self.comment_end:
                errors["comment_end"] = _(
                    "Dự thảo phải có thời gian lấy ý kiến (từ ngày, đến ngày)."
                )
            elif self.comment_end < self.comment_start:
                errors["comment_end"] = _("Ngày hết hạn lấy ý kiến phải sau ngày bắt đầu.")
        if self.issue_date and self.effective_date and self.effective_date < self.issue_date:
            errors["effective_date"] = _("Ngày có hiệu lực không được trước ngày ban hành.")
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            errors["expiry_date"] = _("Ngày hết hiệu lực phải sau ngày có hiệu lực.")
        if errors:
            raise ValidationError(errors)

    def attachments_text(self) -> str:
        """The text of the attached files (search.attachments), for search."""
        from search.attachments import attachment_text

        return attachment_text(a.document_id for a in self.attachments.all())

    @property
    def display_name(self) -> str:
        """“Quyết định 43/2020/QĐ-UBND”."""
        label = self.get_doc_type_display()
        return f"{label} {self.number}" if self.number else label

    @property
    def comments_open(self) -> bool:
        if not self.is_draft or not self.comment_start or not self.comment_end:
            return False
        return self.comment_start <= timezone.localdate() <= self.comment_end

    @property
    def publication_delay_days(self) -> int | None:
        """Days from the issue (the source event) to the first publication on the portal."""
        if not self.issue_date or not self.first_published_at:
            return None
        return (timezone.localtime(self.first_published_at).date() - self.issue_date).days

    def related_documents(self) -> list[tuple[str, LegalDocumentPage]]:
        """This document's relations both ways, described from this document's side."""
        inverse = {
            RelationKind.AMENDS: _("Được sửa đổi, bổ sung bởi"),
            RelationKind.REPLACES: _("Bị thay thế bởi"),
            RelationKind.GUIDES: _("Được hướng dẫn bởi"),
            RelationKind.REPEALS: _("Bị bãi bỏ bởi"),
        }
        result = [
            (RelationKind(r.kind).label, r.target)
            for r in self.relations.select_related("target")
            if r.target.live
        ]
        incoming = LegalDocumentRelation.objects.filter(target=self, page__live=True)
        for r in incoming.select_related("page"):
            result.append((inverse[r.kind], r.page))
        return result


class ValidityChange(models.Model):
    """The log of a document's validity status: what the daily job changed from the dates and
    relations, and what the board set by hand."""

    class Reason(models.TextChoices):
        DATES = "dates", _("Theo ngày có hiệu lực, hết hiệu lực")
        RELATIONS = "relations", _("Theo văn bản sửa đổi, thay thế, bãi bỏ")
        MANUAL = "manual", _("Ban Biên tập chọn")

    page = models.ForeignKey(
        LegalDocumentPage, on_delete=models.CASCADE, related_name="validity_changes"
    )
    old_status = models.CharField(_("tình trạng cũ"), max_length=30, choices=ValidityStatus.choices)
    new_status = models.CharField(_("tình trạng mới"), max_length=30, choices=ValidityStatus.choices)
    reason = models.CharField(_("căn cứ"), max_length=20, choices=Reason.choices)
    actor = models.CharField(_("người thực hiện"), max_length=150, blank=True)
    at = models.DateTimeField(_("thời điểm"), default=timezone.now)

    class Meta:
        verbose_name = _("thay đổi tình trạng hiệu lực")
        verbose_name_plural = _("nhật ký tình trạng hiệu lực")
        ordering = ["-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.at:%d/%m/%Y} {self.old_status} → {self.new_status}"


class LegalDocumentAttachment(NFCTextMixin, Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("tên hiển thị"), max_length=255, blank=True,
        help_text=_("Ví dụ: “Toàn văn”, “Phụ lục I”. Để trống thì dùng tên tệp."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp văn bản")
        verbose_name_plural = _("tệp văn bản")

    def __str__(self) -> str:
        return self.label or self.document.title

    @property
    def extension(self) -> str:
        return self.document.file_extension.upper()


class LegalDocumentRelation(Orderable):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    kind = models.CharField(_("quan hệ"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("văn bản"), on_delete=models.CASCADE,
        related_name="incoming_relations",
    )

    panels = [FieldPanel("kind"), PageChooserPanel("target", "legaldocs.LegalDocumentPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")


# --- Official gazette -----------------------------------------------------------------------


class GazetteIndexPage(SectionIndexPage):
    """Công báo (province portal only): the issues, newest first."""

    external_url = models.URLField(
        _("trang Công báo của tỉnh"), blank=True,
        help_text=_("Nếu Công báo được đăng ở trang riêng, ghi địa chỉ để liên kết tới."),
    )

    content_panels = SectionIndexPage.content_panels + [FieldPanel("external_url")]

    subpage_types = ["legaldocs.GazetteIssuePage"]
    per_page = 20
    has_feed = False  # the gazette is read as issues (PDF), not followed item by item

    class Meta:
        verbose_name = _("chuyên trang công báo")
        verbose_name_plural = _("chuyên trang công báo")

    def listing(self, request: HttpRequest) -> Listing:
        return Listing(
            GazetteIssuePage.objects.child_of(self).live().public()
            .order_by("-issue_date", "-pk")
        )


class GazetteIssuePage(NFCTextMixin, Page):
    """Một số Công báo: number, date and the documents it carries, each with a summary."""

    number = models.CharField(_("số Công báo"), max_length=40, help_text=_("Ví dụ: 05"))
    issue_date = models.DateField(_("ngày phát hành"), default=datetime.date.today)
    file = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp Công báo (PDF)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("issue_date")]),
        FieldPanel("file"),
        InlinePanel("entries", label=_("Văn bản trong số"), heading=_("Văn bản trong số")),
    ]

    parent_page_types = ["legaldocs.GazetteIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("số Công báo")
        verbose_name_plural = _("số Công báo")


class GazetteEntry(NFCTextMixin, Orderable):
    page = ParentalKey(GazetteIssuePage, on_delete=models.CASCADE, related_name="entries")
    document = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("văn bản trên Cổng"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="gazette_entries",
    )
    title = models.CharField(
        _("số ký hiệu và tên văn bản"), max_length=500, blank=True,
        help_text=_("Ghi khi văn bản không có trên Cổng."),
    )
    summary = models.TextField(_("tóm tắt"), blank=True)

    panels = [
        PageChooserPanel("document", "legaldocs.LegalDocumentPage"),
        FieldPanel("title"),
        FieldPanel("summary"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản trong số Công báo")
        verbose_name_plural = _("văn bản trong số Công báo")

    def clean(self) -> None:
        if not self.document_id and not self.title:
            raise ValidationError(
                {"title": _("Chọn một văn bản trên Cổng hoặc ghi số ký hiệu và tên văn bản.")}
            )

    @property
    def display_title(self) -> str:
        if self.title:
            return self.title
        return f"{self.document.display_name} – {self.document.title}" if self.document else ""

    @property
    def display_summary(self) -> str:
        return self.summary or (self.document.summary if self.document else "")
