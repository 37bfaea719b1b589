"""Section a (Decree 43 art. 10.a): organisation and functions, administrative map, natural
conditions, history and culture, leaders."""

from __future__ import annotations

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from contacts.fields import EmailAddressField, PhoneField
from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.models import NFCTextMixin
from deadlines.clocks import KeptCurrent

from .blocks import HistoryBlock

INDEX = "introduction.IntroductionIndexPage"


class IntroductionIndexPage(NFCTextMixin, Page):
    """Giới thiệu: the section root; its children are the introduction pages."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    # Kept current and accurate (Decree 43 art. 10 a): flagged when untouched too long.
    kept_current = KeptCurrent()
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "introduction.OrganisationPage",
        "introduction.AdministrativeMapPage",
        "introduction.NaturalConditionsPage",
        "introduction.HistoryCulturePage",
        "introduction.LeadersPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang Giới thiệu")
        verbose_name_plural = _("trang Giới thiệu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().public().specific()
        return context


class IntroductionPage(NFCTextMixin, Page):
    """What every introduction page has: a summary and a structured body."""

    summary = models.TextField(_("tóm tắt"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    parent_page_types = [INDEX]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        abstract = True


class OrganisationPage(IntroductionPage):
    """Cơ cấu tổ chức, chức năng, nhiệm vụ."""

    org_chart = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("sơ đồ tổ chức (ảnh)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    org_chart_document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("sơ đồ tổ chức (tệp)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("org_chart"), FieldPanel("org_chart_document")],
            heading=_("Sơ đồ tổ chức"),
        ),
        FieldPanel("body", heading=_("Chức năng, nhiệm vụ, quyền hạn")),
    ]

    class Meta:
        verbose_name = _("cơ cấu tổ chức, chức năng nhiệm vụ")
        verbose_name_plural = _("cơ cấu tổ chức, chức năng nhiệm vụ")


class AdministrativeMapPage(IntroductionPage):
    """Bản đồ hành chính, down to commune level, and the list of administrative units."""

    map_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("bản đồ (ảnh)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    map_document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("bản đồ (tệp)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("map_image"), FieldPanel("map_document")], heading=_("Bản đồ hành chính")
        ),
        InlinePanel("units", label=_("Đơn vị hành chính cấp xã"), heading=_("Đơn vị hành chính")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("bản đồ hành chính")
        verbose_name_plural = _("bản đồ hành chính")


class AdministrativeUnit(NFCTextMixin, Orderable):
    """A commune, ward or special zone shown on the administrative map."""

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("Xã")
        WARD = "phuong", _("Phường")
        TOWNSHIP = "thi-tran", _("Thị trấn")
        SPECIAL_ZONE = "dac-khu", _("Đặc khu")

    page = ParentalKey(AdministrativeMapPage, on_delete=models.CASCADE, related_name="units")
    kind = models.CharField(_("loại"), max_length=10, choices=Kind.choices, default=Kind.COMMUNE)
    name = models.CharField(_("tên"), max_length=120)
    code = models.CharField(
        _("mã đơn vị hành chính"), max_length=5, blank=True,
        validators=[
            RegexValidator(r"^\d{5}$", _("Mã đơn vị hành chính cấp xã gồm đúng 5 chữ số."))
        ],
        help_text=_("Theo danh mục đơn vị hành chính Việt Nam, ví dụ 03388."),
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("code")]

    class Meta(Orderable.Meta):
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.name}"


class NaturalConditionsPage(IntroductionPage):
    """Điều kiện tự nhiên."""

    class Meta:
        verbose_name = _("điều kiện tự nhiên")
        verbose_name_plural = _("điều kiện tự nhiên")


class HistoryCulturePage(IntroductionPage):
    """Lịch sử, văn hóa, di tích, danh thắng."""

    body = StreamField(HistoryBlock(), verbose_name=_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("lịch sử, văn hóa, di tích, danh thắng")
        verbose_name_plural = _("lịch sử, văn hóa, di tích, danh thắng")


class LeadersPage(NFCTextMixin, Page):
    """Lãnh đạo: leaders' duties and short biographies, in the order the editor sets."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("leaders", label=_("Lãnh đạo"), heading=_("Danh sách lãnh đạo")),
    ]
    # The leaders' names, titles and numbers are found by the portal search ("giám đốc").
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("people_text")]

    parent_page_types = [INDEX]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("trang lãnh đạo")
        verbose_name_plural = _("trang lãnh đạo")

    def people_text(self) -> str:
        return people_text(self.leaders.all())


def people_text(people) -> str:
    """What the search index keeps of a list of people: name, title, unit, phone, e-mail."""
    fields = ("full_name", "position", "unit", "phone", "email")
    return " ".join(
        str(getattr(person, name, "") or "") for person in people for name in fields
    ).strip()


class Leader(NFCTextMixin, TranslatableMixin, Orderable):
    """One leader. Translatable, because section a must also exist in English."""

    page = ParentalKey(LeadersPage, on_delete=models.CASCADE, related_name="leaders")
    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200)
    duties = RichTextField(
        _("nhiệm vụ được phân công"), blank=True, features=["bold", "italic", "ul", "ol"]
    )
    photo = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh chân dung"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    biography = RichTextField(
        _("tiểu sử tóm tắt"), blank=True, features=["bold", "italic", "ul", "ol"]
    )
    # Decree 42/2022: the leaders' official telephone and e-mail are published.
    phone = PhoneField(_("điện thoại"), blank=True)
    email = EmailAddressField(_("thư điện tử công vụ"), blank=True)

    # A name and a number are not translated.
    override_translatable_fields = [SynchronizedField("full_name"), SynchronizedField("phone")]

    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("phone"),
        FieldPanel("email"),
        FieldPanel("photo"),
        FieldPanel("duties"),
        FieldPanel("biography"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("lãnh đạo")
        verbose_name_plural = _("lãnh đạo")

    def __str__(self) -> str:
        return f"{self.full_name} – {self.position}"
