"""English for the demo content of the required sections (see languages.py).

Exact strings first; then sentences that carry the portal's agency name, which are
written once with `{agency}` and filled in for each demo portal.
"""

from __future__ import annotations

from typing import Any

from core.text import unaccent
from demo.languages_en_services import SERVICES_ENGLISH

ENGLISH: dict[str, str] = {
    # Home pages and sections (titles and slugs)
    "trang-chu": "home",
    "Giới thiệu": "Introduction", "gioi-thieu": "introduction",
    "Liên hệ": "Contacts", "lien-he": "contacts",
    # Introduction
    "Cơ cấu tổ chức, chức năng, nhiệm vụ": "Organisation, functions and duties",
    "co-cau-to-chuc": "organisation",
    "Vị trí, chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức.":
        "Position, functions, duties, powers and organisational structure.",
    "Vị trí và chức năng": "Position and functions",
    "Cơ cấu tổ chức": "Organisational structure",
    "Lãnh đạo; Văn phòng; các phòng chuyên môn và đơn vị sự nghiệp trực thuộc.":
        "Leadership; the Office; specialised divisions and affiliated public service units.",
    "Lãnh đạo": "Leadership", "lanh-dao": "leadership",
    "Thông tin về lãnh đạo và nhiệm vụ được phân công.": "The leaders and the duties assigned to each.",
    "Chủ tịch Ủy ban nhân dân tỉnh": "Chairman of the Provincial People's Committee",
    "Phó Chủ tịch Ủy ban nhân dân tỉnh": "Vice Chairman of the Provincial People's Committee",
    "Chủ tịch Ủy ban nhân dân": "Chairman of the People's Committee",
    "Phó Chủ tịch Ủy ban nhân dân": "Vice Chairman of the People's Committee",
    "Giám đốc Sở": "Director of the Department",
    "Phó Giám đốc Sở": "Deputy Director of the Department",
    "Lãnh đạo, chỉ đạo toàn diện các mặt công tác.":
        "Overall leadership and direction of all areas of work.",
    "Phụ trách các lĩnh vực được Thủ trưởng phân công.":
        "In charge of the fields assigned by the head of the agency.",
    "Bản đồ hành chính": "Administrative map", "ban-do-hanh-chinh": "administrative-map",
    "Bản đồ và danh sách đơn vị hành chính cấp xã của tỉnh.":
        "Map and list of the province's commune-level administrative units.",
    "Bản đồ và danh sách đơn vị hành chính cấp xã của địa phương.":
        "Map and list of the locality's commune-level administrative units.",
    "Điều kiện tự nhiên": "Natural conditions", "dieu-kien-tu-nhien": "natural-conditions",
    "Vị trí địa lý, địa hình, khí hậu, tài nguyên.": "Geography, terrain, climate and natural resources.",
    "Địa hình chủ yếu là đồi núi cao, bị chia cắt mạnh; khí hậu nhiệt đới gió mùa vùng núi, mùa "
    "đông lạnh, ít mưa; mùa hè nóng ẩm, mưa nhiều.":
        "The terrain is mostly high, deeply divided mountains; the climate is tropical monsoon "
        "of the highlands, with cold, dry winters and hot, humid, rainy summers.",
    "Lịch sử, văn hóa, di tích, danh thắng": "History, culture, heritage sites and scenic spots",
    "lich-su-van-hoa": "history-and-culture",
    "Truyền thống lịch sử, bản sắc văn hóa các dân tộc, di tích và danh thắng.":
        "Historical traditions, the cultural identity of its ethnic groups, heritage sites and scenic spots.",
    "Nơi sinh sống lâu đời của cộng đồng nhiều dân tộc anh em.":
        "A long-standing home to many ethnic communities.",
    "Cao nguyên Sìn Hồ": "Sin Ho Plateau",
    "Xã Sìn Hồ": "Sin Ho Commune",
    "Cao nguyên có khí hậu mát mẻ quanh năm.": "A plateau with a cool climate all year round.",
    # Leaders' short biographies
    **{
        f"Sinh năm {year}; trình độ chuyên môn: Thạc sĩ; lý luận chính trị: Cao cấp.":
            f"Born in {year}; qualifications: Master's degree; political theory: advanced level."
        for year in (1970, 1973, 1976)
    },
    # Officials' contacts
    "Văn phòng": "Office",
    "Chánh Văn phòng": "Chief of Office",
    "Phòng Tổng hợp": "General Affairs Division",
    "Trưởng phòng": "Head of Division",
    "Phó Thủ trưởng cơ quan": "Deputy Head of the Agency",
    "Bộ phận Một cửa": "One-Stop Service Desk",
    "Chuyên viên": "Officer",
    # Home page introductions of the demo portals
    "Lai Châu là tỉnh miền núi biên giới phía Tây Bắc của Tổ quốc, có đường biên giới dài 265 km "
    "giáp Trung Quốc. Cổng thông tin điện tử tỉnh là kênh thông tin chính thức của Ủy ban nhân dân "
    "tỉnh trên Internet.":
        "Lai Chau is a mountainous border province in the north-west of Viet Nam, with a 265 km "
        "border with China. The provincial e-portal is the official online information channel "
        "of the Provincial People's Committee.",
    "Sở Khoa học và Công nghệ tham mưu, giúp Ủy ban nhân dân tỉnh quản lý nhà nước về khoa học, "
    "công nghệ, chuyển đổi số, bưu chính và viễn thông.":
        "The Department of Science and Technology advises and assists the Provincial People's "
        "Committee in the state management of science, technology, digital transformation, "
        "postal services and telecommunications.",
    "Sở Tài chính tham mưu về tài chính, ngân sách nhà nước, kế hoạch và đầu tư; công khai ngân "
    "sách theo quy định.":
        "The Department of Finance advises on finance, the state budget, planning and investment, "
        "and discloses the budget as required by law.",
    "Xã Phong Thổ nằm ở phía Tây Bắc tỉnh Lai Châu, nổi tiếng với ruộng bậc thang và các bản "
    "người Dao, người Hà Nhì.":
        "Phong Tho Commune lies in the north-west of Lai Chau Province and is known for its rice "
        "terraces and its Dao and Ha Nhi villages.",
    "Phường Tân Phong là trung tâm hành chính của tỉnh Lai Châu.":
        "Tan Phong Ward is the administrative centre of Lai Chau Province.",
}

