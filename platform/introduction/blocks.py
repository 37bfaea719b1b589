"""Blocks of section a beyond the core library: the places of the history and culture page."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from core.blocks import (
    TEMPLATES,
    BodyBlock,
    HeadingBlock,  # noqa: F401  named by migrations
    ParagraphBlock,  # noqa: F401  named by migrations
)


class PlaceBlock(blocks.StructBlock):
    """A relic, a scenic spot or a festival on the history and culture page."""

    KINDS = [
        ("di-tich-lich-su", _("Di tích lịch sử")),
        ("di-tich-van-hoa", _("Di tích văn hóa, kiến trúc nghệ thuật")),
        ("danh-lam", _("Danh lam thắng cảnh")),
        ("le-hoi", _("Lễ hội, di sản phi vật thể")),
    ]
    RANKINGS = [
        ("", _("Chưa xếp hạng")),
        ("quoc-gia-dac-biet", _("Quốc gia đặc biệt")),
        ("quoc-gia", _("Cấp quốc gia")),
        ("tinh", _("Cấp tỉnh")),
    ]

    name = blocks.CharBlock(label=_("tên"))
    kind = blocks.ChoiceBlock(choices=KINDS, label=_("loại"))
    ranking = blocks.ChoiceBlock(choices=RANKINGS, required=False, label=_("xếp hạng"))
    location = blocks.CharBlock(label=_("địa điểm"), required=False)
    description = blocks.RichTextBlock(
        features=["bold", "italic", "link"], label=_("giới thiệu"), required=False
    )
    image = ImageChooserBlock(label=_("ảnh"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["kind_label"] = dict(self.KINDS).get(value.get("kind"), "")
        context["ranking_label"] = dict(self.RANKINGS).get(value.get("ranking") or "", "")
        return context

    class Meta:
        icon = "site"
        template = TEMPLATES + "place.html"
        label = _("Di tích, danh thắng")
        description = _("Một di tích, danh lam thắng cảnh hoặc lễ hội")
        preview_value = {
            "name": "Cao nguyên Sìn Hồ", "kind": "danh-lam", "ranking": "",
            "location": "Xã Sìn Hồ", "description": "<p>Khí hậu mát mẻ quanh năm.</p>",
        }


class HistoryBlock(BodyBlock):
    place = PlaceBlock()
