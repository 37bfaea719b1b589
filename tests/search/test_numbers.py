"""Document numbers however citizens type them (issue #18): the number alone, number/year,
the type's word or abbreviation with the number, Đ typed as D; on PostgreSQL and on the
search server."""

from __future__ import annotations

from datetime import date

import pytest
from django_tenants.utils import schema_context

from search.backends.base import SearchQuery
from search.facets import split_number, typed_number
from search.indexing import rebuild_portal
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

# (what is typed, the numbers expected, in any order, and only those)
TYPED = [
    ("12", {"12/2024/QĐ-UBND", "12/2025/NQ-HĐND"}),
    ("12/2024", {"12/2024/QĐ-UBND"}),
    ("nghị quyết 12", {"12/2025/NQ-HĐND"}),
    ("nghi quyet 12", {"12/2025/NQ-HĐND"}),
    ("NQ 12", {"12/2025/NQ-HĐND"}),
    ("QĐ 12", {"12/2024/QĐ-UBND"}),
    ("QD 12", {"12/2024/QĐ-UBND"}),
    ("quyết định số 12 năm 2024", {"12/2024/QĐ-UBND"}),
    ("quyet dinh 12/2024", {"12/2024/QĐ-UBND"}),
    ("05", {"05/CT-UBND"}),
    ("chỉ thị 5", {"05/CT-UBND"}),
    ("công văn 2745", {"2745/UBND-KTN"}),
    ("CV 2745", {"2745/UBND-KTN"}),
    ("số 2745", {"2745/UBND-KTN"}),
    ("12/2025/nq-hdnd", {"12/2025/NQ-HĐND"}),
    # A number without its year is found with the year it was issued in.
    ("05/2025", {"05/CT-UBND"}),
    ("chỉ thị số 05 năm 2025", {"05/CT-UBND"}),
    ("CV 2745/2025", {"2745/UBND-KTN"}),
    ("12/2025", {"12/2025/NQ-HĐND"}),
]


def _documents(portal) -> None:
    with schema_context(portal.schema_name):
        LegalDocumentPageFactory(
            number="12/2024/QĐ-UBND", doc_type="quyet-dinh", issue_date=date(2024, 3, 18),
            summary="Sửa đổi Quy chế hoạt động của Cổng thông tin điện tử tỉnh.",
        )
        LegalDocumentPageFactory(
            number="12/2025/NQ-HĐND", doc_type="nghi-quyet", issue_date=date(2025, 7, 10),
            summary="Quy định mức hỗ trợ tiền ăn trưa cho học sinh bán trú.",
        )
        LegalDocumentPageFactory(
            number="05/CT-UBND", doc_type="chi-thi", issue_date=date(2025, 2, 10),
            summary="Về đẩy mạnh cải cách hành chính năm 2025.",
        )
        LegalDocumentPageFactory(
            number="2745/UBND-KTN", doc_type="cong-van", issue_date=date(2025, 8, 19),
            summary="Về việc khắc phục hậu quả mưa lũ, sạt lở đất 12 xã.",
        )


def test_a_number_is_split_into_what_citizens_type():
    assert split_number("12/2024/NQ-HĐND") == ("12", "2024", ["nq", "hdnd"])
    assert split_number("05/CT-UBND") == ("5", "", ["ct", "ubnd"])
    assert split_number("36-NQ/TW") == ("36", "", ["nq", "tw"])
    assert typed_number("Quyết định số 15 năm 2025") == {
        "number_lead": "15", "number_year": "2025", "number_symbols": ["quyetdinh"],
    }
    assert typed_number("QD 15") == {"number_lead": "15", "number_symbols": ["qd"]}
    assert typed_number("chuyển đổi số") is None
    assert typed_number("chính sách hỗ trợ học sinh bán trú 2025") is None


def test_numbers_however_typed_on_the_search_page(portal_a):
    _documents(portal_a)
    client = client_for(portal_a)
    for typed, expected in TYPED:
        response = client.get("/tim-kiem/", {"q": typed})
        found = {hit.facets.get("number") for hit in response.context["hits"]}
        assert found == expected, typed
        assert response.context["number_match"], typed


def test_words_with_a_number_that_is_no_document_are_still_searched(portal_a):
    _documents(portal_a)
    hits = client_for(portal_a).get("/tim-kiem/", {"q": "mưa lũ 12"}).context["hits"]
    assert [h.facets.get("number") for h in hits] == ["2745/UBND-KTN"]
    assert not client_for(portal_a).get("/tim-kiem/", {"q": "NQ 2745"}).context["hits"]
    # Not the year it was issued in: no number matches (and the words match nothing).
    response = client_for(portal_a).get("/tim-kiem/", {"q": "05/2024"})
    assert not response.context["number_match"] and not response.context["hits"]


def test_numbers_however_typed_on_the_search_server(server_backend, portal_a):
    _documents(portal_a)
    rebuild_portal(portal_a)
    for typed, expected in TYPED:
        results = server_backend.search(SearchQuery(text=typed, portal=portal_a.schema_name))
        assert {h.facets.get("number") for h in results.hits} == expected, typed
        assert results.number_match, typed
