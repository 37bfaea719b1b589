"""The list of information to be disclosed (Danh mục thông tin phải công khai): one page per
portal, a row per item of the Access to Information Law art. 17.1 — where it is on the portal,
how it is disclosed, when it was last updated. Rows for the sections the portal has are
filled in automatically (the section's link and its latest publication); editors add rows for
what the portal does not carry itself (a notice board, the gazette, another agency's site)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Max
from django.db.models.functions import Substr
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from core.caching.pages import depends_on
from core.models import NFCTextMixin
from core.sections import registered_sections
from core.serving import PAGE_CHAIN
from tenants.current import current_portal

from .law import LAW_ITEMS, LETTERS, Method


@dataclass(frozen=True)
class Row:
    title: str  # where: the section's or the editor's title
    url: str
    method: str
    updated: dt.date | None
    automatic: bool


@dataclass(frozen=True)
class Group:
    letter: str
    title: str
    rows: list[Row]


class DisclosureListPage(NFCTextMixin, Page):
    intro = RichTextField(
        _("giới thiệu"), blank=True, features=["bold", "italic", "link"],
        help_text=_("Ví dụ: căn cứ Luật Tiếp cận thông tin năm 2016, Điều 17 và Điều 19."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", heading=_("Thông tin công khai ngoài các chuyên mục của cổng"),
                    label=_("mục")),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("danh mục thông tin phải công khai")
        verbose_name_plural = _("danh mục thông tin phải công khai")

    def completeness_content(self) -> tuple[int, dt.datetime | None]:
        """The editors' rows: the rows of the sections count in their own sections, so a new
        portal's list is empty until the board has said how it discloses the rest."""
        return self.items.count(), self.last_published_at

    def groups(self, request: HttpRequest) -> list[Group]:
        """Every item of art. 17.1, each with the sections that carry it and the editors'
        rows; an item neither fills is listed with no row (the gap is visible)."""
        # The pages along the path, kept by core.serving: the home page without a query.
        chain = getattr(request, PAGE_CHAIN, None) or []
        home = next((p for p in chain if p.depth == self.depth - 1), None) or self.get_parent()
        sections = {
            page.slug: page
            for page in Page.objects.child_of(home).live().public().only(
                "id", "path", "slug", "title", "url_path", "last_published_at", "depth"
            )
        }
        # The newest publication under each section, in one query (paths share the prefix).
        prefix_length = len(home.path) + Page.steplen
        latest = dict(
            Page.objects.live().filter(path__startswith=home.path, depth__gt=home.depth)
            .annotate(section=Substr("path", 1, prefix_length)).values("section")
            .annotate(latest=Max("last_published_at")).values_list("section", "latest")
        )
        known = {section.slug for section in registered_sections()}
        portal_method = Method.PORTAL.label
        by_letter: dict[str, list[Row]] = {item.letter: [] for item in LAW_ITEMS}
        for item in LAW_ITEMS:
            for slug in item.sections:
                page = sections.get(slug)
                if slug not in known or page is None:
                    continue
                updated = latest.get(page.path) or page.last_published_at
                by_letter[item.letter].append(Row(
                    page.title, page.get_url(request), portal_method,
                    timezone.localdate(updated) if updated else None, automatic=True,
                ))
        portal = current_portal(request)
        if portal is not None and portal.is_province:
            # The units below the province (art. 17.1.k): the directory of member portals.
            by_letter["k"].append(Row(
                str(_("Cổng thông tin thành viên")), reverse("member_directory"), portal_method,
                None, automatic=True,
            ))
        for entry in self.items.select_related("link_page"):
            url = entry.link_page.get_url(request) if entry.link_page_id else entry.link_url
            by_letter.setdefault(entry.law_item, []).append(Row(
                entry.title, url or "", entry.get_method_display(), entry.updated_on,
                automatic=False,
            ))
        return [Group(item.letter, item.title, by_letter[item.letter]) for item in LAW_ITEMS]

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["groups"] = self.groups(request)
        # Rows show every section's latest publication: purged with any page change.
        depends_on(request, "sitemap")
        return context


class DisclosureItem(NFCTextMixin, Orderable):
    """A row the editors keep: information disclosed outside the portal's own sections."""

    page = ParentalKey(DisclosureListPage, on_delete=models.CASCADE, related_name="items")
    law_item = models.CharField(_("nhóm thông tin (Điều 17 khoản 1)"), max_length=2, choices=LETTERS)
    title = models.CharField(_("tên thông tin"), max_length=255)
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("trang trên cổng"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    link_url = models.URLField(_("hoặc địa chỉ khác"), blank=True)
    method = models.CharField(
        _("hình thức công khai"), max_length=20, choices=Method.choices, default=Method.PORTAL
    )
    updated_on = models.DateField(_("ngày cập nhật"), null=True, blank=True)

    panels = [
        FieldPanel("law_item"),
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("link_page"), FieldPanel("link_url")]),
        FieldRowPanel([FieldPanel("method"), FieldPanel("updated_on")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("thông tin công khai")
        verbose_name_plural = _("thông tin công khai")

    def clean(self) -> None:
        super().clean()
        if self.method == Method.PORTAL and not (self.link_page_id or self.link_url):
            raise ValidationError(
                {"link_page": _("Thông tin đăng trên cổng phải có liên kết đến trang hoặc địa chỉ.")}
            )


class RelatedPortal(NFCTextMixin, models.Model):
    """A link to a national or related agency's portal (Decree 42/2022 art. 7): the footer of
    every page lists them. Every portal starts with the national ones (disclosure.seeding)."""

    class Group(models.TextChoices):
        NATIONAL = "quoc-gia", _("Cổng thông tin quốc gia")
        RELATED = "lien-quan", _("Cơ quan liên quan")

    name = models.CharField(_("tên cổng"), max_length=255)
    url = models.URLField(_("địa chỉ"))
    group = models.CharField(_("nhóm"), max_length=20, choices=Group.choices, default=Group.NATIONAL)
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    panels = [
        FieldPanel("name"), FieldPanel("url"),
        FieldRowPanel([FieldPanel("group"), FieldPanel("sort_order")]),
    ]

    class Meta:
        ordering = ["group", "sort_order", "name"]
        verbose_name = _("liên kết cổng thông tin")
        verbose_name_plural = _("liên kết cổng thông tin")

    def __str__(self) -> str:
        return self.name
