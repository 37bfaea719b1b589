"""Demo content of section a for one portal (runs inside the portal's schema)."""

from __future__ import annotations

from typing import Any

from wagtail.models import Locale, Page

from introduction.models import (
    AdministrativeMapPage,
    AdministrativeUnit,
    HistoryCulturePage,
    IntroductionIndexPage,
    Leader,
    LeadersPage,
    NaturalConditionsPage,
    OrganisationPage,
)

# (title of the head, title of the deputies) by portal kind
HEADS = {
    "province": ("Chủ tịch Ủy ban nhân dân tỉnh", "Phó Chủ tịch Ủy ban nhân dân tỉnh"),
    "department": ("Giám đốc Sở", "Phó Giám đốc Sở"),
    "commune": ("Chủ tịch Ủy ban nhân dân", "Phó Chủ tịch Ủy ban nhân dân"),
}
LEADER_NAMES = ["Nguyễn Văn Minh", "Lò Thị Hoa", "Trần Quốc Khánh"]

UNITS = [
    ("phuong", "Tân Phong"), ("phuong", "Đoàn Kết"), ("xa", "Tam Đường"), ("xa", "Phong Thổ"),
    ("xa", "Sìn Hồ"), ("xa", "Than Uyên"), ("xa", "Tân Uyên"), ("xa", "Mường Tè"),
]


def agency_name(portal: Any) -> str:
    """The agency behind a portal: the province portal belongs to the People's Committee."""
    if portal.kind == "province":
        place = portal.name.removeprefix("Cổng thông tin điện tử").strip()
        return f"Ủy ban nhân dân {place}"
    return portal.name


def publish_child(parent: Page, page: Page) -> Page:
    """Add `page` under `parent` and publish it, so it has a first publication date."""
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()  # publishing saves a copy made from the revision
    return page


def _paragraph(text: str) -> list[dict[str, Any]]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


def load_demo_content(portal: Any) -> None:
    """Organisation, leaders and, for territorial portals, map, nature and history."""
    index = IntroductionIndexPage.objects.filter(depth=3, locale=Locale.get_default()).first()
    if index is None or index.get_children().exists():
        return
    kind = portal.kind if portal.kind in HEADS else "commune"
    head, deputy = HEADS[kind]
    territorial = kind != "department"

    index.intro = f"<p>Giới thiệu chung về {agency_name(portal)}.</p>"
    index.save_revision().publish()

    publish_child(index, OrganisationPage(
        title="Cơ cấu tổ chức, chức năng, nhiệm vụ", slug="co-cau-to-chuc",
        summary="Vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức.",
        body=[
            {"type": "heading", "value": "Vị trí và chức năng"},
            *_paragraph(
                f"{agency_name(portal)} là cơ quan hành chính nhà nước, thực hiện chức năng "
                "quản lý nhà nước trên địa bàn và lĩnh vực được giao theo quy định của pháp luật."
            ),
            {"type": "heading", "value": "Cơ cấu tổ chức"},
            *_paragraph(
                "Lãnh đạo; Văn phòng; các phòng chuyên môn và đơn vị sự nghiệp trực thuộc."
            ),
        ],
    ))

    leaders = LeadersPage(
        title="Lãnh đạo", slug="lanh-dao",
        intro="<p>Thông tin về lãnh đạo và nhiệm vụ được phân công.</p>",
    )
    for order, name in enumerate(LEADER_NAMES):
        leaders.leaders.add(Leader(
            sort_order=order, full_name=name, position=head if order == 0 else deputy,
            duties="<p>Lãnh đạo, chỉ đạo toàn diện các mặt công tác.</p>" if order == 0
            else "<p>Phụ trách các lĩnh vực được Thủ trưởng phân công.</p>",
            biography=f"<p>Sinh năm {1970 + order * 3}; trình độ chuyên môn: Thạc sĩ; "
                      "lý luận chính trị: Cao cấp.</p>",
        ))
    publish_child(index, leaders)

    if not territorial:
        return
    area = "tỉnh" if kind == "province" else "địa phương"
    admin_map = AdministrativeMapPage(
        title="Bản đồ hành chính", slug="ban-do-hanh-chinh",
        summary=f"Bản đồ và danh sách đơn vị hành chính cấp xã của {area}.",
    )
    units = UNITS if kind == "province" else UNITS[:1]
    for order, (unit_kind, name) in enumerate(units):
        admin_map.units.add(AdministrativeUnit(sort_order=order, kind=unit_kind, name=name))
    publish_child(index, admin_map)

    publish_child(index, NaturalConditionsPage(
        title="Điều kiện tự nhiên", slug="dieu-kien-tu-nhien",
        summary="Vị trí địa lý, địa hình, khí hậu, tài nguyên.",
        body=_paragraph(
            "Địa hình chủ yếu là đồi núi cao, bị chia cắt mạnh; khí hậu nhiệt đới gió mùa "
            "vùng núi, mùa đông lạnh, ít mưa; mùa hè nóng ẩm, mưa nhiều."
        ),
    ))
    publish_child(index, HistoryCulturePage(
        title="Lịch sử, văn hóa, di tích, danh thắng", slug="lich-su-van-hoa",
        summary="Truyền thống lịch sử, bản sắc văn hóa các dân tộc, di tích và danh thắng.",
        body=[
            *_paragraph("Nơi sinh sống lâu đời của cộng đồng nhiều dân tộc anh em."),
            {"type": "place", "value": {
                "name": "Cao nguyên Sìn Hồ", "kind": "danh-lam", "ranking": "",
                "location": "Xã Sìn Hồ",
                "description": "<p>Cao nguyên có khí hậu mát mẻ quanh năm.</p>",
                "image": None,
            }},
        ],
    ))
