"""Direction and administration (Decree 43 art. 10 c) and law dissemination (art. 10 d).

Import direction: direction → legaldocs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import DraftStateMixin, Orderable, Page, RevisionMixin, WorkflowMixin
from wagtail.search import index

from core.blocks import RICH_TEXT_FEATURES, BodyBlock
from core.listing import FeedItem, Listing, SectionIndexPage
from core.models import NFCTextMixin
from deadlines import rules
from deadlines.clocks import KeptCurrent, PostingClock
from legaldocs.models import validate_document_number

WEEK_PARAM = "tuan"
KIND_PARAM = "loai"


# --- Schedules ------------------------------------------------------------------------------


class ScheduleEntry(NFCTextMixin, WorkflowMixin, DraftStateMixin, RevisionMixin, models.Model):
    """One dated item of the leaders' work schedule or the citizen-reception schedule.

    Citizens read it, so like a page it is a draft until the board approves it (the board's
    workflow covers it: editors submit, approvers publish).
    """

    class Kind(models.TextChoices):
        WORK = "cong-tac", _("Lịch công tác của lãnh đạo")
        RECEPTION = "tiep-cong-dan", _("Lịch tiếp công dân")

    kind = models.CharField(_("loại lịch"), max_length=20, choices=Kind.choices, default=Kind.WORK)
    date = models.DateField(_("ngày"), db_index=True)
    start_time = models.TimeField(_("giờ bắt đầu"), null=True, blank=True)
    end_time = models.TimeField(_("giờ kết thúc"), null=True, blank=True)
    leader = models.CharField(
        _("lãnh đạo chủ trì / tiếp công dân"), max_length=255, blank=True,
        help_text=_("Ví dụ: Đồng chí Nguyễn Văn A – Chủ tịch UBND tỉnh"),
    )
    content = models.TextField(_("nội dung"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    participants = models.TextField(_("thành phần"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="scheduleentry")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="scheduleentry",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time"), FieldPanel("end_time")]),
        FieldPanel("leader"),
        FieldPanel("content"),
        FieldPanel("place"),
        FieldPanel("participants"),
    ]

    class Meta:
        ordering = ["date", "start_time", "pk"]
        verbose_name = _("mục lịch")
        verbose_name_plural = _("lịch công tác, lịch tiếp công dân")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} – {self.content[:60]}"

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.start_time and self.end_time and self.end_time < self.start_time:
            raise ValidationError({"end_time": _("Giờ kết thúc phải sau giờ bắt đầu.")})

    @property
    def revisions(self):
        return self._revisions


@dataclass
class Week:
    """An ISO week (Monday to Sunday), addressed in URLs as `2026-W03`."""

    monday: datetime.date

    @classmethod
    def containing(cls, day: datetime.date) -> Week:
        return cls(day - datetime.timedelta(days=day.weekday()))

    @classmethod
    def parse(cls, value: str | None, default: datetime.date) -> Week:
        try:
            year, week = (value or "").upper().split("-W")
            return cls(datetime.date.fromisocalendar(int(year), int(week), 1))
        except (ValueError, TypeError):
            return cls.containing(default)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def key(self) -> str:
        year, week, _day = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def previous(self) -> Week:
        return Week(self.monday - datetime.timedelta(days=7))

    @property
    def next(self) -> Week:
        return Week(self.monday + datetime.timedelta(days=7))

    def days(self) -> list[datetime.date]:
        return [self.monday + datetime.timedelta(days=i) for i in range(7)]


WEEKDAYS = [
    _("Thứ Hai"), _("Thứ Ba"), _("Thứ Tư"), _("Thứ Năm"), _("Thứ Sáu"), _("Thứ Bảy"), _("Chủ Nhật"),
]


def week_schedule(kind: str, week: Week) -> list[dict]:
    """The week's days, each with its entries of `kind`."""
    entries = ScheduleEntry.objects.filter(
        live=True, kind=kind, date__range=(week.monday, week.sunday)
    )
    by_day: dict[datetime.date, list[ScheduleEntry]] = {}
    for entry in entries:
        by_day.setdefault(entry.date, []).append(entry)
    return [
        {"date": day, "weekday": WEEKDAYS[day.weekday()], "entries": by_day.get(day, [])}
        for day in week.days()
    ]


# --- Direction and administration -----------------------------------------------------------


