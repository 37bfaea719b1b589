"""Section đ: strategies and plans, listed by kind, with their approval decision."""

from __future__ import annotations

import datetime

from tests.planning.factories import PlanningItemPageFactory
from tests.support.portals import client_for


def test_listing_is_filtered_by_kind(province, portal_b):
    PlanningItemPageFactory(
        portal=province, title="Kế hoạch sử dụng đất năm 2026", kind="quy-hoach-su-dung-dat",
        decision_number="185/QĐ-UBND", approval_date=datetime.date(2026, 2, 12),
    )
    PlanningItemPageFactory(
        portal=province, title="Danh mục cơ sở gây ô nhiễm nghiêm trọng", kind="moi-truong"
    )
    client = client_for(province)
    land = client.get("/quy-hoach-ke-hoach/?loai=quy-hoach-su-dung-dat").content.decode()
    assert "Kế hoạch sử dụng đất năm 2026" in land and "cơ sở gây ô nhiễm" not in land
    assert "185/QĐ-UBND" in land and "12/02/2026" in land
    env = client.get("/quy-hoach-ke-hoach/?loai=moi-truong").content.decode()
    assert "cơ sở gây ô nhiễm" in env and "Kế hoạch sử dụng đất năm 2026" not in env
    assert "Kế hoạch sử dụng đất" not in client_for(portal_b).get(
        "/quy-hoach-ke-hoach/"
    ).content.decode()


def test_item_shows_approval_date_beside_publication_date(province):
    item = PlanningItemPageFactory(
        portal=province, title="Quy hoạch chung đô thị Than Uyên", slug="qh-than-uyen",
        kind="quy-hoach-xay-dung-do-thi", approval_date=datetime.date(2026, 3, 2),
        approving_authority="Ủy ban nhân dân tỉnh",
    )
    assert item.posting_clock.event_date(item) == datetime.date(2026, 3, 2)
    assert item.first_published_at is not None
    html = client_for(province).get("/quy-hoach-ke-hoach/qh-than-uyen/").content.decode()
    assert 'Ngày phê duyệt: <time datetime="2026-03-02">02/03/2026</time>' in html
    assert "Ngày đăng:" in html
    assert "Quy hoạch xây dựng, đô thị" in html
