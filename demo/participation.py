"""Demo questions and a consultation for one portal (run inside the portal's schema).

Rows are written directly, not through the public form: a demo load sends no e-mail.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from participation.models import (
    ConsultationComment,
    ConsultationIndexPage,
    ConsultationPage,
    Question,
    QuestionEvent,
    QuestionIndexPage,
    QuestionTopic,
)
from workdays.calendar import add_working_days
from workdays.models import calendar_for_schema

TOPICS = ["Thủ tục hành chính", "Đất đai", "Đầu tư – Kinh doanh", "Chính sách xã hội"]

QUESTIONS = [
    dict(
        topic="Thủ tục hành chính",
        days_ago=30,
        asker="Nguyễn Văn An",
        title="Nộp hồ sơ cấp phiếu lý lịch tư pháp trực tuyến",
        body="Tôi đang làm việc ở tỉnh khác, có thể nộp hồ sơ cấp phiếu lý lịch tư pháp trực "
        "tuyến và nhận kết quả qua bưu điện được không?",
        answer="Ông/Bà có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia và chọn "
        "nhận kết quả qua dịch vụ bưu chính công ích. Lệ phí và cước bưu chính nộp trực tuyến "
        "khi nộp hồ sơ.",
        unit="Sở Tư pháp",
        answerer="Trần Thị Bình",
        answerer_title="Phó Giám đốc",
        citations="Luật Lý lịch tư pháp số 28/2009/QH12 – ngày 17/6/2009 – Quốc hội",
    ),
    dict(
        topic="Đầu tư – Kinh doanh",
        days_ago=20,
        asker="Công ty TNHH Nông sản Tam Đường",
        organisation=True,
        title="Ưu đãi đầu tư cho dự án chế biến chè",
        body="Doanh nghiệp dự định đầu tư nhà máy chế biến chè tại huyện Tam Đường. Xin hỏi dự "
        "án có thuộc danh mục được ưu đãi đầu tư của tỉnh không?",
        answer="Dự án chế biến nông sản tại địa bàn có điều kiện kinh tế – xã hội đặc biệt khó "
        "khăn thuộc ngành, nghề ưu đãi đầu tư. Doanh nghiệp liên hệ Sở Tài chính để được hướng "
        "dẫn thủ tục chấp thuận chủ trương đầu tư.",
        unit="Sở Tài chính",
        answerer="Lò Văn Cường",
        answerer_title="Giám đốc",
        citations="Luật Đầu tư số 61/2020/QH14 – ngày 17/6/2020 – Quốc hội",
    ),
    dict(
        topic="Đất đai",
        days_ago=12,
        asker="Lê Thị Dung",
        title="Thời hạn cấp giấy chứng nhận quyền sử dụng đất lần đầu",
        body="Gia đình tôi nộp hồ sơ đề nghị cấp giấy chứng nhận quyền sử dụng đất lần đầu đã "
        "hơn 20 ngày. Thời hạn giải quyết theo quy định là bao lâu?",
        answer="Thời hạn cấp giấy chứng nhận lần đầu không quá 20 ngày làm việc kể từ ngày nhận "
        "đủ hồ sơ hợp lệ, không kể thời gian xác minh, niêm yết công khai; ở các xã vùng sâu, "
        "vùng xa được tăng thêm 10 ngày làm việc.",
        unit="Sở Nông nghiệp và Môi trường",
        answerer="Vàng A Dơ",
        answerer_title="Phó Giám đốc",
        citations="Nghị định số 101/2024/NĐ-CP – ngày 29/7/2024 – Chính phủ",
    ),
]


def _topics() -> dict[str, QuestionTopic]:
    return {
        name: QuestionTopic.objects.get_or_create(name=name, defaults={"sort_order": i})[0]
        for i, name in enumerate(TOPICS)
    }


def _questions() -> None:
    if Question.objects.exists():
        return
    topics = _topics()
    calendar = calendar_for_schema()
    now = timezone.now()
    for spec in QUESTIONS:
        received = now - dt.timedelta(days=spec["days_ago"])
        organisation = spec.get("organisation", False)
        question = Question.objects.create(
            kind=Question.Kind.QUESTION,
            asker_type=Question.AskerType.ORGANISATION if organisation else Question.AskerType.INDIVIDUAL,
            full_name="Phạm Minh Đức" if organisation else spec["asker"],
            position="Giám đốc" if organisation else "",
            organisation_name=spec["asker"] if organisation else "",
            licence_number="6200123456" if organisation else "",
            address="Thành phố Lai Châu, tỉnh Lai Châu",
            phone="0213 3876 000",
            topic=topics[spec["topic"]],
            title=spec["title"],
            body=spec["body"],
            received_at=received,
            deadline=add_working_days(received, 15, calendar),
            status=Question.Status.PUBLISHED,
            assigned_unit=spec["unit"],
            answer=spec["answer"],
            answered_by_unit=spec["unit"],
            answerer_name=spec["answerer"],
            answerer_title=spec["answerer_title"],
            citation_notes=spec["citations"],
            answered_at=received + dt.timedelta(days=5),
            approved_at=received + dt.timedelta(days=6),
            is_public=True,
            published_at=received + dt.timedelta(days=6),
        )
        for action, offset in (("received", 0), ("answered", 5), ("approved", 6), ("published", 6)):
            QuestionEvent.objects.create(
                question=question, action=action, at=received + dt.timedelta(days=offset)
            )
    # One still being handled, to show the board's lists.
    received = now - dt.timedelta(days=2)
    Question.objects.create(
        asker_type=Question.AskerType.INDIVIDUAL,
        full_name="Hoàng Văn Em",
        address="Xã Bình Lư, tỉnh Lai Châu",
        phone="0912 345 678",
        topic=topics["Chính sách xã hội"],
        title="Hỗ trợ học phí cho học sinh dân tộc thiểu số",
        body="Con tôi học lớp 10 tại trường dân tộc nội trú, gia đình có được hỗ trợ học phí không?",
        received_at=received,
        deadline=add_working_days(received, 15, calendar),
        status=Question.Status.ASSIGNED,
        assigned_unit="Sở Giáo dục và Đào tạo",
    )


def _consultation() -> None:
    index = ConsultationIndexPage.objects.filter(depth=3).first()
    if index is None or ConsultationPage.objects.child_of(index).exists():
        return
    now = timezone.now()
    page = ConsultationPage(
        title="Dự thảo Quy chế quản lý, vận hành Cổng thông tin điện tử",
        slug="du-thao-quy-che-cong-thong-tin",
        summary="Lấy ý kiến rộng rãi về dự thảo Quyết định ban hành Quy chế quản lý, vận hành và "
        "cung cấp thông tin trên Cổng thông tin điện tử.",
        body="<p><b>Điều 1.</b> Phạm vi điều chỉnh: Quy chế này quy định việc quản lý, vận hành "
        "và cung cấp thông tin trên Cổng thông tin điện tử.</p><p><b>Điều 2.</b> Đối tượng áp "
        "dụng: các cơ quan, đơn vị cung cấp thông tin và tổ chức, cá nhân sử dụng Cổng.</p>",
        opens_at=now - dt.timedelta(days=10),
        closes_at=now + dt.timedelta(days=20),
        drafting_unit="Văn phòng UBND tỉnh",
        receiving_unit="Ban Biên tập Cổng thông tin điện tử",
        receiving_address="Tầng 3, Khu hành chính tỉnh, phường Tân Phong, tỉnh Lai Châu",
        receiving_email="bbt@laichau.gov.vn",
        receiving_phone="0213 3876 555",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    for name, section, body, status in (
        (
            "Đỗ Văn Giang",
            "Điều 2",
            "Đề nghị bổ sung đối tượng áp dụng là các đơn vị sự nghiệp công lập trực thuộc.",
            ConsultationComment.Status.APPROVED,
        ),
        (
            "Bùi Thị Hà",
            "Điều 1",
            "Đề nghị làm rõ khái niệm “cung cấp thông tin” có bao gồm thông tin trả lời Hỏi – Đáp hay không.",
            ConsultationComment.Status.APPROVED,
        ),
        ("Ngô Văn Ích", "", "Tôi đồng ý với dự thảo.", ConsultationComment.Status.PENDING),
    ):
        ConsultationComment.objects.create(
            page=page,
            full_name=name,
            email="",
            phone="0913 000 111",
            section=section,
            body=body,
            status=status,
            submitted_at=now - dt.timedelta(days=3),
        )


def load_demo_content(portal) -> None:
    """Answered and published questions and one open consultation with comments."""
    if QuestionIndexPage.objects.filter(depth=3).exists():
        _questions()
    _consultation()
