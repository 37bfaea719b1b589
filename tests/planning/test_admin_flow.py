"""A planning item created in the admin is published, listed, filtered by kind and fed."""

from __future__ import annotations

from tests.support.admin import admin_client, publish_in_admin, rich_text, section_id, streamfield
from tests.support.portals import client_for, feed_titles

TITLE = "Quy hoạch chung đô thị Than Uyên đến năm 2040"


def test_planning_item_created_in_the_admin_is_listed_filtered_and_fed(portal_a, portal_b):
    client = admin_client(portal_a)
    publish_in_admin(
        client, "planning", "planningitempage", section_id(portal_a, "quy-hoach-ke-hoach"),
        {
            "title": TITLE, "slug": "quy-hoach-than-uyen", "kind": "quy-hoach-xay-dung-do-thi",
            "summary": "Đô thị loại IV.", "decision_number": "2156/QĐ-UBND",
            "approval_date": "15/12/2025", "approving_authority": "UBND tỉnh Lai Châu",
            "body": rich_text("<p>Quy mô 22.000 dân.</p>"), "attachments": streamfield([]),
        },
    )
    public = client_for(portal_a)
    assert "Quy mô 22.000 dân." in public.get("/quy-hoach-ke-hoach/quy-hoach-than-uyen/").content.decode()
    assert TITLE in public.get("/quy-hoach-ke-hoach/").content.decode()
    assert TITLE in public.get("/quy-hoach-ke-hoach/?loai=quy-hoach-xay-dung-do-thi").content.decode()
    assert TITLE not in public.get("/quy-hoach-ke-hoach/?loai=moi-truong").content.decode()
    assert TITLE in feed_titles(portal_a, "/quy-hoach-ke-hoach/rss/")
    assert TITLE not in feed_titles(portal_a, "/quy-hoach-ke-hoach/rss/?loai=moi-truong")
    assert TITLE not in feed_titles(portal_b, "/quy-hoach-ke-hoach/rss/")
