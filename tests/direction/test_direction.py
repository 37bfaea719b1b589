"""Direction and administration: the schedules' week view and the page types."""

from __future__ import annotations

from datetime import date, time

import pytest
from django_tenants.utils import schema_context

from tests.direction.factories import (
    DirectivePageFactory,
    EnterpriseSanctionPageFactory,
    LawDisseminationDocumentFactory,
    LawDisseminationPageFactory,
    PetitionResponsePageFactory,
    ScheduleEntryFactory,
)
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.support.portals import client_for

WORK = "/chi-dao-dieu-hanh/lich-cong-tac/"


@pytest.fixture
def schedule(portal_a):
    from direction.models import ScheduleEntry

    with schema_context(portal_a.schema_name):
        for day, content in [
            (date(2026, 3, 9), "Giao ban đầu tuần"),  # Monday of ISO week 11
            (date(2026, 3, 13), "Họp Ban Biên tập"),  # Friday of week 11
            (date(2026, 3, 16), "Tiếp đoàn công tác của Bộ"),  # Monday of week 12
            (date(2026, 3, 8), "Kiểm tra cơ sở ngày Chủ nhật"),  # Sunday of week 10
        ]:
            ScheduleEntryFactory(
                date=day, start_time=time(8, 0), content=content, place="Phòng họp số 1",
                participants="Lãnh đạo Sở", leader="Đồng chí Giám đốc",
            )
        ScheduleEntryFactory(
            kind=ScheduleEntry.Kind.RECEPTION, date=date(2026, 3, 11), start_time=time(7, 30),
            content="Tiếp công dân định kỳ", place="Trụ sở tiếp công dân",
        )
    return portal_a


def test_week_view_shows_that_weeks_entries_only(schedule):
    html = client_for(schedule).get(f"{WORK}?tuan=2026-W11").content.decode()
    assert "Giao ban đầu tuần" in html and "Họp Ban Biên tập" in html
    assert "Tiếp đoàn công tác của Bộ" not in html
    assert "Kiểm tra cơ sở ngày Chủ nhật" not in html
    assert "Tiếp công dân định kỳ" not in html  # another schedule
    assert "09/03/2026" in html and "15/03/2026" in html
    assert "08:00" in html and "Phòng họp số 1" in html and "Lãnh đạo Sở" in html
    assert "Thứ Hai" in html and "Chủ Nhật" in html
    assert "?tuan=2026-W10" in html and "?tuan=2026-W12" in html


def test_previous_and_next_weeks(schedule):
    client = client_for(schedule)
    nxt = client.get("/chi-dao-dieu-hanh/lich-cong-tac/?tuan=2026-W12").content.decode()
    assert "Tiếp đoàn công tác của Bộ" in nxt and "Giao ban đầu tuần" not in nxt
    prev = client.get("/chi-dao-dieu-hanh/lich-cong-tac/?tuan=2026-W10").content.decode()
    assert "Kiểm tra cơ sở ngày Chủ nhật" in prev and "Giao ban đầu tuần" not in prev


def test_reception_schedule_and_bad_week_falls_back_to_this_week(schedule):
    client = client_for(schedule)
    html = client.get("/chi-dao-dieu-hanh/lich-tiep-cong-dan/?tuan=2026-W11").content.decode()
    assert "Tiếp công dân định kỳ" in html and "Giao ban đầu tuần" not in html
    assert client.get("/chi-dao-dieu-hanh/lich-cong-tac/?tuan=rac").status_code == 200


def test_schedules_are_per_portal(schedule, portal_b):
    html = client_for(portal_b).get(f"{WORK}?tuan=2026-W11").content.decode()
    assert "Giao ban đầu tuần" not in html


def test_direction_pages_link_to_documents_and_filter_by_kind(portal_a):
    from wagtail.rich_text import RichText

    with schema_context(portal_a.schema_name):
        doc = LegalDocumentPageFactory(number="05/CT-UBND", summary="Tăng cường kỷ luật hành chính")
        directive = DirectivePageFactory(
            title="Chỉ thị tăng cường kỷ luật", summary="Tăng cường kỷ luật hành chính",
            document=doc,
        )
        PetitionResponsePageFactory(
            title="Trả lời kiến nghị về đường liên bản", petition="Sửa đường",
            responder="Sở A", response=RichText("<p>Đã đưa vào kế hoạch.</p>"),
        )
        reward = EnterpriseSanctionPageFactory(
            title="Khen thưởng Công ty Chè", kind="khen-thuong", enterprise="Công ty Chè",
            decision_number="215/QĐ-UBND", decision_date=date(2025, 12, 30),
            measure="Bằng khen", reason="Thành tích xuất sắc",
        )
        directive_url, doc_url, reward_url = directive.url, doc.url, reward.url
    client = client_for(portal_a)
    listing = client.get("/chi-dao-dieu-hanh/").content.decode()
    assert "Chỉ thị tăng cường kỷ luật" in listing and "Khen thưởng Công ty Chè" in listing
    only = client.get("/chi-dao-dieu-hanh/?loai=tra-loi-kien-nghi").content.decode()
    assert "Trả lời kiến nghị về đường liên bản" in only
    assert "Chỉ thị tăng cường kỷ luật" not in only
    assert f'href="{doc_url}"' in client.get(directive_url).content.decode()
    reward_html = client.get(reward_url).content.decode()
    assert "215/QĐ-UBND" in reward_html and "30/12/2025" in reward_html


def test_law_dissemination_article_links_the_documents_it_explains(portal_a):
    with schema_context(portal_a.schema_name):
        doc = LegalDocumentPageFactory(
            number="42/2022/NĐ-CP", summary="Cung cấp thông tin trên môi trường mạng",
            doc_type="nghi-dinh",
        )
        article = LawDisseminationPageFactory(
            title="Điểm mới của Nghị định 42", summary="Hai mức độ dịch vụ công"
        )
        LawDisseminationDocumentFactory(page=article, document=doc)
        url, doc_url = article.url, doc.url
    client = client_for(portal_a)
    assert "Điểm mới của Nghị định 42" in client.get("/pho-bien-phap-luat/").content.decode()
    html = client.get(url).content.decode()
    assert f'href="{doc_url}"' in html and "Nghị định 42/2022/NĐ-CP" in html
