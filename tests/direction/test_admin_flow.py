"""Direction items and law dissemination articles created in the admin are published,
listed (and filtered by kind) and fed."""

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
from tests.support.portals import client_for, feed_titles

ITEMS = [
    ("directivepage", "chi-dao", "Chỉ đạo triển khai tiêm chủng mở rộng tại xã vùng cao", {
        "date": "10/02/2026", "summary": "Bảo đảm tỷ lệ tiêm chủng đầy đủ trên 95%.",
        "document": "", "body": rich_text("<p>Giao Sở Y tế chủ trì.</p>"),
    }),
    ("petitionresponsepage", "tra-loi-kien-nghi", "Trả lời kiến nghị về nước sinh hoạt bản Nà Tăm", {
        "petitioner": "Cử tri xã Nà Tăm", "petition_date": "05/01/2026",
        "petition": "Đề nghị đầu tư công trình nước sinh hoạt tập trung.",
        "responder": "Sở Nông nghiệp và Môi trường", "response_date": "20/01/2026",
        "response": rich_text("<p>Công trình được bố trí vốn năm 2026.</p>"), "document": "",
    }),
    ("enterprisesanctionpage", "khen-thuong-xu-phat", "Xử phạt Công ty TNHH Khoáng sản Bắc Sơn", {
        "kind": "xu-phat", "enterprise": "Công ty TNHH Khoáng sản Bắc Sơn",
        "tax_code": "6200098765", "address": "Huyện Phong Thổ", "decision_number": "77/QĐ-XPHC",
        "decision_date": "12/02/2026", "measure": "Phạt tiền 120.000.000 đồng",
        "reason": "Khai thác khoáng sản ngoài ranh giới được cấp phép.", "document": "",
    }),
]


@pytest.mark.parametrize("model, kind, title, fields", ITEMS, ids=[i[0] for i in ITEMS])
def test_direction_item_created_in_the_admin_is_listed_filtered_and_fed(
    portal_a, portal_b, model, kind, title, fields
):
    client = admin_client(portal_a)
    parent = section_id(portal_a, "chi-dao-dieu-hanh")
    slug = f"muc-{kind}"
    publish_in_admin(client, "direction", model, parent, {"title": title, "slug": slug, **fields})
    public = client_for(portal_a)
    assert title in public.get(f"/chi-dao-dieu-hanh/{slug}/").content.decode()
    assert title in public.get("/chi-dao-dieu-hanh/").content.decode()
    assert title in public.get(f"/chi-dao-dieu-hanh/?loai={kind}").content.decode()
    other = next(k for _m, k, _t, _f in ITEMS if k != kind)
    assert title not in public.get(f"/chi-dao-dieu-hanh/?loai={other}").content.decode()
    assert title in feed_titles(portal_a, "/chi-dao-dieu-hanh/rss/")
    assert title in feed_titles(portal_a, f"/chi-dao-dieu-hanh/rss/?loai={kind}")
    assert title not in feed_titles(portal_a, f"/chi-dao-dieu-hanh/rss/?loai={other}")
    assert title not in feed_titles(portal_b, "/chi-dao-dieu-hanh/rss/")


def test_law_dissemination_article_created_in_the_admin_is_listed_and_fed(portal_a, portal_b):
    title = "Hỏi – đáp về Luật Đất đai năm 2024"
    client = admin_client(portal_a)
    publish_in_admin(
        client, "direction", "lawdisseminationpage", section_id(portal_a, "pho-bien-phap-luat"),
        {
            "title": title, "slug": "hoi-dap-luat-dat-dai", "date": "01/08/2024",
            "summary": "Những điểm mới về giá đất, thu hồi đất.",
            "body": streamfield([("paragraph", rich_text("<p>Bảng giá đất ban hành hằng năm.</p>"))]),
            "explained_documents": inline_formset([]),
        },
    )
    public = client_for(portal_a)
    assert "Bảng giá đất ban hành hằng năm." in public.get(
        "/pho-bien-phap-luat/hoi-dap-luat-dat-dai/"
    ).content.decode()
    assert title in public.get("/pho-bien-phap-luat/").content.decode()
    assert title in feed_titles(portal_a, "/pho-bien-phap-luat/rss/")
    assert title not in feed_titles(portal_b, "/pho-bien-phap-luat/rss/")
