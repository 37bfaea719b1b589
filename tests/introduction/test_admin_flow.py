"""Each introduction page type is created and published in the admin, renders and is listed
on the Introduction page."""

from __future__ import annotations

import pytest

from tests.support.admin import (
    admin_client,
    inline_formset,
    publish_in_admin,
    rich_text,
    section_id,
    streamfield,
)
from tests.support.portals import client_for

PARAGRAPH = ("paragraph", rich_text("<p>Địa hình núi cao, chia cắt mạnh.</p>"))

PAGES = [
    ("organisationpage", "Cơ cấu tổ chức của Sở", "Địa hình núi cao, chia cắt mạnh.", {
        "summary": "Chức năng, nhiệm vụ.", "org_chart": "", "org_chart_document": "",
        "body": streamfield([("heading", "Chức năng"), PARAGRAPH]),
    }),
    ("administrativemappage", "Bản đồ hành chính tỉnh", "Bản Bo", {
        "summary": "Đơn vị hành chính cấp xã.", "map_image": "", "map_document": "",
        "units": inline_formset([{"kind": "xa", "name": "Bản Bo", "code": "03388"}]),
        "body": streamfield([]),
    }),
    ("naturalconditionspage", "Điều kiện tự nhiên", "Địa hình núi cao, chia cắt mạnh.", {
        "summary": "Khí hậu, địa hình.", "body": streamfield([PARAGRAPH]),
    }),
    ("historyculturepage", "Di tích và danh thắng", "Cao nguyên Sìn Hồ", {
        "summary": "Di tích, danh thắng.",
        "body": streamfield([("place", {
            "name": "Cao nguyên Sìn Hồ", "kind": "danh-lam", "ranking": "",
            "location": "Xã Sìn Hồ", "description": rich_text("<p>Mát mẻ quanh năm.</p>"),
            "image": "",
        })]),
    }),
    ("leaderspage", "Lãnh đạo Sở", "Giàng Thị Mai", {
        "intro": rich_text("<p>Lãnh đạo và phân công nhiệm vụ.</p>"),
        "leaders": inline_formset([{
            "full_name": "Giàng Thị Mai", "position": "Giám đốc Sở", "photo": "",
            "duties": rich_text("<p>Phụ trách chung.</p>"),
            "biography": rich_text("<p>Sinh năm 1975.</p>"),
        }]),
    }),
]


@pytest.mark.parametrize("model, title, shown, fields", PAGES, ids=[p[0] for p in PAGES])
def test_introduction_page_created_in_the_admin_renders_and_is_listed(
    portal_a, portal_b, model, title, shown, fields
):
    client = admin_client(portal_a)
    slug = f"trang-{model}"
    publish_in_admin(
        client, "introduction", model, section_id(portal_a, "gioi-thieu"),
        {"title": title, "slug": slug, **fields},
    )
    public = client_for(portal_a)
    assert shown in public.get(f"/gioi-thieu/{slug}/").content.decode()
    assert title in public.get("/gioi-thieu/").content.decode()
    assert title not in client_for(portal_b).get("/gioi-thieu/").content.decode()
