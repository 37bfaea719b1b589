"""The relevance set (issue #18): what citizens type, written from the demo content, and the
item each must find in the first five results, on PostgreSQL and on the search server.

The province's demo introduction, news, legal documents and services are loaded once per
test (one test per backend) into the test province, and every query is asked through the
public search page; the failures are reported together."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from demo import introduction, legaldocs, news, services
from search.indexing import rebuild_portal
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

TOP = 5

# (what is typed, what the expected result's title or number holds)
RELEVANCE = [
    # Document numbers however typed
    ("12", "12/2024/QĐ-UBND"),
    ("12/2024", "12/2024/QĐ-UBND"),
    ("nghị quyết 12", "12/2025/NQ-HĐND"),
    ("NQ 12", "12/2025/NQ-HĐND"),
    ("nq 12/2025", "12/2025/NQ-HĐND"),
    ("QĐ 15", "15/2025/QĐ-UBND"),
    ("QD 15", "15/2025/QĐ-UBND"),
    ("quyet dinh 15", "15/2025/QĐ-UBND"),
    ("quyết định số 47 năm 2024", "47/2024/QĐ-UBND"),
    ("43/2020/QĐ-UBND", "43/2020/QĐ-UBND"),
    ("43/2020/qd-ubnd", "43/2020/QĐ-UBND"),
    ("nghị định 42", "42/2022/NĐ-CP"),
    ("ND 102/2024", "102/2024/NĐ-CP"),
    ("chỉ thị 05", "05/CT-UBND"),
    ("CT 3", "03/CT-UBND"),
    ("kế hoạch 156", "156/KH-UBND"),
    ("1006/QĐ-TTg", "1006/QĐ-TTg"),
    ("luật 31/2024", "31/2024/QH15"),
    ("nghi quyet 45/2023", "45/2023/NQ-HĐND"),
    ("công văn 2745", "2745/UBND-KTN"),
    ("báo cáo 420", "420/BC-UBND"),
    ("hướng dẫn 15", "15/HD-UBND"),
    ("thông báo 98", "98/TB-UBND"),
    ("số 2156", "2156/QĐ-UBND"),
    # Words, with and without diacritics
    ("bảng giá đất", "52/2024/QĐ-UBND"),
    ("bang gia dat", "52/2024/QĐ-UBND"),
    ("tien an trua hoc sinh ban tru", "12/2025/NQ-HĐND"),
    ("chất thải rắn sinh hoạt", "30/2024/QĐ-UBND"),
    ("an toan dap ho chua thuy dien", "27/2024/QĐ-UBND"),
    ("mắc ca", "20/2024/NQ-HĐND"),
    ("quy hoach tinh lai chau", "1006/QĐ-TTg"),
    ("phong chay chua chay rung", "02/CT-UBND"),
    ("sạt lở đất mùa mưa bão", "03/CT-UBND"),
    ("de an 06", "3120/KH-UBND"),
    ("ngan sach dia phuong 2025", "31/2024/NQ-HĐND"),
    ("gia kham chua benh", "04/2026/QĐ-UBND"),
    ("dao tao nghe lao dong nong thon", "15/2025/QĐ-UBND"),
    ("duong giao thong nong thon", "18/2025/QĐ-UBND"),
    ("du lich cong dong", "09/2024/QĐ-UBND"),
    ("han muc giao dat o", "47/2024/QĐ-UBND"),
    ("quy che hoat dong cong thong tin dien tu", "43/2020/QĐ-UBND"),
    ("Chè Tam Đường", "Chè Tam Đường vào mùa thu hoạch"),
    ("le hoi tra tam duong", "Lễ hội Trà Tam Đường"),
    ("thao qua sa nhan", "cây thảo quả, sa nhân"),
    ("tuyen dung vien chuc", "tuyển dụng viên chức"),
    ("thủy điện vượt kế hoạch", "nhà máy thủy điện"),
    ("tap huan bien tap", "Tập huấn sử dụng Cổng"),
    ("lich tiep cong dan", "lịch tiếp công dân"),
    ("duong lien xa Muong Kim", "Mường Kim"),
    # Services
    ("giấy phép lao động người nước ngoài", "Cấp giấy phép lao động"),
    ("the tam tru", "Cấp thẻ tạm trú"),
    ("ly lich tu phap", "Phiếu lý lịch tư pháp"),
    ("thanh lap doanh nghiep tu nhan", "thành lập doanh nghiệp tư nhân"),
    ("tham do nuoc duoi dat", "thăm dò nước dưới đất"),
    # Synonyms (the portal's defaults)
    ("CCHC năm 2025", "05/CT-UBND"),
    ("muc chi ho tro CĐS", "08/2024/NQ-HĐND"),
    # People by name and title
    ("chủ tịch", "Lãnh đạo"),
    ("pho chu tich uy ban", "Lãnh đạo"),
    ("Nguyễn Văn Minh", "Lãnh đạo"),
    ("tran quoc khanh", "Lãnh đạo"),
]


def _load(portal) -> None:
    with schema_context(portal.schema_name):
        for loader in (introduction, news, legaldocs, services):
            loader.load_demo_content(portal)


def _misses(portal) -> list[str]:
    client = client_for(portal)
    misses = []
    for typed, expected in RELEVANCE:
        hits = client.get("/tim-kiem/", {"q": typed}).context["hits"][:TOP]
        shown = [f"{h.facets.get('number', '')} {h.title}" for h in hits]
        if not any(expected in each for each in shown):
            misses.append(f"{typed!r}: expected {expected!r} in {shown}")
    return misses


def test_the_relevance_set_has_fifty_queries():
    assert len(RELEVANCE) >= 50


def test_relevance_on_postgresql(province):
    _load(province)
    assert _misses(province) == []


def test_relevance_on_the_search_server(server_backend, province):
    _load(province)
    rebuild_portal(province)
    assert _misses(province) == []
