"""Demo online public services for one portal (runs inside the portal's schema): the
province's catalogue, a department's, a commune's; a few usable by foreigners."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from demo.introduction import publish_child
from services.models import (
    NATIONAL_PORTAL_URL,
    PublicServiceIndexPage,
    PublicServicePage,
    ReportPeriod,
    ServiceField,
    ServiceLevel,
    ServiceRoadmap,
    ServiceSector,
    ServiceStatistic,
)

PROVINCE_PORTAL_NAME = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Lai Châu"
PROVINCE_PORTAL_URL = "https://dichvucong.laichau.gov.vn"


@dataclass(frozen=True)
class DemoService:
    title: str
    slug: str
    code: str
    sector: str
    field: str
    agency: str
    level: str
    processing_time: str
    fees: str
    steps: str
    dossier: str
    legal_basis: str
    for_foreigners: bool = False
    # Dossiers received in a quarter: the statistics are made up around it.
    volume: int = 0
    # Done on the national portal (its own systems) rather than the province's.
    national: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def _p(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


def _ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


PROVINCE = [
    DemoService(
        "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam",
        "giay-phep-lao-dong-nguoi-nuoc-ngoai",
        "1.000459",
        "Nội vụ",
        "Việc làm",
        "Sở Nội vụ tỉnh Lai Châu",
        ServiceLevel.PARTIAL,
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "600.000 đồng/giấy phép",
        _ol(
            "Người sử dụng lao động nộp hồ sơ trên Cổng Dịch vụ công quốc gia hoặc tại "
            "Trung tâm Phục vụ hành chính công tỉnh chậm nhất 15 ngày trước ngày người lao "
            "động nước ngoài dự kiến bắt đầu làm việc.",
            "Sở Nội vụ kiểm tra hồ sơ, cấp giấy phép lao động; trường hợp không cấp thì trả "
            "lời bằng văn bản và nêu rõ lý do.",
        ),
        _ol(
            "Văn bản đề nghị cấp giấy phép lao động (Mẫu số 11/PLI).",
            "Giấy chứng nhận sức khỏe còn hiệu lực.",
            "Phiếu lý lịch tư pháp.",
            "Văn bản chứng minh nhà quản lý, giám đốc điều hành, chuyên gia hoặc lao động kỹ thuật.",
            "02 ảnh màu 4 cm x 6 cm.",
            "Bản sao hộ chiếu còn giá trị.",
        ),
        _p(
            "Bộ luật Lao động năm 2019.",
            "Nghị định số 219/2025/NĐ-CP về người lao động nước ngoài làm việc tại Việt Nam.",
        ),
        for_foreigners=True,
        volume=14,
        extra={"decision_number": "1536/QĐ-UBND", "decision_date": datetime.date(2025, 9, 12)},
    ),
    DemoService(
        "Cấp thẻ tạm trú cho người nước ngoài tại Việt Nam",
        "the-tam-tru-nguoi-nuoc-ngoai",
        "1.010055",
        "Công an",
        "Quản lý xuất nhập cảnh",
        "Phòng Quản lý xuất nhập cảnh, Công an tỉnh Lai Châu",
        ServiceLevel.PARTIAL,
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "145 USD/thẻ có thời hạn đến 2 năm; 155 USD/thẻ có thời hạn trên 2 năm đến 5 năm",
        _ol(
            "Cơ quan, tổ chức, cá nhân mời, bảo lãnh nộp hồ sơ trực tuyến hoặc tại Phòng Quản "
            "lý xuất nhập cảnh Công an tỉnh.",
            "Cán bộ kiểm tra hồ sơ, thu phí và hẹn ngày trả kết quả.",
            "Nhận thẻ tạm trú trực tiếp hoặc qua dịch vụ bưu chính công ích.",
        ),
        _ol(
            "Văn bản đề nghị của cơ quan, tổ chức, cá nhân mời, bảo lãnh.",
            "Tờ khai đề nghị cấp thẻ tạm trú (mẫu NA8) có dán ảnh.",
            "Hộ chiếu còn thời hạn ít nhất 13 tháng.",
            "Giấy tờ chứng minh thuộc trường hợp được cấp thẻ tạm trú.",
        ),
        _p(
            "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam.",
            "Thông tư số 25/2021/TT-BTC quy định mức thu phí, lệ phí trong lĩnh vực xuất cảnh, nhập cảnh.",
        ),
        for_foreigners=True,
        volume=9,
    ),
    DemoService(
        "Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam, người nước ngoài đang cư trú tại Việt Nam",
        "phieu-ly-lich-tu-phap",
        "2.000505",
        "Tư pháp",
        "Lý lịch tư pháp",
        "Sở Tư pháp tỉnh Lai Châu",
        ServiceLevel.FULL,
        "10 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
        "200.000 đồng/lần/người (sinh viên, người có công: 100.000 đồng)",
        _ol(
            "Nộp tờ khai và ảnh chụp giấy tờ trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
            "Thanh toán lệ phí trực tuyến.",
            "Nhận Phiếu lý lịch tư pháp điện tử hoặc bản giấy qua bưu chính.",
        ),
        _ol(
            "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp.",
            "Bản chụp hộ chiếu hoặc thẻ căn cước, giấy tờ chứng minh nơi cư trú.",
        ),
        _p(
            "Luật Lý lịch tư pháp năm 2009.",
            "Thông tư số 244/2016/TT-BTC quy định mức thu phí cung cấp thông tin lý lịch tư pháp.",
        ),
        for_foreigners=True,
        volume=420,
        national=True,
    ),
    DemoService(
        "Đăng ký thành lập doanh nghiệp tư nhân",
        "thanh-lap-doanh-nghiep-tu-nhan",
        "1.001612",
        "Tài chính",
        "Thành lập và hoạt động của doanh nghiệp",
        "Sở Tài chính tỉnh Lai Châu",
        ServiceLevel.FULL,
        "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Miễn lệ phí khi đăng ký qua mạng điện tử",
        _ol(
            "Nộp hồ sơ trên Cổng thông tin quốc gia về đăng ký doanh nghiệp bằng tài khoản "
            "định danh điện tử.",
            "Phòng Đăng ký kinh doanh xem xét hồ sơ.",
            "Nhận Giấy chứng nhận đăng ký doanh nghiệp bản điện tử.",
        ),
        _ol("Giấy đề nghị đăng ký doanh nghiệp.", "Bản sao giấy tờ pháp lý của chủ doanh nghiệp tư nhân."),
        _p("Luật Doanh nghiệp năm 2020.", "Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp."),
        volume=85,
    ),
    DemoService(
        "Cấp giấy phép thăm dò nước dưới đất đối với công trình có lưu lượng dưới 3.000 m³/ngày đêm",
        "giay-phep-tham-do-nuoc-duoi-dat",
        "1.004228",
        "Nông nghiệp và Môi trường",
        "Tài nguyên nước",
        "Sở Nông nghiệp và Môi trường tỉnh Lai Châu",
        ServiceLevel.LEVEL_2,
        "23 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Theo Nghị quyết của Hội đồng nhân dân tỉnh",
        _ol(
            "Nộp hồ sơ tại Trung tâm Phục vụ hành chính công tỉnh.",
            "Sở Nông nghiệp và Môi trường thẩm định đề án, kiểm tra thực tế.",
            "Trình Ủy ban nhân dân tỉnh cấp giấy phép.",
        ),
        _ol("Đơn đề nghị cấp giấy phép.", "Đề án thiết kế giếng thăm dò."),
        _p("Luật Tài nguyên nước năm 2023."),
    ),
]

SCIENCE = [
    DemoService(
        "Cấp giấy phép tiến hành công việc bức xạ – sử dụng thiết bị X-quang chẩn đoán trong y tế",
        "giay-phep-buc-xa-x-quang",
        "1.003356",
        "Khoa học và Công nghệ",
        "An toàn bức xạ và hạt nhân",
        "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        ServiceLevel.FULL,
        "15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Theo Thông tư số 287/2016/TT-BTC",
        _ol(
            "Nộp hồ sơ trên Cổng Dịch vụ công quốc gia.",
            "Sở thẩm định hồ sơ, đánh giá điều kiện an toàn bức xạ.",
            "Nhận giấy phép bản điện tử.",
        ),
        _ol(
            "Đơn đề nghị cấp giấy phép.",
            "Báo cáo đánh giá an toàn.",
            "Chứng chỉ nhân viên bức xạ của người phụ trách an toàn.",
        ),
        _p("Luật Năng lượng nguyên tử năm 2008.", "Nghị định số 142/2020/NĐ-CP."),
        volume=6,
    ),
    DemoService(
        "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ sử dụng ngân sách nhà nước",
        "dang-ky-ket-qua-nhiem-vu-khcn",
        "1.000967",
        "Khoa học và Công nghệ",
        "Hoạt động khoa học và công nghệ",
        "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        ServiceLevel.FULL,
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Không",
        _ol(
            "Tổ chức chủ trì nộp hồ sơ trực tuyến trong 30 ngày sau khi được nghiệm thu.",
            "Sở cấp Giấy chứng nhận đăng ký kết quả thực hiện nhiệm vụ.",
        ),
        _ol(
            "Phiếu đăng ký kết quả thực hiện nhiệm vụ.",
            "Báo cáo tổng hợp kết quả.",
            "Biên bản đánh giá, nghiệm thu.",
        ),
        _p("Luật Khoa học và Công nghệ năm 2013.", "Thông tư số 14/2014/TT-BKHCN."),
        volume=4,
    ),
    DemoService(
        "Cấp giấy chứng nhận đăng ký chuyển giao công nghệ (trừ trường hợp thuộc thẩm quyền "
        "của Bộ Khoa học và Công nghệ)",
        "dang-ky-chuyen-giao-cong-nghe",
        "1.002185",
        "Khoa học và Công nghệ",
        "Chuyển giao công nghệ",
        "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        ServiceLevel.PARTIAL,
        "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "0,1% tổng giá trị hợp đồng, tối đa 10.000.000 đồng",
        _ol(
            "Bên nhận hoặc bên giao công nghệ, kể cả bên nước ngoài, nộp hồ sơ trong 90 ngày "
            "kể từ ngày ký hợp đồng.",
            "Sở xem xét và cấp giấy chứng nhận.",
        ),
        _ol(
            "Văn bản đề nghị đăng ký chuyển giao công nghệ.",
            "Bản gốc hoặc bản sao có chứng thực hợp đồng, kèm bản dịch tiếng Việt nếu hợp "
            "đồng bằng tiếng nước ngoài.",
        ),
        _p("Luật Chuyển giao công nghệ năm 2017.", "Nghị định số 76/2018/NĐ-CP."),
        for_foreigners=True,
        volume=2,
    ),
]

FINANCE = [
    PROVINCE[3],
    DemoService(
        "Đăng ký thay đổi nội dung đăng ký doanh nghiệp",
        "thay-doi-noi-dung-dang-ky-doanh-nghiep",
        "2.002037",
        "Tài chính",
        "Thành lập và hoạt động của doanh nghiệp",
        "Sở Tài chính tỉnh Lai Châu",
        ServiceLevel.FULL,
        "03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Miễn lệ phí khi đăng ký qua mạng điện tử",
        _ol(
            "Nộp hồ sơ trên Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
            "Nhận Giấy chứng nhận đăng ký doanh nghiệp đã thay đổi.",
        ),
        _ol(
            "Thông báo thay đổi nội dung đăng ký doanh nghiệp.",
            "Nghị quyết, quyết định của chủ sở hữu hoặc hội đồng thành viên.",
        ),
        _p("Luật Doanh nghiệp năm 2020."),
        volume=140,
    ),
    DemoService(
        "Cấp Giấy chứng nhận đăng ký đầu tư đối với dự án không thuộc diện chấp thuận chủ trương đầu tư",
        "giay-chung-nhan-dang-ky-dau-tu",
        "2.001998",
        "Tài chính",
        "Đầu tư tại Việt Nam",
        "Sở Tài chính tỉnh Lai Châu",
        ServiceLevel.PARTIAL,
        "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
        "Không",
        _ol(
            "Nhà đầu tư, kể cả nhà đầu tư nước ngoài, kê khai trực tuyến trên Hệ thống thông "
            "tin quốc gia về đầu tư rồi nộp hồ sơ giấy.",
            "Sở Tài chính cấp Giấy chứng nhận đăng ký đầu tư.",
        ),
        _ol(
            "Văn bản đề nghị thực hiện dự án đầu tư.",
            "Tài liệu về tư cách pháp lý của nhà đầu tư.",
            "Đề xuất dự án đầu tư.",
        ),
        _p("Luật Đầu tư năm 2020.", "Nghị định số 31/2021/NĐ-CP."),
        for_foreigners=True,
        volume=3,
    ),
]

COMMUNE = [
    DemoService(
        "Đăng ký khai sinh",
        "dang-ky-khai-sinh",
        "1.001193",
        "Tư pháp",
        "Hộ tịch",
        "Ủy ban nhân dân cấp xã",
        ServiceLevel.FULL,
        "Trong ngày làm việc",
        "Miễn lệ phí đăng ký khai sinh đúng hạn",
        _ol(
            "Cha, mẹ nộp tờ khai trên Cổng Dịch vụ công quốc gia hoặc ứng dụng VNeID.",
            "Công chức tư pháp – hộ tịch kiểm tra và ghi vào Sổ hộ tịch.",
            "Nhận Giấy khai sinh bản điện tử; bản giấy nhận tại bộ phận một cửa.",
        ),
        _ol("Tờ khai đăng ký khai sinh.", "Giấy chứng sinh."),
        _p("Luật Hộ tịch năm 2014.", "Nghị định số 123/2015/NĐ-CP."),
        volume=38,
        national=True,
    ),
    DemoService(
        "Đăng ký khai sinh có yếu tố nước ngoài",
        "dang-ky-khai-sinh-yeu-to-nuoc-ngoai",
        "1.001695",
        "Tư pháp",
        "Hộ tịch",
        "Ủy ban nhân dân cấp xã",
        ServiceLevel.PARTIAL,
        "Trong ngày làm việc; nếu phải xác minh, không quá 05 ngày làm việc",
        "Theo Nghị quyết của Hội đồng nhân dân tỉnh",
        _ol(
            "Người đi đăng ký nộp hồ sơ trực tuyến hoặc tại bộ phận một cửa của xã.",
            "Công chức tư pháp – hộ tịch kiểm tra hồ sơ, báo cáo Chủ tịch Ủy ban nhân dân.",
            "Cha hoặc mẹ ký vào Sổ hộ tịch và nhận Giấy khai sinh.",
        ),
        _ol(
            "Tờ khai đăng ký khai sinh.",
            "Giấy chứng sinh.",
            "Văn bản thỏa thuận của cha, mẹ về việc chọn quốc tịch cho con (nếu có).",
        ),
        _p("Luật Hộ tịch năm 2014.", "Luật Quốc tịch Việt Nam."),
        for_foreigners=True,
        volume=1,
    ),
    DemoService(
        "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan, tổ chức có thẩm quyền "
        "của Việt Nam cấp hoặc chứng nhận",
        "chung-thuc-ban-sao",
        "2.000815",
        "Tư pháp",
        "Chứng thực",
        "Ủy ban nhân dân cấp xã",
        ServiceLevel.PARTIAL,
        "Trong ngày làm việc",
        "2.000 đồng/trang; từ trang thứ ba 1.000 đồng/trang",
        _ol(
            "Người yêu cầu, kể cả người nước ngoài, xuất trình bản chính và bản sao cần chứng thực.",
            "Người thực hiện chứng thực đối chiếu, ký và đóng dấu.",
        ),
        _ol("Bản chính giấy tờ, văn bản.", "Bản sao cần chứng thực."),
        _p("Nghị định số 23/2015/NĐ-CP về chứng thực."),
        for_foreigners=True,
        volume=160,
    ),
    DemoService(
        "Cấp giấy phép xây dựng nhà ở riêng lẻ",
        "giay-phep-xay-dung-nha-o-rieng-le",
        "1.009999",
        "Xây dựng",
        "Hoạt động xây dựng",
        "Ủy ban nhân dân cấp xã",
        ServiceLevel.PARTIAL,
        "15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ",
        "75.000 đồng/giấy phép",
        _ol("Nộp hồ sơ trực tuyến hoặc tại bộ phận một cửa.", "Kiểm tra thực địa, cấp giấy phép."),
        _ol(
            "Đơn đề nghị cấp giấy phép xây dựng.",
            "Bản sao giấy tờ chứng minh quyền sử dụng đất.",
            "Bản vẽ thiết kế xây dựng.",
        ),
        _p("Luật Xây dựng năm 2014, sửa đổi năm 2020."),
        volume=12,
    ),
]

SERVICES_BY_CODE = {"sokhcn": SCIENCE, "sotc": FINANCE}
SERVICES_BY_KIND = {"province": PROVINCE, "department": SCIENCE}

ROADMAP = [
    (
        2025,
        "125/KH-UBND",
        "Đăng ký thành lập doanh nghiệp tư nhân (toàn trình)\nCấp Phiếu lý lịch tư pháp (toàn trình)",
        "Đã hoàn thành.",
    ),
    (
        2026,
        "98/KH-UBND",
        "Cấp giấy phép lao động cho người lao động nước ngoài (toàn trình)\n"
        "Cấp giấy phép xây dựng nhà ở riêng lẻ (toàn trình)\n"
        "Cấp giấy phép thăm dò nước dưới đất (một phần)",
        "Đang triển khai, báo cáo 6 tháng.",
    ),
    (2027, "", "Toàn bộ thủ tục đủ điều kiện được cung cấp trực tuyến toàn trình", ""),
]


# English names of the demo's sectors and fields, for the English pages.
LABELS_EN = {
    "Công an": "Public Security", "Khoa học và Công nghệ": "Science and Technology",
    "Nông nghiệp và Môi trường": "Agriculture and Environment", "Nội vụ": "Home Affairs",
    "Tài chính": "Finance", "Tư pháp": "Justice", "Xây dựng": "Construction",
    "An toàn bức xạ và hạt nhân": "Radiation and nuclear safety",
    "Chuyển giao công nghệ": "Technology transfer", "Chứng thực": "Certification",
    "Hoạt động khoa học và công nghệ": "Science and technology activities",
    "Hoạt động xây dựng": "Construction activities", "Hộ tịch": "Civil status",
    "Lý lịch tư pháp": "Criminal records", "Quản lý xuất nhập cảnh": "Immigration",
    "Thành lập và hoạt động của doanh nghiệp": "Business establishment and operation",
    "Tài nguyên nước": "Water resources", "Việc làm": "Employment",
    "Đầu tư tại Việt Nam": "Investment in Viet Nam",
}


def _label(sector_name: str, field_name: str) -> tuple[ServiceSector, ServiceField]:
    sector, _created = ServiceSector.objects.get_or_create(
        name=sector_name, defaults={"name_en": LABELS_EN.get(sector_name, "")}
    )
    field_label, _created = ServiceField.objects.get_or_create(
        name=field_name, defaults={"sector": sector, "name_en": LABELS_EN.get(field_name, "")}
    )
    return sector, field_label


def _statistics(volume: int) -> list[ServiceStatistic]:
    """A year and the quarters since, growing online, with a few late dossiers."""
    rows = [(2025, ReportPeriod.YEAR, volume * 4, 0.55)]
    rows += [
        (2026, period, volume + step, 0.7 + step / 20)
        for step, period in enumerate((ReportPeriod.Q1, ReportPeriod.Q2, ReportPeriod.Q3))
    ]
    statistics = []
    for year, period, received, online_share in rows:
        late = round(received * 0.04)
        pending = received // 10
        statistics.append(
            ServiceStatistic(
                year=year,
                period=period,
                usage_count=received * 6,
                received=received,
                received_online=round(received * min(online_share, 1)),
                resolved_on_time=received - late - pending,
                resolved_late=late,
                in_progress=pending,
            )
        )
    return statistics


def load_demo_content(portal: Any) -> None:
    # The Vietnamese tree: English versions are made from it.
    index = PublicServiceIndexPage.objects.filter(
        depth=3, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if index is None or index.get_children().exists():
        return
    services = SERVICES_BY_CODE.get(portal.code) or SERVICES_BY_KIND.get(portal.kind, COMMUNE)
    index.intro = (
        "<p>Danh mục thủ tục hành chính và dịch vụ công trực tuyến do đơn vị giải quyết. Hồ "
        "sơ được nộp, theo dõi và nhận kết quả trên Cổng Dịch vụ công quốc gia hoặc Hệ thống "
        "thông tin giải quyết thủ tục hành chính của tỉnh.</p>"
    )
    index.province_portal_name = PROVINCE_PORTAL_NAME
    index.province_portal_url = PROVINCE_PORTAL_URL
    index.roadmap = [
        ServiceRoadmap(year=year, plan_document=document, planned_services=planned, note=note)
        for year, document, planned, note in ROADMAP
    ]
    index.save_revision().publish()
    for service in services:
        sector, field_label = _label(service.sector, service.field)
        online = service.level != ServiceLevel.LEVEL_2
        publish_child(
            index,
            PublicServicePage(
                title=service.title,
                slug=service.slug,
                code=service.code,
                sector=sector,
                field=field_label,
                agency=service.agency,
                level=service.level,
                for_foreigners=service.for_foreigners,
                online_url=(
                    "" if not online else NATIONAL_PORTAL_URL if service.national else PROVINCE_PORTAL_URL
                ),
                processing_time=service.processing_time,
                fees=service.fees,
                guide=[
                    {"type": "steps", "value": service.steps},
                    {"type": "dossier", "value": service.dossier},
                    {"type": "legal_basis", "value": service.legal_basis},
                ],
                statistics=_statistics(service.volume) if online else [],
                **service.extra,
            ),
        )
