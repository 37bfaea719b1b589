"""A statistics release created in the admin is published, listed and fed."""

from __future__ import annotations

from tests.support.admin import admin_client, publish_in_admin, rich_text, section_id, streamfield
from tests.support.portals import client_for, feed_titles

TITLE = "Kết quả điều tra lao động – việc làm năm 2025"


def test_release_created_in_the_admin_is_listed_and_fed(portal_b, portal_a):
    client = admin_client(portal_b)
    publish_in_admin(
        client, "portal_statistics", "statisticsreleasepage", section_id(portal_b, "thong-ke"),
        {
            "title": TITLE, "slug": "lao-dong-2025", "summary": "Lực lượng lao động.",
            "subject": "Dân số, lao động", "period_start": "01/01/2025",
            "period_end": "31/12/2025", "publication_decision_number": "12/QĐ-CTK",
            "publication_decision_date": "25/02/2026", "data_files": streamfield([]),
            "report": "", "methodology": rich_text("<p>Điều tra chọn mẫu 1.800 hộ.</p>"),
            "analysis": rich_text(""),
        },
    )
    public = client_for(portal_b)
    assert "1.800 hộ" in public.get("/thong-ke/lao-dong-2025/").content.decode()
    assert TITLE in public.get("/thong-ke/").content.decode()
    assert TITLE in feed_titles(portal_b, "/thong-ke/rss/")
    assert TITLE not in feed_titles(portal_a, "/thong-ke/rss/")
