"""The StreamField block library every section builds on.

One rich-text feature list, one heading block, one image, one quote, one attachment, one
table, and the two shared streams: `BodyBlock` (the body of an article or an introduction
page) and `AttachmentsBlock` (the files of an item). A section that needs more (the places
of the history page, the parts of a service's guide) adds its blocks in its own `blocks.py`,
built on these. Templates live in one tree, themes/base/templates/blocks/.

Blocks carry their configuration in their class (features, icon, template), so a migration
records a block by its path instead of copying its settings into every field that uses it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block import blocks as table_blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Every page shows its title as the one h1; what editors write sits below it. The heading
# block is an h2 and rich text offers h2 and h3 only, so no body, intro or guide can skip a
# level under the h1 (an h3 straight under the h1 would), whatever the page type.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]

TEMPLATES = "blocks/"


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
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=255)
    alt = blocks.CharBlock(
        label=_("mô tả ảnh cho người khiếm thị"), required=False, max_length=255,
        help_text=_("Để trống thì dùng mô tả của ảnh trong thư viện."),
    )

    class Meta:
        icon = "image"
        template = TEMPLATES + "image.html"
        label = _("Ảnh")
        description = _("Ảnh có chú thích")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người nói / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = TEMPLATES + "quote.html"
        label = _("Trích dẫn")
        description = _("Lời trích dẫn, có ghi người nói")
        preview_value = {
            "text": "Lấy người dân, doanh nghiệp làm trung tâm phục vụ.",
            "attribution": "Chủ tịch UBND tỉnh",
        }


class AttachmentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tệp"))
    label = blocks.CharBlock(
        label=_("tên hiển thị"), required=False, max_length=255,
        help_text=_("Để trống thì dùng tên của tệp trong thư viện."),
    )

    class Meta:
        icon = "doc-full"
        template = TEMPLATES + "attachment.html"
        label = _("Tệp đính kèm")
        description = _("Tệp để người đọc tải về (PDF, Word, Excel…)")


class TableBlock(table_blocks.TableBlock):
    class Meta:
        icon = "table"
        template = TEMPLATES + "table.html"
        label = _("Bảng")
        description = _("Bảng số liệu")
        preview_value = {
            "data": [["Chỉ tiêu", "Năm 2025"], ["Hồ sơ trực tuyến", "92%"]],
            "table_header_choice": "row",
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "table_caption": "",
        }


class BodyBlock(blocks.StreamBlock):
    """The body of an article or an introduction page."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = ImageBlock()
    quote = QuoteBlock()
    attachment = AttachmentBlock()
    table = TableBlock()

    class Meta:
        label = _("Nội dung")
        template = TEMPLATES + "body.html"


class AttachmentsBlock(blocks.StreamBlock):
    """The files of an item (decisions, plans, data tables), listed under their own heading."""

    attachment = AttachmentBlock()

    class Meta:
        label = _("Tệp đính kèm")
        template = TEMPLATES + "attachments.html"
