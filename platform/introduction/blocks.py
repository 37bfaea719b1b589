"""StreamField blocks shared by the mandated content sections.

Kept deliberately small: each block definition is copied into every migration of every
field that uses it. Block templates live in themes/base/templates/introduction/blocks/.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]

TEMPLATES = "introduction/blocks/"


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = TEMPLATES + "heading.html"
        label = _("Tiêu đề mục")
        description = _("Tiêu đề của một mục trong bài")
        preview_value = "Chức năng, nhiệm vụ"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = TEMPLATES + "paragraph.html"
        label = _("Đoạn văn")
        description = _("Văn bản có định dạng")
        preview_value = (
            "<p>Tham mưu, giúp Ủy ban nhân dân quản lý nhà nước về lĩnh vực được giao.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    alt = blocks.CharBlock(
        label=_("mô tả ảnh cho người khiếm thị"), required=False,
        help_text=_("Để trống thì dùng mô tả của ảnh trong thư viện."),
    )
    caption = blocks.CharBlock(label=_("chú thích"), required=False)

    class Meta:
        icon = "image"
        template = TEMPLATES + "image.html"
        label = _("Ảnh")
        description = _("Ảnh có chú thích")


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tệp"))
    label = blocks.CharBlock(
        label=_("tên hiển thị"), required=False,
        help_text=_("Để trống thì dùng tên của tệp trong thư viện."),
    )

    class Meta:
        icon = "doc-full"
        template = TEMPLATES + "attachment.html"
        label = _("Tệp đính kèm")
        description = _("Tệp để người đọc tải về")


class ContentBlock(blocks.StreamBlock):
    """The shared body of the introduction pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    attachment = AttachmentBlock()

    class Meta:
        template = TEMPLATES + "content.html"


class AttachmentsBlock(blocks.StreamBlock):
    """Files attached to an item (decisions, plans, data tables)."""

    attachment = AttachmentBlock()

    class Meta:
        template = TEMPLATES + "attachments.html"


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


class HistoryBlock(ContentBlock):
    place = PlaceBlock()
