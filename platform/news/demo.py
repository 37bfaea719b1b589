"""Demo news for one portal (run inside the portal's schema)."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from wagtail.rich_text import RichText

from .models import NewsArticlePage, NewsCategory, NewsIndexPage


def load_demo_content(portal) -> None:
    index = NewsIndexPage.objects.filter(depth=3).first()
    if index is None or NewsArticlePage.objects.child_of(index).exists():
        return
    activity, _c = NewsCategory.objects.get_or_create(
        name="Tin hoạt động", defaults={"sort_order": 1}
    )
    economy, _c = NewsCategory.objects.get_or_create(
        name="Kinh tế – Xã hội", defaults={"sort_order": 2}
    )
    notices, _c = NewsCategory.objects.get_or_create(name="Thông báo", defaults={"sort_order": 3})
    now = timezone.now()
    articles = [
        dict(
            title=f"{portal.name} triển khai nhiệm vụ chuyển đổi số năm 2026",
            category=activity, publish_date=now - timedelta(hours=3),
            summary="Hội nghị đã thống nhất các chỉ tiêu chuyển đổi số trọng tâm, trong đó 100% hồ "
            "sơ công việc được xử lý trên môi trường mạng.",
            body=[
                ("paragraph", RichText(
                    "<p>Sáng nay, lãnh đạo đơn vị chủ trì hội nghị triển khai nhiệm vụ chuyển đổi "
                    "số năm 2026. Các phòng chuyên môn báo cáo kết quả năm 2025 và đề xuất giải "
                    "pháp cho năm mới.</p>"
                )),
                ("quote", {
                    "text": "Lấy người dân và doanh nghiệp làm trung tâm phục vụ.",
                    "attribution": "Phát biểu chỉ đạo tại hội nghị",
                }),
            ],
        ),
        dict(
            title="Lai Châu: thu hút đầu tư vào nông nghiệp công nghệ cao",
            category=economy, publish_date=now - timedelta(days=1),
            summary="Tỉnh tiếp tục rà soát quỹ đất, hoàn thiện cơ chế hỗ trợ doanh nghiệp đầu tư "
            "vào chè, mắc ca và dược liệu.",
            body=[("paragraph", RichText(
                "<p>Các sản phẩm chè Shan tuyết, mắc ca và sâm Lai Châu được xác định là sản phẩm "
                "chủ lực, ưu tiên kêu gọi đầu tư chế biến sâu.</p>"
            ))],
            is_reused=True, source_name="Báo Lai Châu", source_author="Phóng viên Báo Lai Châu",
            source_date=(now - timedelta(days=2)).date(), source_url="https://baolaichau.vn/",
        ),
        dict(
            title="Thông báo lịch tiếp công dân định kỳ tháng này",
            category=notices, publish_date=now - timedelta(days=2),
            summary="Lãnh đạo đơn vị tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở "
            "tiếp công dân.",
            body=[("paragraph", RichText(
                "<p>Công dân có nhu cầu phản ánh, kiến nghị mang theo giấy tờ tùy thân và tài "
                "liệu liên quan.</p>"
            ))],
        ),
        dict(
            title="Tập huấn sử dụng Cổng thông tin điện tử cho cán bộ biên tập",
            category=activity, publish_date=now - timedelta(days=5),
            summary="Hơn 50 cán bộ biên tập của các cơ quan, đơn vị được hướng dẫn quy trình soạn, "
            "duyệt và xuất bản tin bài.",
            body=[("paragraph", RichText(
                "<p>Lớp tập huấn giới thiệu quy trình biên tập, phê duyệt và các quy định về "
                "trích dẫn nguồn tin khi sử dụng lại thông tin.</p>"
            ))],
        ),
    ]
    for fields in articles:
        index.add_child(instance=NewsArticlePage(live=True, **fields))
