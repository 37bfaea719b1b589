"""News and events (Decree 43 art. 10 b): categories, the news section and its articles."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.blocks import BodyBlock
from core.listing import FeedItem, Listing, SectionIndexPage
from core.models import Label, NFCTextMixin
from deadlines.clocks import KeptCurrent
from search.facets import RelatedFacet

CATEGORY_PARAM = "chuyen-muc"


class NewsCategory(Label):
    """Chuyên mục tin: each portal keeps its own list."""

    class Meta(Label.Meta):
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")


class NewsIndexPage(SectionIndexPage):
    """Tin tức – Sự kiện: the section page listing its articles, newest first, by category
    (`?chuyen-muc=`; an unknown category is a 404)."""

    subpage_types = ["news.NewsArticlePage"]
    kept_current = KeptCurrent()  # Decree 43 art. 10 b

    class Meta:
        verbose_name = _("chuyên trang tin tức – sự kiện")
        verbose_name_plural = _("chuyên trang tin tức – sự kiện")

    def articles(self):
        return (
            NewsArticlePage.objects.child_of(self).live().public()
            .select_related("category", "featured_image")
            .order_by("-publish_date", "-pk")
        )

    def _selected_category(self, request: HttpRequest) -> NewsCategory | None:
        slug = request.GET.get(CATEGORY_PARAM, "").strip()
        if not slug:
            return None
        return get_object_or_404(NewsCategory, slug=slug)

    def listing(self, request: HttpRequest) -> Listing:
        category = self._selected_category(request)
        articles = self.articles()
        if category is not None:
            articles = articles.filter(category=category)
        return Listing(
            articles,
            {
                "categories": NewsCategory.objects.all(),
                "category": category,
                "category_param": CATEGORY_PARAM,
            },
        )

    def feed_item(self, item: NewsArticlePage, request: HttpRequest) -> FeedItem:
        return FeedItem(
            title=item.title,
            link=item.get_full_url(request),
            description=item.summary,
            pubdate=item.publish_date,
            categories=(item.category.name,) if item.category else (),
        )


class NewsArticlePage(NFCTextMixin, RoutablePageMixin, Page):
    """Một tin bài. Reused content must cite its source (Lai Châu art. 5.3)."""

    category = models.ForeignKey(
        NewsCategory, verbose_name=_("chuyên mục"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="articles",
    )
    publish_date = models.DateTimeField(_("ngày đăng"), default=timezone.now, db_index=True)
    featured_image = models.ForeignKey(
        "wagtailimages.Image", verbose_name=_("ảnh đại diện"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    summary = models.TextField(_("tóm tắt (sapo)"), max_length=1000)
    body = StreamField(BodyBlock(), verbose_name=_("nội dung"), blank=True)

    is_reused = models.BooleanField(
        _("tin bài sử dụng lại từ nguồn khác"), default=False,
        help_text=_("Khi đánh dấu, phải ghi đủ nguồn, tác giả, ngày đăng gốc và liên kết."),
    )
    source_name = models.CharField(_("nguồn tin gốc"), max_length=255, blank=True)
    source_author = models.CharField(_("tác giả"), max_length=255, blank=True)
    source_date = models.DateField(_("ngày đăng gốc"), null=True, blank=True)
    source_url = models.URLField(_("liên kết bài gốc"), max_length=500, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category"), FieldPanel("publish_date")]),
        FieldPanel("featured_image"),
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("is_reused"),
                FieldRowPanel([FieldPanel("source_name"), FieldPanel("source_author")]),
                FieldRowPanel([FieldPanel("source_date"), FieldPanel("source_url")]),
            ],
            heading=_("Trích dẫn nguồn"),
        ),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("publish_date"),
    ]
    # Kept in the search index; not offered as a filter on the search page.
    search_facets = [RelatedFacet("category")]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    SOURCE_FIELDS = ("source_name", "source_author", "source_date", "source_url")

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def clean(self) -> None:
        super().clean()
        if self.is_reused:
            missing = {
                name: _("Tin bài sử dụng lại phải ghi trường này.")
                for name in self.SOURCE_FIELDS
                if not getattr(self, name)
            }
            if missing:
                missing["is_reused"] = _(
                    "Tin bài sử dụng lại phải ghi rõ nguồn, tác giả, ngày đăng gốc và liên kết "
                    "đến bài gốc."
                )
                raise ValidationError(missing)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["print_view"] = request.GET.get("in") == "1"
        return context

    @path("")
    def article(self, request: HttpRequest) -> HttpResponse:
        if request.GET.get("in") == "1":
            return self.print_view(request)
        return self.render(request)

    @path("in/")
    def print_view(self, request: HttpRequest) -> HttpResponse:
        return self.render(
            request, template="news/news_article_page_print.html",
            context_overrides={"print_view": True},
        )
