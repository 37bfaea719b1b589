"""A science programme created in the admin is published, listed, filtered and fed."""

from __future__ import annotations

from tests.support.admin import admin_client, publish_in_admin, rich_text, section_id, streamfield
from tests.support.portals import client_for, feed_titles

TITLE = "Nhân giống cây sâm Lai Châu bằng nuôi cấy mô"


def test_programme_created_in_the_admin_is_listed_filtered_and_fed(portal_a, portal_b):
    client = admin_client(portal_a)
    publish_in_admin(
        client, "science", "scienceprogrammepage", section_id(portal_a, "khoa-hoc-cong-nghe"),
        {
            "title": TITLE, "slug": "sam-lai-chau", "code": "ĐT.KHCN.05-2026",
            "management_level": "tinh", "field": "nong-nghiep",
            "host_unit": "Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
            "principal_investigator": "TS. Vàng A Dình", "start_date": "01/03/2026",
            "end_date": "31/12/2027", "summary": "Quy trình nhân giống sâm.",
            "approval_decision": "210/QĐ-UBND", "approval_date": "15/02/2026",
            "acceptance_date": "", "results": rich_text(""), "attachments": streamfield([]),
        },
    )
    public = client_for(portal_a)
    assert "ĐT.KHCN.05-2026" in public.get("/khoa-hoc-cong-nghe/sam-lai-chau/").content.decode()
    assert TITLE in public.get("/khoa-hoc-cong-nghe/").content.decode()
    assert TITLE in public.get("/khoa-hoc-cong-nghe/?cap=tinh").content.decode()
    assert TITLE not in public.get("/khoa-hoc-cong-nghe/?cap=nha-nuoc").content.decode()
    titles = feed_titles(portal_a, "/khoa-hoc-cong-nghe/rss/")
    assert f"ĐT.KHCN.05-2026 – {TITLE}" in titles
    assert not feed_titles(portal_a, "/khoa-hoc-cong-nghe/rss/?cap=nha-nuoc")
    assert not feed_titles(portal_b, "/khoa-hoc-cong-nghe/rss/")
