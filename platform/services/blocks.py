"""The usage guide of a public service: the parts a procedure's record has in the national
database of administrative procedures, each rendered under its own heading."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from core.blocks import TEMPLATES, ParagraphBlock


class GuideSectionBlock(ParagraphBlock):
    """Rich text shown under a heading that is the block's label ("Trình tự thực hiện"),
    so editors pick the part instead of typing its heading."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["heading"] = self.label
        return context

    class Meta:
        icon = "list-ol"
        template = TEMPLATES + "guide_section.html"
        description = _("Một phần của hướng dẫn thực hiện thủ tục")


class OtherSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("tiêu đề mục"))
    body = ParagraphBlock(label=_("nội dung"))

    class Meta:
        icon = "doc-full"
        template = TEMPLATES + "other_section.html"
        label = _("Mục khác")
        description = _("Một mục hướng dẫn có tiêu đề do biên tập viên đặt")
        preview_value = {"heading": "Lưu ý", "body": "<p>Mang theo bản chính để đối chiếu.</p>"}


class GuideBlock(blocks.StreamBlock):
    steps = GuideSectionBlock(label=_("Trình tự thực hiện"))
    method = GuideSectionBlock(label=_("Cách thức thực hiện"))
    dossier = GuideSectionBlock(label=_("Thành phần, số lượng hồ sơ"))
    requirements = GuideSectionBlock(label=_("Yêu cầu, điều kiện thực hiện"))
    result = GuideSectionBlock(label=_("Kết quả thực hiện"))
    legal_basis = GuideSectionBlock(label=_("Căn cứ pháp lý"))
    other = OtherSectionBlock()
