"""The disclosure list's rows for what the demo portals disclose outside their sections."""

from __future__ import annotations

import datetime
from typing import Any

from disclosure.law import Method
from disclosure.models import DisclosureItem, DisclosureListPage


def load_demo_content(portal: Any) -> None:
    """The sections fill their rows themselves; these are the rest (fees, notice board)."""
    page = DisclosureListPage.objects.filter(depth=3).first()
    if page is None or page.items.exists():
        return
    page.intro = (
        "<p>Căn cứ Điều 17 và Điều 19 Luật Tiếp cận thông tin năm 2016, cơ quan công khai "
        "các thông tin dưới đây.</p>"
    )
    page.items = [
        DisclosureItem(
            law_item="o", title="Phí, lệ phí thủ tục hành chính",
            link_url="https://dichvucong.gov.vn/p/home/dvc-tthc-tra-cuu-phi-le-phi.html",
            method=Method.PORTAL, updated_on=datetime.date(2026, 1, 15),
        ),
        DisclosureItem(
            law_item="l", title="Thông báo tuyển dụng công chức, viên chức",
            method=Method.POSTED, updated_on=datetime.date(2026, 2, 2),
        ),
    ]
    page.save_revision().publish()
