"""Demo contacts (k, l, spokesperson) for one portal (runs inside the portal's schema)."""

from __future__ import annotations

import datetime
from typing import Any

from wagtail.models import Locale, Site

from contacts.models import (
    ContactOfficial,
    ContactsPage,
    PortalContactSettings,
    Spokesperson,
    StatementPage,
)
from demo.introduction import agency_name, publish_child

ADDRESSES = {
    "province": (
        "Tầng 5, Nhà B, Trung tâm Hành chính – Chính trị tỉnh, phường Tân Phong, "
        "tỉnh Lai Châu"
    ),
    "department": "Trung tâm Hành chính – Chính trị tỉnh, phường Đông Phong, tỉnh Lai Châu",
    "commune": "Trụ sở Ủy ban nhân dân, tỉnh Lai Châu",
}


def load_demo_content(portal: Any) -> None:
    """Officials, the spokesperson with one statement, and the portal's contact settings."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        contact = PortalContactSettings.for_site(site)
        if not contact.is_filled:
            contact.agency = agency_name(portal)
            contact.address = ADDRESSES.get(portal.kind, ADDRESSES["commune"])
            contact.phone = "0213 3876 510"
            contact.fax = "0213 3876 511"
            contact.email = f"bbt.{portal.code}@laichau.gov.vn"
            contact.responsible_person = "Nguyễn Văn Minh – Trưởng Ban Biên tập"
            contact.licence = (
                "Giấy phép thiết lập trang thông tin điện tử tổng hợp số 05/GP-STTTT "
                "ngày 15/3/2024."
            )
            contact.save()

    page = ContactsPage.objects.filter(depth=3, locale=Locale.get_default()).first()
    if page is None or page.officials.exists():
        return
    page.intro = (
        f"<p>Thông tin liên hệ của lãnh đạo và cán bộ đầu mối của {agency_name(portal)}.</p>"
    )
    officials = [
        ("Nguyễn Văn Minh", "Chánh Văn phòng", "Văn phòng", "0213 3876 520"),
        ("Lò Thị Hoa", "Trưởng phòng", "Phòng Tổng hợp", "0213 3876 521"),
        ("Đỗ Thị Lan", "Chuyên viên", "Bộ phận Một cửa", "0912 345 678"),
    ]
    page.officials = [
        ContactOfficial(
            sort_order=order, full_name=name, position=position, unit=unit, phone=phone,
            fax="0213 3876 511", email=f"contact{order + 1}.{portal.code}@laichau.gov.vn",
        )
        for order, (name, position, unit, phone) in enumerate(officials)
    ]
    page.spokespersons = [
        Spokesperson(
            full_name="Trần Quốc Khánh", position="Phó Thủ trưởng cơ quan",
            unit=agency_name(portal),
            phone="0912 000 111", email=f"phatngon.{portal.code}@laichau.gov.vn",
        )
    ]
    page.save_revision().publish()
    publish_child(page, StatementPage(
        title="Cung cấp thông tin về kết quả cải cách hành chính quý I",
        slug="cai-cach-hanh-chinh-quy-i", statement_date=datetime.date(2026, 4, 10),
        speaker="Trần Quốc Khánh",
        summary="Thông tin cho báo chí về kết quả cải cách hành chính quý I năm 2026.",
        body="<p>Trong quý I, 100% hồ sơ thủ tục hành chính được giải quyết đúng hạn.</p>",
    ))
