"""The shared search table (public schema): one row per indexed item of every portal.

The table, its text-search vectors (`folded`: diacritics removed with the `vi_unaccent`
configuration; `exact`: as written) and its indexes are created by migration 0001 in SQL;
the vectors are generated columns, so this model leaves them out and Django never writes
them. Rows are written by `search.backends.postgres`, not through this model; the model
is for reading and for tests.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchDocument(models.Model):
    # "<schema>:<app_label.model>:<pk>": pks repeat across schemas.
    id = models.TextField(primary_key=True)
    portal = models.CharField(max_length=63)  # the portal's schema
    portal_code = models.CharField(max_length=40)
    portal_name = models.TextField()
    portal_kind = models.CharField(max_length=20)
    content_type = models.CharField(max_length=100)  # "news.newsarticlepage"
    type_label = models.TextField(default="")
    object_id = models.BigIntegerField()
    title = models.TextField()
    summary = models.TextField(default="")
    body = models.TextField(default="")
    url = models.TextField()  # absolute, on the portal's primary domain
    language = models.CharField(max_length=10, default="vi")
    date = models.DateTimeField(null=True)
    facets = models.JSONField(default=dict)
    title_folded = models.TextField(default="")
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        managed = False
        db_table = "search_document"

    def __str__(self) -> str:
        return self.id


# What a new portal starts with: the abbreviations citizens and officials use interchangeably.
DEFAULT_SYNONYMS = """UBND, Ủy ban nhân dân
HĐND, Hội đồng nhân dân
CCHC, cải cách hành chính
CĐS, chuyển đổi số
DVC, dịch vụ công
TTHC, thủ tục hành chính
BHYT, bảo hiểm y tế
THCS, trung học cơ sở
THPT, trung học phổ thông"""


class SearchTuning(models.Model):
    """A portal's own search words (public schema, one row per portal, read and written only
    for the current schema): synonyms, applied when searching (each group's words find one
    another), and best bets, pages its board pins above the results for a query."""

    portal = models.CharField(max_length=63, unique=True)  # the portal's schema
    synonyms = models.TextField(
        _("từ đồng nghĩa"), blank=True, default=DEFAULT_SYNONYMS,
        help_text=_("Mỗi dòng một nhóm từ cùng nghĩa, cách nhau bằng dấu phẩy. Ví dụ: "
                    "“UBND, Ủy ban nhân dân”."),
    )
    best_bets = models.TextField(
        _("kết quả được đề xuất"), blank=True, default="",
        help_text=_("Mỗi dòng: từ khóa, các từ khóa khác => đường dẫn trang trên Cổng. Ví dụ: "
                    "“học phí, miễn học phí => /van-ban/12-2025-nq-hdnd/”."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("từ khóa tìm kiếm")
        verbose_name_plural = _("từ khóa tìm kiếm")

    def __str__(self) -> str:
        return self.portal


class AttachmentText(models.Model):
    """The text of a portal's uploaded document (a Wagtail document: a PDF), extracted once
    in the background after upload (`search.attachments`), searched with the pages that
    attach it. Public table, one row per (portal schema, document)."""

    portal = models.CharField(max_length=63)
    document_id = models.BigIntegerField()
    file_hash = models.CharField(max_length=40, default="")  # of the file read
    text = models.TextField(default="")
    # What the extraction found: "ok", "too-large", "not-pdf", "unreadable".
    outcome = models.CharField(max_length=20, default="ok")
    extracted_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["portal", "document_id"], name="attachment_text_once")
        ]

    def __str__(self) -> str:
        return f"{self.portal}:{self.document_id}"


class IndexedPortal(models.Model):
    """That the shared index holds a portal's pages as the code of this release writes them
    (`search.indexing.INDEX_FORMAT`). Written when a portal is created (it has nothing
    indexed yet) and after each rebuild of it; a portal without a row in the current index,
    or with an older format, is rebuilt by `search_index rebuild --stale` after an upgrade.
    Public table, one row per (portal schema, index)."""

    portal = models.CharField(max_length=63)
    # The backend and its index ("postgres", "opensearch:cong"): a switch of backend starts
    # from nothing.
    index = models.CharField(max_length=200)
    format = models.PositiveSmallIntegerField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["portal", "index"], name="indexed_portal_once")
        ]

    def __str__(self) -> str:
        return f"{self.portal}@{self.index}: {self.format}"