# Sentences naming the portal's agency.
WITH_AGENCY: dict[str, str] = {
    "Giới thiệu chung về {agency}.": "About {agency}.",
    "Thông tin liên hệ của lãnh đạo và cán bộ đầu mối của {agency}.":
        "Contact details of the leaders and focal officials of {agency}.",
    "{agency} là cơ quan hành chính nhà nước, thực hiện chức năng quản lý nhà nước trên địa bàn "
    "và lĩnh vực được giao theo quy định của pháp luật.":
        "{agency} is a state administrative agency performing state management over its "
        "territory and the fields assigned to it, as provided by law.",
}


def agency_names(portal: Any) -> tuple[str, str]:
    """The agency behind the portal, in Vietnamese and in English."""
    from demo.introduction import agency_name

    if portal.kind == "province":
        place = portal.name.removeprefix("Cổng thông tin điện tử").strip().removeprefix("tỉnh")
        place = unaccent(place.strip())
        return agency_name(portal), f"{place} Provincial People's Committee"
    return agency_name(portal), portal.name_en or portal.name


def english_for(text: str, portal: Any) -> str | None:
    if text in ENGLISH:
        return ENGLISH[text]
    if text in SERVICES_ENGLISH:
        return SERVICES_ENGLISH[text]
    if text == portal.name:
        return portal.name_en or None
    agency, agency_en = agency_names(portal)
    if text == agency:
        return agency_en
    for vietnamese, english in WITH_AGENCY.items():
        if text == vietnamese.format(agency=agency):
            return english.format(agency=agency_en)
    return None
