"""Section m: science and technology programmes."""

from __future__ import annotations

import datetime

import pytest

from django.core.exceptions import ValidationError

from tests.science.factories import ScienceProgrammePageFactory
from tests.support.portals import client_for


def test_programme_page_shows_results_after_acceptance(portal_a, portal_b):
    page = ScienceProgrammePageFactory(
        portal=portal_a, title="Nhân giống chè Shan tuyết", slug="che-shan-tuyet",
        code="ĐT.01-2024", management_level="tinh", field="nong-nghiep",
        host_unit="Trung tâm Ứng dụng tiến bộ KH&CN", approval_date=datetime.date(2024, 2, 20),
        acceptance_date=datetime.date(2026, 3, 5),
        start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2025, 12, 31),
        results="<p>Tỷ lệ cây sống đạt 92%.</p>",
    )
    # Acceptance restarts the time limit.
    assert page.posting_clock.event_date(page) == datetime.date(2026, 3, 5)

    html = client_for(portal_a).get("/khoa-hoc-cong-nghe/che-shan-tuyet/").content.decode()
    for text in ["ĐT.01-2024", "Cấp tỉnh", "Khoa học nông nghiệp", "Trung tâm Ứng dụng",
                 "01/03/2024 – 31/12/2025", "Kết quả sau nghiệm thu", "Tỷ lệ cây sống đạt 92%",
                 'Ngày nghiệm thu: <time datetime="2026-03-05">05/03/2026</time>']:
        assert text in html, text
    listing = client_for(portal_a).get("/khoa-hoc-cong-nghe/?cap=tinh").content.decode()
    assert "Nhân giống chè Shan tuyết" in listing
    assert "Nhân giống chè" not in client_for(portal_a).get(
        "/khoa-hoc-cong-nghe/?cap=bo"
    ).content.decode()
    assert "Nhân giống chè" not in client_for(portal_b).get(
        "/khoa-hoc-cong-nghe/"
    ).content.decode()


def test_acceptance_before_approval_is_refused(portal_a):
    page = ScienceProgrammePageFactory.build(
        approval_date=datetime.date(2024, 2, 20), acceptance_date=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert exc.value.message_dict["acceptance_date"] == ["Ngày nghiệm thu phải sau ngày phê duyệt."]
