"""Province aggregation (issue #18): the province's legal document finder and services
catalogue can include the member portals (`?pham-vi=tinh`), each result linking to the
member's own domain; members' finders have no such switch. On PostgreSQL and the search
server."""

from __future__ import annotations

from datetime import date

import pytest
from django_tenants.utils import schema_context

from legaldocs.models import LegalDocumentIndexPage
from search.indexing import rebuild_portal
from services.models import PublicServiceIndexPage
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.services.factories import PublicServicePageFactory
from tests.support.factories import section_index
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def _content(province, member) -> dict[str, str]:
    with schema_context(province.schema_name):
        LegalDocumentPageFactory(
            number="45/2023/NQ-HĐND", doc_type="nghi-quyet", issue_date=date(2023, 12, 8),
            summary="Chính sách hỗ trợ phát triển vùng chè.", title="Hỗ trợ phát triển vùng chè",
        )
        PublicServicePageFactory(title="Cấp thẻ tạm trú cho người nước ngoài")
        urls = {
            "docs": section_index(LegalDocumentIndexPage).url,
            "services": section_index(PublicServiceIndexPage).url,
        }
    with schema_context(member.schema_name):
        LegalDocumentPageFactory(
            number="25/QĐ-UBND", doc_type="quyet-dinh", issue_date=date(2025, 12, 22),
            summary="Ban hành Quy chế làm việc của xã.", title="Quy chế làm việc của xã B",
        )
        PublicServicePageFactory(title="Đăng ký khai sinh")
        urls["member_docs"] = section_index(LegalDocumentIndexPage).url
    return urls


def _check(province, member, rebuild: bool = False) -> None:
    urls = _content(province, member)
    if rebuild:  # the search server is written after commit: index as a rebuild does
        rebuild_portal(province)
        rebuild_portal(member)
    client = client_for(province)
    own = client.get(urls["docs"]).content.decode()
    assert "45/2023/NQ-HĐND" in own and "25/QĐ-UBND" not in own
    assert 'name="pham-vi"' in own
    wide = client.get(urls["docs"], {"pham-vi": "tinh"})
    html = wide.content.decode()
    assert "45/2023/NQ-HĐND" in html and "25/QĐ-UBND" in html
    assert f"http://{member.primary_domain}/" in html and member.name in html
    # The filters that mean the same everywhere narrow the whole province too.
    narrowed = client.get(urls["docs"], {"pham-vi": "tinh", "loai": "quyet-dinh"}).content.decode()
    assert "25/QĐ-UBND" in narrowed and "45/2023/NQ-HĐND" not in narrowed
    worded = client.get(urls["docs"], {"pham-vi": "tinh", "q": "quy che lam viec"}).content.decode()
    assert "25/QĐ-UBND" in worded and "45/2023/NQ-HĐND" not in worded

    services = client.get(urls["services"], {"pham-vi": "tinh"}).content.decode()
    assert "Đăng ký khai sinh" in services and "Cấp thẻ tạm trú" in services
    assert f"http://{member.primary_domain}/" in services
    assert "Đăng ký khai sinh" not in client.get(urls["services"]).content.decode()
    found = client.get(urls["services"], {"pham-vi": "tinh", "q": "khai sinh"}).content.decode()
    assert "Đăng ký khai sinh" in found and "Cấp thẻ tạm trú" not in found

    # A member's finder lists only its own documents, whatever is asked.
    member_page = client_for(member).get(urls["member_docs"], {"pham-vi": "tinh"}).content.decode()
    assert "25/QĐ-UBND" in member_page and "45/2023/NQ-HĐND" not in member_page
    assert 'name="pham-vi"' not in member_page


def test_province_finders_include_members_on_postgresql(province, portal_b):
    _check(province, portal_b)


def test_province_finders_include_members_on_the_search_server(server_backend, province, portal_b):
    _check(province, portal_b, rebuild=True)


