"""The text of uploaded PDFs, for search (issue #18).

A document uploaded to a portal (Wagtail's document model) is read once, in the background
(`extract_text`, a job of `tenants.jobs` enqueued when the document is saved with a new
file), capped in size, and its text kept in `AttachmentText`. A page model searches the text
of the documents it attaches by listing a method in its `search_fields` that returns
`attachment_text(documents)`; when the text arrives after the page was published, the pages
referring to the document (Wagtail's reference index) are indexed again.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from django.db import connection

from core.text import nfc
from tenants.jobs import portal_job

from .models import AttachmentText

log = logging.getLogger(__name__)

# Files larger than this are not read (a scanned gazette can be hundreds of megabytes).
MAX_FILE_BYTES = 20 * 1024 * 1024
# Pages read, and characters kept, at most per document.
MAX_PAGES = 200
MAX_TEXT_CHARS = 60_000


def attachment_text(documents: Iterable) -> str:
    """The extracted text of `documents` (Wagtail documents, or their ids) of this portal."""
    ids = [getattr(d, "pk", d) for d in documents]
    if not ids:
        return ""
    texts = AttachmentText.objects.filter(portal=connection.schema_name, document_id__in=ids)
    return " ".join(texts.values_list("text", flat=True))


def read_pdf(file) -> str:
    """The text of a PDF file object, at most MAX_PAGES pages and MAX_TEXT_CHARS characters."""
    from pypdf import PdfReader

    reader = PdfReader(file)
    parts: list[str] = []
    size = 0
    for page in reader.pages[:MAX_PAGES]:
        text = " ".join((page.extract_text() or "").split())
        parts.append(text)
        size += len(text) + 1
        if size >= MAX_TEXT_CHARS:
            break
    return nfc(" ".join(parts))[:MAX_TEXT_CHARS]


@portal_job(max_attempts=3, backoff=60)
def extract_text(document_id: int) -> str:
    """Read the document's PDF and keep its text; reindex the pages that attach it."""
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        AttachmentText.objects.filter(portal=connection.schema_name, document_id=document_id).delete()
        return "gone"
    done = AttachmentText.objects.filter(portal=connection.schema_name, document_id=document_id).first()
    if done is not None and document.file_hash and done.file_hash == document.file_hash:
        return "unchanged"  # the same file saved again (a new title): read once
    text, outcome = "", "ok"
    if document.file_extension.lower() != "pdf":
        outcome = "not-pdf"
    elif (document.file_size or document.file.size) > MAX_FILE_BYTES:
        outcome = "too-large"
    else:
        try:
            with document.open_file() as file:
                text = read_pdf(file)
        except Exception:  # a damaged or encrypted PDF must not fail the upload's job forever
            log.warning("search: could not read the text of document %s", document_id, exc_info=True)
            outcome = "unreadable"
    AttachmentText.objects.update_or_create(
        portal=connection.schema_name, document_id=document_id,
        defaults={"text": text, "outcome": outcome, "file_hash": document.file_hash or ""},
    )
    _reindex_pages_using(document)
    return outcome


def _reindex_pages_using(document) -> None:
    from wagtail.models import Page, ReferenceIndex

    from . import indexing

    references = ReferenceIndex.get_references_to(document)
    page_ids = {
        int(ref.object_id) for ref in references
        if ref.base_content_type.model_class() is not None
        and issubclass(ref.base_content_type.model_class(), Page)
    }
    for page in Page.objects.filter(pk__in=page_ids):
        indexing.index_page(page)
