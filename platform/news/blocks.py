"""StreamField blocks for article bodies, shared by news and law-dissemination articles.

Kept deliberately small: every block definition is copied into each migration that
touches a StreamField using it.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

PARAGRAPH_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False, max_length=255)
    alt = blocks.CharBlock(
        label=_("văn bản thay thế"), required=False, max_length=255,
        help_text=_("Mô tả ảnh cho người khiếm thị; để trống thì dùng mô tả của ảnh."),
    )

    class Meta:
        icon = "image"
        label = _("Ảnh")
        template = "blocks/image_block.html"
        description = _("Một ảnh kèm chú thích")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người nói / nguồn"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "blocks/quote_block.html"
        description = _("Lời trích dẫn, có ghi người nói")
        preview_value = {
            "text": "Lấy người dân, doanh nghiệp làm trung tâm phục vụ.",
            "attribution": "Chủ tịch UBND tỉnh",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tệp"))
    title = blocks.CharBlock(label=_("tên hiển thị"), required=False, max_length=255)

    class Meta:
        icon = "doc-full"
        label = _("Tệp đính kèm")
        template = "blocks/document_block.html"
        description = _("Liên kết tải một tệp (PDF, Word, Excel…)")


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, label=_("Đoạn văn"), icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Văn bản có định dạng"),
        preview_value="<p>Sáng nay, Ủy ban nhân dân tỉnh tổ chức hội nghị…</p>",
    )
    image = ImageBlock()
    quote = QuoteBlock()
    document = DocumentLinkBlock()
    table = TableBlock(
        label=_("Bảng"), icon="table", description=_("Bảng số liệu"),
    )

    class Meta:
        label = _("Nội dung")