def _many_member_documents(member, count: int) -> None:
    """`count` legal documents of `member` in the shared index (as its pages would put them
    there), the newest numbered 0."""
    from datetime import timedelta

    from django.utils import timezone

    from search.backends import get_backend
    from search.backends.base import IndexedDocument

    get_backend().index_documents(
        [
            IndexedDocument(
                portal=member.schema_name,
                portal_code=member.code,
                portal_name=member.name,
                portal_kind=member.kind,
                content_type="legaldocs.legaldocumentpage",
                type_label="Văn bản",
                object_id=70_000 + n,
                title=f"Quyết định về đất đai số {n}",
                url=member.url(f"/van-ban/{n}/"),
                date=timezone.now() - timedelta(hours=n),
                facets={
                    "number": f"{n}/QĐ-UBND",
                    "doc_type": "quyet-dinh",
                    "doc_type_label": "Quyết định",
                    "issuer": "ubnd-xa",
                    "issuer_label": "UBND xã",
                    "status": "con-hieu-luc",
                    "status_label": "Còn hiệu lực",
                },
            )
            for n in range(count)
        ]
    )


def test_a_members_draft_is_listed_as_a_draft(province, portal_b):
    """A member's draft has no number yet: the whole-province list names it a draft, as the
    member's own list does (not by its type's label)."""
    with schema_context(portal_b.schema_name):
        draft = LegalDocumentPageFactory(
            number="", issue_date=None, is_draft=True, comment_start=date(2026, 1, 1),
            comment_end=date(2026, 1, 31), title="Dự thảo quy chế phối hợp", summary="Lấy ý kiến.",
        )
        draft_url = draft.full_url
        own = client_for(portal_b).get(section_index(LegalDocumentIndexPage).url).content.decode()
    assert "Dự thảo</a>" in own
    with schema_context(province.schema_name):
        docs = section_index(LegalDocumentIndexPage).url
    listed = client_for(province).get(docs, {"pham-vi": "tinh"})
    assert listed.status_code == 200
    assert f'<a href="{draft_url}">Dự thảo</a>' in listed.content.decode()


@pytest.mark.parametrize("server_backend", ["opensearch"], indirect=True)
def test_whole_province_pages_reach_past_what_one_search_lists(server_backend, province, portal_b):
    """Each page of the whole-province list is its own search, so the last pages are
    reached too (they stopped at 500 results once)."""
    from search.backends import get_backend

    count = 545
    _many_member_documents(portal_b, count)
    backend = get_backend()
    if hasattr(backend, "refresh"):
        backend.refresh()
    with schema_context(province.schema_name):
        url = section_index(LegalDocumentIndexPage).url
    client = client_for(province)
    per_page = LegalDocumentIndexPage.per_page
    pages = -(-count // per_page)
    last = client.get(url, {"pham-vi": "tinh", "trang": pages})
    assert last.status_code == 200
    page = last.context["items"]
    assert page.paginator.count == count and page.number == pages
    html = last.content.decode()
    # Newest first: the last page holds the oldest, and links to the member's domain.
    first_shown = (pages - 1) * per_page
    for n in range(first_shown, count):
        assert f"{n}/QĐ-UBND" in html
    assert f"{first_shown - 1}/QĐ-UBND" not in html
    assert f"http://{portal_b.primary_domain}/van-ban/544/" in html


def test_whole_province_pages_on_postgresql(province, portal_b):
    _many_member_documents(portal_b, 45)  # three pages of 20
    with schema_context(province.schema_name):
        url = section_index(LegalDocumentIndexPage).url
    client = client_for(province)
    third = client.get(url, {"pham-vi": "tinh", "trang": 3})
    page = third.context["items"]
    assert page.paginator.count == 45 and page.number == 3
    assert [hit.facets["number"] for hit in page.object_list] == [f"{n}/QĐ-UBND" for n in range(40, 45)]
    # Past the last page: the last page, as everywhere.
    beyond = client.get(url, {"pham-vi": "tinh", "trang": 9}).context["items"]
    assert beyond.number == 3 and len(beyond.object_list) == 5
