"""The legal documents database: search tool, RSS, files, validation, isolation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from tests.legaldocs.factories import (
    IssuingAuthorityFactory,
    LegalDocumentAttachmentFactory,
    LegalDocumentPageFactory,
    LegalDocumentRelationFactory,
    LegalFieldFactory,
)
from tests.support.factories import DocumentFactory
from tests.support.portals import client_for


def numbers_in(html: str) -> set[str]:
    """Document numbers listed in the results table."""
    rows = html.split('<tbody>', 1)[1].split("</tbody>", 1)[0] if "<tbody>" in html else ""
    return set(re.findall(r'<td[^>]*><a href="[^"]+">([^<]+)</a>', rows))


@pytest.fixture
def documents(portal_a):
    from legaldocs.models import DocumentType, ValidityStatus

    with schema_context(portal_a.schema_name):
        province = IssuingAuthorityFactory(name="Ủy ban nhân dân tỉnh Thử")
        government = IssuingAuthorityFactory(name="Chính phủ")
        land = LegalFieldFactory(name="Đất đai")
        education = LegalFieldFactory(name="Giáo dục")
        LegalDocumentPageFactory(
            number="43/2020/QĐ-UBND",
            summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử tỉnh",
            doc_type=DocumentType.QUYET_DINH, issue_date=date(2020, 10, 15), issuer=province,
            legal_field=education,
            # Kept by the board: the status no longer follows the dates.
            status=ValidityStatus.PARTLY_EXPIRED, validity_locked=True,
        )
        LegalDocumentPageFactory(
            number="12/2024/QĐ-UBND", summary="Quy định bảng giá đất trên địa bàn tỉnh",
            doc_type=DocumentType.QUYET_DINH, issue_date=date(2024, 3, 18), issuer=province,
            legal_field=land,
        )
        LegalDocumentPageFactory(
            number="42/2022/NĐ-CP", summary="Cung cấp thông tin và dịch vụ công trực tuyến",
            doc_type=DocumentType.NGHI_DINH, issue_date=date(2022, 6, 24), issuer=government,
        )
        LegalDocumentPageFactory(
            number="05/CT-UBND", summary="Tăng cường quản lý đất đai",
            doc_type=DocumentType.CHI_THI, issue_date=date(2024, 2, 10), issuer=province,
            legal_field=land, expiry_date=date(2024, 12, 31),
        )
    return portal_a


def get_numbers(portal, query: str = "") -> set[str]:
    response = client_for(portal).get(f"/van-ban/{query}")
    assert response.status_code == 200
    return numbers_in(response.content.decode())


def test_unfiltered_listing_shows_every_document_newest_first(documents):
    html = client_for(documents).get("/van-ban/").content.decode()
    assert numbers_in(html) == {"43/2020/QĐ-UBND", "12/2024/QĐ-UBND", "42/2022/NĐ-CP", "05/CT-UBND"}
    newest_first = ["12/2024/QĐ-UBND", "05/CT-UBND", "42/2022/NĐ-CP", "43/2020/QĐ-UBND"]
    order = [html.index(n) for n in newest_first]
    assert order == sorted(order)
    assert "18/03/2024" in html


@pytest.mark.parametrize(
    "query, expected",
    [
        ("?loai=quyet-dinh", {"43/2020/QĐ-UBND", "12/2024/QĐ-UBND"}),
        ("?loai=chi-thi", {"05/CT-UBND"}),
        ("?nam=2024", {"12/2024/QĐ-UBND", "05/CT-UBND"}),
        ("?nam=2024&loai=quyet-dinh", {"12/2024/QĐ-UBND"}),
        ("?co-quan=&co_quan=chinh-phu", {"42/2022/NĐ-CP"}),
        ("?linh_vuc=dat-dai", {"12/2024/QĐ-UBND", "05/CT-UBND"}),
        ("?hieu_luc=het-hieu-luc", {"05/CT-UBND"}),
        ("?hieu_luc=het-hieu-luc-mot-phan", {"43/2020/QĐ-UBND"}),
        # keyword: number and summary, case- and accent-insensitive
        ("?q=qd-ubnd", {"43/2020/QĐ-UBND", "12/2024/QĐ-UBND"}),
        ("?q=12/2024", {"12/2024/QĐ-UBND"}),
        ("?q=dat+dai", {"05/CT-UBND"}),
        ("?q=BẢNG+GIÁ", {"12/2024/QĐ-UBND"}),
        ("?q=gia+dat", {"12/2024/QĐ-UBND"}),
        ("?q=không+có+văn+bản+này", set()),
        # an invalid filter value is ignored, not an error
        ("?nam=1999", {"43/2020/QĐ-UBND", "12/2024/QĐ-UBND", "42/2022/NĐ-CP", "05/CT-UBND"}),
    ],
)
def test_filters_filter(documents, query, expected):
    assert get_numbers(documents, query) == expected


def test_sorting_and_pagination(documents):
    from legaldocs.models import LegalDocumentIndexPage

    html = client_for(documents).get("/van-ban/?sap_xep=cu-nhat").content.decode()
    assert html.index("43/2020/QĐ-UBND") < html.index("12/2024/QĐ-UBND")
    LegalDocumentIndexPage.per_page = 2
    try:
        first = get_numbers(documents, "?sap_xep=so-ky-hieu")
        second = get_numbers(documents, "?sap_xep=so-ky-hieu&trang=2")
    finally:
        LegalDocumentIndexPage.per_page = 20
    assert len(first) == 2 and len(second) == 2 and not first & second


def test_year_choices_come_from_the_documents(documents):
    html = client_for(documents).get("/van-ban/").content.decode()
    select = html.split('name="nam"', 1)[1].split("</select>", 1)[0]
    assert re.findall(r'value="(\d{4})"', select) == ["2024", "2022", "2020"]


def test_rss_is_valid_xml_and_follows_the_filters(documents):
    response = client_for(documents).get("/van-ban/rss/?loai=chi-thi")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    items = root.findall("./channel/item")
    assert len(items) == 1
    assert items[0].findtext("title").startswith("05/CT-UBND")
    assert items[0].findtext("description") == "Tăng cường quản lý đất đai"
    everything = ET.fromstring(client_for(documents).get("/van-ban/rss/").content)
    all_items = everything.findall("./channel/item")
    assert len(all_items) == 4


def test_document_page_shows_metadata_files_with_size_and_format(portal_a):
    from legaldocs.models import ValidityStatus

    content = b"%PDF-1.4\n" + b"0" * 2048
    with schema_context(portal_a.schema_name):
        doc = LegalDocumentPageFactory(
            number="43/2020/QĐ-UBND",
            summary="Ban hành Quy chế hoạt động của Cổng thông tin điện tử",
            issue_date=date(2020, 10, 15), effective_date=date(2020, 10, 26),
            status=ValidityStatus.IN_FORCE, signer="Nguyễn Văn Ký",
            legal_field=LegalFieldFactory(name="Đất đai"),
        )
        file = DocumentFactory(
            title="Toàn văn 43/2020", file__data=content, file__filename="qd-43-2020.pdf"
        )
        LegalDocumentAttachmentFactory(page=doc, document=file, label="Toàn văn")
        url, file_url = doc.url, file.url
    html = client_for(portal_a).get(url).content.decode()
    with translation.override("vi"):
        size = filesizeformat(len(content))
    assert "43/2020/QĐ-UBND" in html
    assert "15/10/2020" in html and "26/10/2020" in html
    assert "Còn hiệu lực" in html and "Nguyễn Văn Ký" in html and "Đất đai" in html
    assert f'href="{file_url}"' in html
    assert f"(PDF, {size})" in html
    download = client_for(portal_a).get(file_url)
    assert download.status_code == 200


def test_related_documents_show_both_ways(portal_a):
    from legaldocs.models import RelationKind

    with schema_context(portal_a.schema_name):
        old = LegalDocumentPageFactory(
            number="43/2020/QĐ-UBND", summary="Quy chế cũ", issue_date=date(2020, 1, 1)
        )
        new = LegalDocumentPageFactory(
            number="12/2024/QĐ-UBND", summary="Sửa đổi quy chế", issue_date=date(2024, 1, 1)
        )
        LegalDocumentRelationFactory(page=new, target=old, kind=RelationKind.AMENDS)
        old_url, new_url = old.url, new.url
    new_html = client_for(portal_a).get(new_url).content.decode()
    old_html = client_for(portal_a).get(old_url).content.decode()
    assert "Sửa đổi, bổ sung" in new_html and "43/2020/QĐ-UBND" in new_html
    assert "Được sửa đổi, bổ sung bởi" in old_html and "12/2024/QĐ-UBND" in old_html


@pytest.mark.parametrize(
    "number",
    ["43/2020/QĐ-UBND", "1234/UBND-KT", "15/CT-TTg", "59/2020/QH14", "07/2016/TTLT-BTC-BNV",
     "36-NQ/TW", "641/QĐ-UBND"],
)
def test_real_numbers_are_accepted(number):
    from legaldocs.models import validate_document_number

    validate_document_number(number)


@pytest.mark.parametrize("number", ["43/2020", "QĐ-UBND", "43 / 2020 / QĐ-UBND", "abc", "43/20/QĐ"])
def test_malformed_numbers_are_refused(number):
    from legaldocs.models import validate_document_number

    with pytest.raises(ValidationError):
        validate_document_number(number)


def test_issued_documents_need_number_and_date_drafts_need_a_comment_window(portal_a):
    with schema_context(portal_a.schema_name):
        with pytest.raises(ValidationError) as excinfo:
            LegalDocumentPageFactory(
                title="Văn bản thiếu số", summary="Thiếu", number="", issue_date=None
            )
        assert {"number", "issue_date"} <= set(excinfo.value.message_dict)

        draft = {"title": "Dự thảo quy định", "summary": "Dự thảo", "number": "",
                 "issue_date": None, "is_draft": True}
        with pytest.raises(ValidationError) as excinfo:
            LegalDocumentPageFactory(**draft)
        assert "comment_end" in excinfo.value.message_dict
        page = LegalDocumentPageFactory(
            **draft, comment_start=date(2026, 1, 1), comment_end=date(2026, 1, 31)
        )
        assert page.pk


def test_documents_of_one_portal_never_appear_on_another(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        doc = LegalDocumentPageFactory(number="99/2025/QĐ-SOA", summary="Văn bản riêng của Sở A")
        url = doc.url
    client_b = client_for(portal_b)
    assert "99/2025/QĐ-SOA" not in client_b.get("/van-ban/").content.decode()
    assert "99/2025/QĐ-SOA" not in client_b.get("/van-ban/?q=99/2025").content.decode()
    assert "99/2025/QĐ-SOA" not in client_b.get("/van-ban/rss/").content.decode()
    assert "99/2025/QĐ-SOA" not in client_b.get("/").content.decode()
    assert "Văn bản riêng của Sở A" not in client_b.get("/tim-kiem/?q=riêng").content.decode()
    assert client_b.get(url).status_code == 404
    assert "99/2025/QĐ-SOA" in client_for(portal_a).get("/van-ban/").content.decode()
