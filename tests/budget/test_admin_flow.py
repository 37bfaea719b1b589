"""A budget disclosure created in the admin is published, listed, filtered and fed."""

from __future__ import annotations

from tests.support.admin import admin_client, publish_in_admin, section_id, streamfield
from tests.support.portals import client_for, feed_titles

TITLE = "Công khai quyết toán ngân sách năm 2024"


def test_disclosure_created_in_the_admin_is_listed_filtered_and_fed(province, portal_a):
    client = admin_client(province)
    publish_in_admin(
        client, "budget", "budgetdisclosurepage", section_id(province, "cong-khai-ngan-sach"),
        {
            "title": TITLE, "slug": "quyet-toan-2024", "year": "2024",
            "disclosure_kind": "quyet-toan", "quarter": "", "decision_number": "990/QĐ-UBND",
            "decision_date": "20/12/2025", "summary": "Số liệu quyết toán ngân sách địa phương.",
            "attachments": streamfield([]),
        },
    )
    public = client_for(province)
    assert "990/QĐ-UBND" in public.get("/cong-khai-ngan-sach/quyet-toan-2024/").content.decode()
    assert TITLE in public.get("/cong-khai-ngan-sach/").content.decode()
    assert TITLE in public.get("/cong-khai-ngan-sach/?nam=2024&loai=quyet-toan").content.decode()
    assert TITLE not in public.get("/cong-khai-ngan-sach/?loai=du-toan").content.decode()
    assert TITLE in feed_titles(province, "/cong-khai-ngan-sach/rss/")
    assert TITLE not in feed_titles(province, "/cong-khai-ngan-sach/rss/?loai=du-toan")
    assert TITLE not in feed_titles(portal_a, "/cong-khai-ngan-sach/rss/")
