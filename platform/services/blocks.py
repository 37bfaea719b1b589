"""The usage guide of a public service: the parts a procedure's record has in the national
database of administrative procedures, each rendered under its own heading."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from introduction.blocks import RICH_TEXT_FEATURES

TEMPLATES = "services/blocks/"


class GuideSectionBlock(blocks.RichTextBlock):
    """Rich text shown under a heading that is the block's label ("Trình tự thực hiện"),
    so editors pick the part instead of typing its heading."""

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.label
        return context

    class Meta:
        icon = "list-ol"
        template = TEMPLATES + "guide_section.html"


class OtherSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề mục"))
    body = blocks.RichTextBlock(label=_("nội dung"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        template = TEMPLATES + "other_section.html"
        label = _("Mục khác")


class GuideBlock(blocks.StreamBlock):
    steps = GuideSectionBlock(label=_("Trình tự thực hiện"))
    method = GuideSectionBlock(label=_("Cách thức thực hiện"))
    dossier = GuideSectionBlock(label=_("Thành phần, số lượng hồ sơ"))
    requirements = GuideSectionBlock(label=_("Yêu cầu, điều kiện thực hiện"))
    result = GuideSectionBlock(label=_("Kết quả thực hiện"))
    legal_basis = GuideSectionBlock(label=_("Căn cứ pháp lý"))
    other = OtherSectionBlock()
