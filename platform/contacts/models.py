"""Sections k and l (Decree 43 art. 10.k–l) and the spokesperson (Lai Châu art. 9.2):
officials' contacts, the spokesperson and statements, and the portal's own contact
details, edited by each portal's board as a site setting.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.blocks import RICH_TEXT_FEATURES, AttachmentsBlock
from core.models import NFCTextMixin
from core.serving import KeptSiteSetting
from deadlines.clocks import KeptCurrent
from themes.models import validate_hex_colour  # noqa: F401  named by migrations

from .fields import EmailAddressField, PhoneField

STATEMENTS_ON_CONTACTS_PAGE = 10


class ContactsPage(NFCTextMixin, Page):
    """Liên hệ: competent officials, the spokesperson and the spokesperson's statements."""

    intro = RichTextField(_("lời giới thiệu"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("officials", label=_("Cán bộ"), heading=_("Thông tin liên hệ cán bộ")),
        InlinePanel(
            "spokespersons", label=_("Người phát ngôn"), heading=_("Người phát ngôn"), max_num=3
        ),
    ]
    # Officials and spokespersons by name, title and number ("giám đốc", "chủ tịch").
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("people_text")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["contacts.StatementPage"]
    max_count_per_parent = 1

    kept_current = KeptCurrent()  # Decree 43 art. 10 k

    class Meta:
        verbose_name = _("trang Liên hệ")
        verbose_name_plural = _("trang Liên hệ")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["statements"] = (
            StatementPage.objects.child_of(self).live().public()
            .order_by("-statement_date", "-first_published_at")[:STATEMENTS_ON_CONTACTS_PAGE]
        )
        context["leaders"] = self.leaders()
        return context

    def leaders(self) -> list:
        """The unit's leaders (section a's page, in this page's language), so that who heads
        the unit and how to reach them is on the contacts page too."""
        from introduction.models import Leader

        return list(
            Leader.objects.filter(page__live=True, page__locale_id=self.locale_id)
            .select_related("page").order_by("page__path", "sort_order")
        )

    def people_text(self) -> str:
        from introduction.models import people_text

        return people_text([*self.leaders(), *self.officials.all(), *self.spokespersons.all()])


class ContactPerson(NFCTextMixin, TranslatableMixin, Orderable):
    """Translatable, because section k must also exist in English."""

    full_name = models.CharField(_("họ và tên"), max_length=120)
    position = models.CharField(_("chức vụ"), max_length=200)
    unit = models.CharField(_("đơn vị"), max_length=200, blank=True)
    phone = PhoneField(_("điện thoại"), blank=True)
    email = EmailAddressField(_("thư điện tử công vụ"), blank=True)

    # Names and numbers are the same in English: copied from the Vietnamese, never
    # translated (so a changed number reaches the English page at the next sync).
    override_translatable_fields = [SynchronizedField("full_name"), SynchronizedField("phone")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return f"{self.full_name} – {self.position}"


class ContactOfficial(ContactPerson):
    """Đầu mối liên hệ: a competent official (art. 10.k)."""

    page = ParentalKey(ContactsPage, on_delete=models.CASCADE, related_name="officials")
    fax = PhoneField(_("fax"), blank=True)

    override_translatable_fields = [*ContactPerson.override_translatable_fields, SynchronizedField("fax")]

    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("phone"),
        FieldPanel("fax"),
        FieldPanel("email"),
    ]

    class Meta(ContactPerson.Meta):
        verbose_name = _("cán bộ đầu mối")
        verbose_name_plural = _("cán bộ đầu mối")


class Spokesperson(ContactPerson):
    """Người phát ngôn (and deputies), whose statements are the StatementPage children."""

    page = ParentalKey(ContactsPage, on_delete=models.CASCADE, related_name="spokespersons")

    panels = [
        FieldPanel("full_name"),
        FieldPanel("position"),
        FieldPanel("unit"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]

    class Meta(ContactPerson.Meta):
        verbose_name = _("người phát ngôn")
        verbose_name_plural = _("người phát ngôn")


class StatementPage(NFCTextMixin, Page):
    """Nội dung phát ngôn và cung cấp thông tin cho báo chí."""

    statement_date = models.DateField(_("ngày phát ngôn"))
    speaker = models.CharField(_("người phát ngôn"), max_length=120, blank=True)
    summary = models.TextField(_("tóm tắt"), blank=True)
    body = RichTextField(_("nội dung"), blank=True, features=RICH_TEXT_FEATURES)
    attachments = StreamField(AttachmentsBlock(), verbose_name=_("tệp đính kèm"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("statement_date"),
        FieldPanel("speaker"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("attachments"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("statement_date"),
    ]

    # A statement is news of the day, not part of the officials' contacts (k) the law wants
    # in English.
    english_required = False

    parent_page_types = ["contacts.ContactsPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("nội dung phát ngôn")
        verbose_name_plural = _("nội dung phát ngôn")


# --- Per-portal settings, edited by the portal's own board ---------------------------------


@register_setting(icon="mail")
class PortalContactSettings(KeptSiteSetting, NFCTextMixin, BaseSiteSetting):
    """Thông tin liên hệ của Cổng (art. 10.l), shown in every page's footer."""

    agency = models.CharField(
        _("cơ quan chủ quản"), max_length=255, blank=True,
        help_text=_("Ví dụ: Ủy ban nhân dân tỉnh Lai Châu."),
    )
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    phone = PhoneField(_("điện thoại"), blank=True)
    fax = PhoneField(_("fax"), blank=True)
    email = EmailAddressField(_("thư điện tử"), blank=True)
    hotline = PhoneField(
        _("đường dây nóng"), blank=True,
        help_text=_("Số điện thoại tiếp nhận phản ánh của người dân, hiện ở cuối mỗi trang."),
    )
    responsible_person = models.CharField(
        _("người chịu trách nhiệm chính"), max_length=255, blank=True,
        help_text=_("Họ tên và chức vụ, ví dụ: Nguyễn Văn A – Chánh Văn phòng."),
    )
    licence = models.TextField(
        _("giấy phép"), blank=True,
        help_text=_("Ví dụ: Giấy phép số 12/GP-TTĐT ngày 01/02/2024 của Sở Văn hóa, Thể thao "
                    "và Du lịch."),
    )

    # Shown instead on English pages; left blank, the Vietnamese is shown.
    agency_en = models.CharField(_("cơ quan chủ quản (tiếng Anh)"), max_length=255, blank=True)
    address_en = models.CharField(_("địa chỉ (tiếng Anh)"), max_length=255, blank=True)
    responsible_person_en = models.CharField(
        _("người chịu trách nhiệm chính (tiếng Anh)"), max_length=255, blank=True
    )
    licence_en = models.TextField(_("giấy phép (tiếng Anh)"), blank=True)

    panels = [
        FieldPanel("agency"),
        FieldPanel("address"),
        MultiFieldPanel([FieldPanel("hotline"), FieldPanel("phone"), FieldPanel("fax"), FieldPanel("email")],
                        heading=_("Liên lạc")),
        FieldPanel("responsible_person"),
        FieldPanel("licence"),
        MultiFieldPanel(
            [FieldPanel("agency_en"), FieldPanel("address_en"),
             FieldPanel("responsible_person_en"), FieldPanel("licence_en")],
            heading=_("Trên các trang tiếng Anh"),
        ),
    ]

    class Meta:
        verbose_name = _("thông tin liên hệ của Cổng")
        verbose_name_plural = _("thông tin liên hệ của Cổng")

    @property
    def is_filled(self) -> bool:
        return any([self.agency, self.address, self.phone, self.fax, self.email, self.hotline,
                    self.responsible_person, self.licence])