class DirectionIndexPage(SectionIndexPage):
    """Chỉ đạo, điều hành: directives, petition responses, rewards/penalties, schedules."""

    subpage_types = [
        "direction.DirectivePage", "direction.PetitionResponsePage",
        "direction.EnterpriseSanctionPage",
    ]
    per_page = 15
    kept_current = KeptCurrent()  # Decree 43 art. 10 c

    class Meta:
        verbose_name = _("chuyên trang chỉ đạo, điều hành")
        verbose_name_plural = _("chuyên trang chỉ đạo, điều hành")

    @staticmethod
    def kinds() -> dict[str, type[Page]]:
        return {
            "chi-dao": DirectivePage,
            "tra-loi-kien-nghi": PetitionResponsePage,
            "khen-thuong-xu-phat": EnterpriseSanctionPage,
        }

    def listing(self, request: HttpRequest) -> Listing:
        """The items of the selected kind (`?loai=`, or all), newest first, and this week's
        work schedule."""
        kinds = self.kinds()
        kind = request.GET.get(KIND_PARAM, "")
        items = self.get_children().live().public().specific()
        if kind in kinds:
            items = items.type(kinds[kind])
        else:
            kind = ""
        return Listing(
            items.order_by("-first_published_at", "-pk"),
            {
                "kind": kind,
                "kind_choices": [
                    (key, model._meta.verbose_name_plural) for key, model in kinds.items()
                ],
                "kind_param": KIND_PARAM,
                "this_week": week_schedule(
                    ScheduleEntry.Kind.WORK, Week.containing(timezone.localdate())
                ),
            },
        )

    def feed_item(self, item: Page, request: HttpRequest) -> FeedItem:
        if isinstance(item, EnterpriseSanctionPage):
            description = f"{item.decision_number}: {item.enterprise} – {item.measure}"
        elif isinstance(item, PetitionResponsePage):
            description = item.petition
        else:
            description = getattr(item, "summary", "")
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=description,
            pubdate=item.first_published_at, categories=(str(item._meta.verbose_name),),
        )

    def _schedule(self, request: HttpRequest, kind: str) -> HttpResponse:
        week = Week.parse(request.GET.get(WEEK_PARAM), timezone.localdate())
        return self.render(
            request,
            template="direction/schedule_week.html",
            context_overrides={
                "schedule_kind": ScheduleEntry.Kind(kind),
                "week": week,
                "days": week_schedule(kind, week),
                "week_param": WEEK_PARAM,
            },
        )

    @path("lich-cong-tac/")
    def work_schedule(self, request: HttpRequest) -> HttpResponse:
        return self._schedule(request, ScheduleEntry.Kind.WORK)

    @path("lich-tiep-cong-dan/")
    def reception_schedule(self, request: HttpRequest) -> HttpResponse:
        return self._schedule(request, ScheduleEntry.Kind.RECEPTION)


def _document_panel(name: str) -> PageChooserPanel:
    return PageChooserPanel(name, "legaldocs.LegalDocumentPage")


