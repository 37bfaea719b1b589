"""Demo science and technology programme (m), on department portals only."""

from __future__ import annotations

import datetime
from typing import Any

from introduction.demo import publish_child

from .models import ManagementLevel, ScienceField, ScienceIndexPage, ScienceProgrammePage


def load_demo_content(portal: Any) -> None:
    if portal.kind != "department":
        return
    index = ScienceIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    publish_child(index, ScienceProgrammePage(
        title="Ứng dụng công nghệ sinh học trong nhân giống cây chè Shan tuyết",
        slug="nhan-giong-che-shan-tuyet", code="ĐT.KHCN.01-2024",
        management_level=ManagementLevel.PROVINCE, field=ScienceField.AGRICULTURAL,
        host_unit="Trung tâm Ứng dụng tiến bộ khoa học và công nghệ",
        principal_investigator="ThS. Phạm Văn Hùng",
        start_date=datetime.date(2024, 3, 1), end_date=datetime.date(2025, 12, 31),
        summary="Xây dựng quy trình nhân giống chè Shan tuyết bằng nuôi cấy mô.",
        approval_decision="312/QĐ-UBND", approval_date=datetime.date(2024, 2, 20),
        acceptance_date=datetime.date(2026, 3, 5),
        results="<p>Quy trình nhân giống đạt tỷ lệ sống 92%; 50.000 cây giống đã chuyển giao.</p>",
    ))
