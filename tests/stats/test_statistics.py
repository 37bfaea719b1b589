"""Section n: statistics releases."""

from __future__ import annotations

import datetime

import pytest

from django.core.exceptions import ValidationError

from tests.stats.factories import StatisticsReleasePageFactory
from tests.support.portals import client_for


def test_release_shows_period_decision_and_analysis(portal_b, portal_a):
    release = StatisticsReleasePageFactory(
        portal=portal_b, title="Kết quả rà soát hộ nghèo năm 2025", slug="ho-ngheo-2025",
        period_start=datetime.date(2025, 9, 1), period_end=datetime.date(2025, 11, 30),
        publication_decision_number="25/QĐ-UBND",
        publication_decision_date=datetime.date(2026, 1, 8),
        methodology="<p>Chuẩn nghèo đa chiều.</p>",
        analysis="<p>Tỷ lệ hộ nghèo giảm 4,2 điểm phần trăm.</p>",
    )
    assert release.posting_clock.event_date(release) == datetime.date(2026, 1, 8)
    html = client_for(portal_b).get("/thong-ke/ho-ngheo-2025/").content.decode()
    for text in ["01/09/2025 – 30/11/2025", "25/QĐ-UBND ngày 08/01/2026", "Phương pháp",
                 "Chuẩn nghèo đa chiều", "Phân tích", "giảm 4,2 điểm phần trăm",
                 'Ngày quyết định công bố: <time datetime="2026-01-08">08/01/2026</time>']:
        assert text in html, text
    assert "hộ nghèo năm 2025" in client_for(portal_b).get("/thong-ke/").content.decode()
    assert "hộ nghèo năm 2025" not in client_for(portal_a).get("/thong-ke/").content.decode()


def test_period_must_end_after_it_starts(portal_b):
    page = StatisticsReleasePageFactory.build(
        period_start=datetime.date(2025, 5, 1), period_end=datetime.date(2025, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert "Ngày kết thúc kỳ điều tra" in exc.value.message_dict["period_end"][0]