class DirectivePage(NFCTextMixin, Page):
    """Văn bản chỉ đạo, điều hành: a directive, linked to the document that carries it."""

    date = models.DateField(_("ngày ban hành"), default=datetime.date.today)
    summary = models.TextField(_("trích yếu"), max_length=2000)
    document = models.ForeignKey(
        "legaldocs.LegalDocumentPage", verbose_name=_("văn bản"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="directives",
    )
    body = RichTextField(_("nội dung"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("date"), FieldPanel("summary"), _document_panel("document"), FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["direction.DirectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("chỉ đạo, điều hành")
        verbose_name_plural = _("văn bản chỉ đạo, điều hành")


class PetitionResponsePage(NFCTextMixin, Page):
    """Trả lời kiến nghị của tổ chức, công dân."""

    petitioner = models.CharField(
        _("tổ chức, công dân kiến nghị"), max_length=255, blank=True,
        help_text=_("Chỉ ghi tên tổ chức hoặc cách gọi chung (ví dụ “Cử tri xã…”); "
                    "không công bố thông tin cá nhân."),
    )
    petition_date = models.DateField(_("ngày nhận kiến nghị"), null=True, blank=True)
    petition = models.TextField(_("nội dung kiến nghị"))
    responder = models.CharField(_("cơ quan trả lời"), max_length=255)
    response_date = models.DateField(_("ngày trả lời"), default=datetime.date.today)
    response = RichTextField(_("nội dung trả lời"), features=RICH_TEXT_FEATURES)
    document = models.ForeignKey(
        "legaldocs.LegalDocumentPage", verbose_name=_("văn bản trả lời"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="petition_responses",
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("petitioner"), FieldPanel("petition_date")]),
             FieldPanel("petition")],
            heading=_("Kiến nghị"),
        ),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("responder"), FieldPanel("response_date")]),
             FieldPanel("response"), _document_panel("document")],
            heading=_("Trả lời"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("petition"), index.SearchField("response"),
    ]

    parent_page_types = ["direction.DirectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("trả lời kiến nghị")
        verbose_name_plural = _("trả lời kiến nghị của tổ chức, công dân")

    def clean(self) -> None:
        super().clean()
        if self.petition_date and self.response_date and self.response_date < self.petition_date:
            raise ValidationError(
                {"response_date": _("Ngày trả lời phải sau ngày nhận kiến nghị.")}
            )


class EnterpriseSanctionPage(NFCTextMixin, Page):
    """Khen thưởng hoặc xử phạt doanh nghiệp."""

    class Kind(models.TextChoices):
        REWARD = "khen-thuong", _("Khen thưởng")
        PENALTY = "xu-phat", _("Xử phạt")

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    enterprise = models.CharField(_("tên doanh nghiệp"), max_length=255)
    tax_code = models.CharField(_("mã số doanh nghiệp"), max_length=20, blank=True)
    address = models.CharField(_("địa chỉ trụ sở"), max_length=255, blank=True)
    decision_number = models.CharField(
        _("số quyết định"), max_length=60, validators=[validate_document_number]
    )
    decision_date = models.DateField(_("ngày quyết định"))
    measure = models.CharField(
        _("hình thức"), max_length=255,
        help_text=_("Ví dụ: “Bằng khen của Chủ tịch UBND tỉnh”, “Phạt tiền 30.000.000 đồng”."),
    )
    reason = models.TextField(_("lý do / thành tích, hành vi vi phạm"))
    document = models.ForeignKey(
        "legaldocs.LegalDocumentPage", verbose_name=_("văn bản quyết định"), null=True,
        blank=True, on_delete=models.SET_NULL, related_name="enterprise_decisions",
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("enterprise"), FieldPanel("tax_code")]),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("decision_number"), FieldPanel("decision_date")]),
        FieldPanel("measure"),
        FieldPanel("reason"),
        _document_panel("document"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("enterprise"), index.SearchField("decision_number"),
        index.SearchField("reason"),
    ]

    parent_page_types = ["direction.DirectionIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("khen thưởng, xử phạt doanh nghiệp")
        verbose_name_plural = _("khen thưởng, xử phạt doanh nghiệp")


# --- Law dissemination ----------------------------------------------------------------------


class LawDisseminationIndexPage(SectionIndexPage):
    """Phổ biến, hướng dẫn thực hiện pháp luật, chế độ, chính sách."""

    subpage_types = ["direction.LawDisseminationPage"]

    class Meta:
        verbose_name = _("chuyên trang phổ biến pháp luật")
        verbose_name_plural = _("chuyên trang phổ biến pháp luật")

    def listing(self, request: HttpRequest) -> Listing:
        return Listing(
            LawDisseminationPage.objects.child_of(self).live().public().order_by("-date", "-pk")
        )

    def feed_item(self, item: LawDisseminationPage, request: HttpRequest) -> FeedItem:
        return FeedItem(
            title=item.title, link=item.get_full_url(request), description=item.summary,
            pubdate=item.first_published_at or item.date,
        )


class LawDisseminationPage(NFCTextMixin, Page):
    """An article explaining laws and policies, linked to the documents it explains."""

    date = models.DateField(_("ngày đăng"), default=datetime.date.today)
    summary = models.TextField(_("tóm tắt"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("explained_documents", label=_("Văn bản được phổ biến"),
                    heading=_("Văn bản được phổ biến")),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    parent_page_types = ["direction.LawDisseminationIndexPage"]
    subpage_types: list[str] = []

    # Due 15 (Lai Châu: 12) working days after the document it explains was issued.
    posting_clock = PostingClock(rule=rules.LAW_DISSEMINATION, event="explained_issue_date")

    class Meta:
        verbose_name = _("bài phổ biến pháp luật")
        verbose_name_plural = _("bài phổ biến pháp luật")

    @property
    def explained_issue_date(self) -> datetime.date | None:
        """The issue date of the newest document the article explains: an article about a
        new law and the older ones it builds on is due after the new one."""
        dates = [
            link.document.issue_date for link in self.explained_documents.all()
            if link.document_id and link.document.issue_date
        ]
        return max(dates) if dates else None


class LawDisseminationDocument(Orderable):
    page = ParentalKey(
        LawDisseminationPage, on_delete=models.CASCADE, related_name="explained_documents"
    )
    document = models.ForeignKey(
        "legaldocs.LegalDocumentPage", verbose_name=_("văn bản"), on_delete=models.CASCADE,
        related_name="dissemination_links",
    )

    panels = [_document_panel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản được phổ biến")
        verbose_name_plural = _("văn bản được phổ biến")
