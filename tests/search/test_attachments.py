"""The text of attached PDFs is searched (issue #18): read once in the background after
upload, size-capped, found with its match in the snippet, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from django_tenants.utils import schema_context

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model

from demo.pdf import make_pdf
from legaldocs.models import LegalDocumentAttachment
from search import attachments
from search.backends.base import SearchQuery
from search.indexing import rebuild_portal
from search.models import AttachmentText
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

PHRASE = "Điều 7. Mức hỗ trợ giống cây sâm Lai Châu cho hộ nghèo ở xã Tà Tổng"


def _upload(name: str, content: bytes):
    document = get_document_model()(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def _pdf() -> bytes:
    return make_pdf("Nghị quyết về giống cây trồng", ["Điều 1. Phạm vi điều chỉnh.", PHRASE])


def _page_with(document, number="33/2025/NQ-HĐND"):
    page = LegalDocumentPageFactory(
        number=number, doc_type="nghi-quyet", issue_date=date(2025, 5, 5),
        summary="Chính sách hỗ trợ giống cây trồng.",
    )
    LegalDocumentAttachment.objects.create(page=page, document=document, label="Toàn văn")
    page.save_revision().publish()
    return page


def test_a_pdf_uploaded_is_read_once_and_its_text_found(
    portal_a, django_capture_on_commit_callbacks
):
    with schema_context(portal_a.schema_name), django_capture_on_commit_callbacks(execute=True):
        document = _upload("nq-33.pdf", _pdf())
    stored = AttachmentText.objects.get(portal=portal_a.schema_name, document_id=document.pk)
    assert stored.outcome == "ok" and "sam Lai Chau" in stored.text
    with schema_context(portal_a.schema_name), django_capture_on_commit_callbacks(execute=True):
        page = _page_with(document)
    response = client_for(portal_a).get("/tim-kiem/", {"q": "giống cây sâm Lai Châu hộ nghèo"})
    hits = response.context["hits"]
    assert [h.facets["number"] for h in hits] == [page.number]
    # The words are marked where the PDF has them (its text is unaccented: no Vietnamese
    # glyphs in the test PDF's font).
    assert "<mark>sam</mark> <mark>Lai</mark> <mark>Chau</mark>" in str(hits[0].snippet_html)


def test_text_read_after_publishing_reaches_the_page(portal_a, django_capture_on_commit_callbacks):
    with schema_context(portal_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            document = _upload("nq-34.pdf", _pdf())
        AttachmentText.objects.all().delete()  # as if the job had not run yet
        with django_capture_on_commit_callbacks(execute=True):
            page = _page_with(document, "34/2025/NQ-HĐND")
    assert not client_for(portal_a).get("/tim-kiem/", {"q": "Ta Tong"}).context["hits"]
    with schema_context(portal_a.schema_name):
        assert attachments.extract_text.call(document.pk) == "ok"
    hits = client_for(portal_a).get("/tim-kiem/", {"q": "Ta Tong ho ngheo"}).context["hits"]
    assert [h.facets["number"] for h in hits] == [page.number]


def test_large_and_other_files_are_not_read(portal_a, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(attachments, "MAX_FILE_BYTES", 100)
    with schema_context(portal_a.schema_name), django_capture_on_commit_callbacks(execute=True):
        large = _upload("lon.pdf", _pdf())
        other = _upload("bang.txt", "sâm Lai Châu".encode())
    rows = AttachmentText.objects.filter(portal=portal_a.schema_name)
    outcomes = dict(rows.values_list("document_id", "outcome"))
    assert outcomes == {large.pk: "too-large", other.pk: "not-pdf"}


def test_pdf_text_on_the_search_server(server_backend, portal_a, django_capture_on_commit_callbacks):
    with schema_context(portal_a.schema_name), django_capture_on_commit_callbacks(execute=True):
        page = _page_with(_upload("nq-35.pdf", _pdf()), "35/2025/NQ-HĐND")
    rebuild_portal(portal_a)
    results = server_backend.search(SearchQuery(text="sam Lai Chau ho ngheo", portal=portal_a.schema_name))
    assert [h.facets["number"] for h in results.hits] == [page.number]
    assert "<mark>" in str(results.hits[0].snippet_html)
