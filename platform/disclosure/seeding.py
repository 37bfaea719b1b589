"""Every portal starts with links to the national portals (Decree 42/2022 art. 7)."""

from __future__ import annotations

from tenants.seeding import Seeding

# (name, address): what every agency's portal links to.
NATIONAL_PORTALS = (
    ("Cổng Thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/"),
    ("Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/"),
    ("Công báo Chính phủ", "https://congbao.chinhphu.vn/"),
    ("Hệ thống mạng đấu thầu quốc gia", "https://muasamcong.mpi.gov.vn/"),
)


def seed_related_portals(seeding: Seeding) -> None:
    """Idempotent: a portal that has any link keeps its own choice (the board may remove
    some); only a portal without any gets the national ones."""
    from .models import RelatedPortal

    if RelatedPortal.objects.exists():
        return
    RelatedPortal.objects.bulk_create(
        RelatedPortal(name=name, url=url, group=RelatedPortal.Group.NATIONAL, sort_order=order)
        for order, (name, url) in enumerate(NATIONAL_PORTALS)
    )
