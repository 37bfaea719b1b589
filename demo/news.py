"""Demo news for one portal (run inside the portal's schema): categories and articles about
Lai Châu, the province portal getting more of them than the members."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from wagtail.rich_text import RichText

from news.models import NewsArticlePage, NewsCategory, NewsIndexPage

CATEGORIES = [
    ("activity", "Tin hoạt động"),
    ("economy", "Kinh tế – Xã hội"),
    ("culture", "Văn hóa – Du lịch"),
    ("notices", "Thông báo"),
]


def _p(*paragraphs: str) -> list:
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]


def _common_articles(portal) -> list[dict]:
    return [
        dict(
            title=f"{portal.name} triển khai nhiệm vụ chuyển đổi số năm 2026",
            category="activity", hours=3,
            summary="Hội nghị đã thống nhất các chỉ tiêu chuyển đổi số trọng tâm, trong đó 100% hồ "
            "sơ công việc được xử lý trên môi trường mạng.",
            body=[
                *_p("Sáng nay, lãnh đạo đơn vị chủ trì hội nghị triển khai nhiệm vụ chuyển đổi "
                    "số năm 2026. Các phòng chuyên môn báo cáo kết quả năm 2025 và đề xuất giải "
                    "pháp cho năm mới."),
                ("quote", {
                    "text": "Lấy người dân và doanh nghiệp làm trung tâm phục vụ.",
                    "attribution": "Phát biểu chỉ đạo tại hội nghị",
                }),
            ],
        ),
        dict(
            title="Lai Châu: thu hút đầu tư vào nông nghiệp công nghệ cao",
            category="economy", hours=24,
            summary="Tỉnh tiếp tục rà soát quỹ đất, hoàn thiện cơ chế hỗ trợ doanh nghiệp đầu tư "
            "vào chè, mắc ca và dược liệu.",
            body=_p("Các sản phẩm chè Shan tuyết, mắc ca và sâm Lai Châu được xác định là sản "
                    "phẩm chủ lực, ưu tiên kêu gọi đầu tư chế biến sâu."),
            is_reused=True, source_name="Báo Lai Châu", source_author="Phóng viên Báo Lai Châu",
            source_days=2, source_url="https://baolaichau.vn/",
        ),
        dict(
            title="Thông báo lịch tiếp công dân định kỳ tháng này",
            category="notices", hours=48,
            summary="Lãnh đạo đơn vị tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở "
            "tiếp công dân.",
            body=_p("Công dân có nhu cầu phản ánh, kiến nghị mang theo giấy tờ tùy thân và tài "
                    "liệu liên quan."),
        ),
        dict(
            title="Tập huấn sử dụng Cổng thông tin điện tử cho cán bộ biên tập",
            category="activity", hours=120,
            summary="Hơn 50 cán bộ biên tập của các cơ quan, đơn vị được hướng dẫn quy trình soạn, "
            "duyệt và xuất bản tin bài.",
            body=_p("Lớp tập huấn giới thiệu quy trình biên tập, phê duyệt và các quy định về "
                    "trích dẫn nguồn tin khi sử dụng lại thông tin."),
        ),
    ]


PROVINCE_ARTICLES = [
    dict(
        title="Chè Tam Đường vào mùa thu hoạch vụ xuân",
        category="economy", hours=30,
        summary="Toàn tỉnh có hơn 10.000 ha chè, trong đó gần 9.000 ha cho sản phẩm; giá chè búp "
        "tươi vụ xuân ổn định ở mức 8.000–12.000 đồng/kg.",
        body=_p("Tại các xã Bản Bo, Bình Lư, Nà Tăm, người dân tất bật thu hái chè vụ xuân. Nhiều "
                "hợp tác xã đã được cấp chứng nhận VietGAP và hữu cơ.",
                "Tỉnh khuyến khích doanh nghiệp liên kết bao tiêu sản phẩm theo Nghị quyết số "
                "45/2023/NQ-HĐND về hỗ trợ phát triển vùng chè tập trung."),
    ),
    dict(
        title="Phong Thổ: cây thảo quả, sa nhân giúp đồng bào vùng cao thoát nghèo",
        category="economy", hours=54,
        summary="Dưới tán rừng già ở Phong Thổ và Sìn Hồ, cây thảo quả mang lại thu nhập hàng "
        "chục triệu đồng mỗi năm cho các hộ người Dao, người Hà Nhì.",
        body=_p("Diện tích thảo quả toàn tỉnh đạt trên 7.000 ha. Việc trồng thảo quả gắn với giữ "
                "rừng đầu nguồn đang được nhân rộng."),
    ),
    dict(
        title="Sản lượng điện các nhà máy thủy điện trên địa bàn vượt kế hoạch",
        category="economy", hours=80,
        summary="Các nhà máy thủy điện Lai Châu, Huội Quảng, Bản Chát và nhiều thủy điện vừa và "
        "nhỏ đóng góp phần lớn thu ngân sách của tỉnh.",
        body=_p("Tỉnh yêu cầu các chủ đập thực hiện nghiêm quy trình vận hành liên hồ chứa, bảo "
                "đảm an toàn hạ du trong mùa mưa lũ."),
    ),
    dict(
        title="Sìn Hồ đón mùa du lịch cao nguyên",
        category="culture", hours=100,
        summary="Cao nguyên Sìn Hồ với khí hậu mát mẻ, chợ phiên và các bản du lịch cộng đồng thu "
        "hút đông du khách dịp cuối năm.",
        body=_p("Các bản người Mông, người Dao ở Sìn Hồ được hỗ trợ phát triển homestay theo Quy "
                "chế quản lý hoạt động du lịch cộng đồng của tỉnh."),
    ),
    dict(
        title="Khai mạc Lễ hội Trà Tam Đường năm 2025",
        category="culture", hours=150,
        summary="Lễ hội giới thiệu sản phẩm chè Lai Châu, văn hóa trà của đồng bào các dân tộc và "
        "các điểm du lịch của huyện Tam Đường.",
        body=_p("Lễ hội diễn ra trong ba ngày với các hoạt động thi hái chè, sao chè thủ công, "
                "trình diễn trang phục dân tộc và hội chợ nông sản."),
    ),
    dict(
        title="Than Uyên khởi công tuyến đường liên xã Mường Kim – Tà Mung",
        category="activity", hours=200,
        summary="Công trình có tổng mức đầu tư 46 tỷ đồng, dự kiến hoàn thành trong năm 2027.",
        body=_p("Tuyến đường dài 12,5 km, kết nối các bản vùng cao với trung tâm huyện Than "
                "Uyên, phục vụ vận chuyển nông sản và du lịch."),
    ),
    dict(
        title="Thông báo tuyển dụng viên chức các đơn vị sự nghiệp năm 2026",
        category="notices", hours=260,
        summary="Các đơn vị sự nghiệp công lập thuộc tỉnh tuyển dụng 120 chỉ tiêu viên chức giáo "
        "dục, y tế và văn hóa.",
        body=_p("Hồ sơ nộp trực tiếp hoặc qua dịch vụ bưu chính công ích trong thời hạn 30 ngày "
                "kể từ ngày thông báo."),
    ),
]


def load_demo_content(portal) -> None:
    index = NewsIndexPage.objects.filter(depth=3).first()
    if index is None or NewsArticlePage.objects.child_of(index).exists():
        return
    categories = {
        key: NewsCategory.objects.get_or_create(name=name, defaults={"sort_order": order})[0]
        for order, (key, name) in enumerate(CATEGORIES, start=1)
    }
    articles = _common_articles(portal)
    if portal.kind == "province":
        articles += PROVINCE_ARTICLES
    now = timezone.now()
    for spec in articles:
        fields = dict(spec)
        published = now - timedelta(hours=fields.pop("hours"))
        fields["category"] = categories[fields["category"]]
        if "source_days" in fields:
            fields["source_date"] = (now - timedelta(days=fields.pop("source_days"))).date()
        index.add_child(instance=NewsArticlePage(
            live=True, publish_date=published, first_published_at=published,
            last_published_at=published, **fields,
        ))
