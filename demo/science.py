"""Demo science and technology programmes (m), on the province and department portals."""

from __future__ import annotations

import datetime
from typing import Any

from demo.introduction import publish_child
from science.models import ManagementLevel, ScienceField, ScienceIndexPage, ScienceProgrammePage


def load_demo_content(portal: Any) -> None:
    index = ScienceIndexPage.objects.filter(depth=3).first()
    if index is None or index.get_children().exists():
        return
    if portal.kind not in {"department", "province"}:
        # Communes and wards run small base-level projects, often with the extension centre.
        publish_child(index, ScienceProgrammePage(
            title=f"Mô hình trồng sâm Lai Châu dưới tán rừng tại {portal.name.split(' ', 4)[-1]}",
            slug="mo-hinh-sam-lai-chau", code="CS.01-2025",
            management_level=ManagementLevel.BASE, field=ScienceField.AGRICULTURAL,
            host_unit=portal.name,
            principal_investigator="KS. Lò Thị Hoa",
            start_date=datetime.date(2025, 3, 1), end_date=datetime.date(2026, 12, 31),
            summary="Trồng thử nghiệm 2 ha sâm Lai Châu dưới tán rừng cùng 15 hộ đồng bào Dao.",
            approval_decision="45/QĐ-UBND", approval_date=datetime.date(2025, 2, 10),
        ))
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
    publish_child(index, ScienceProgrammePage(
        title="Nghiên cứu giải pháp nâng cao năng suất, chất lượng thảo quả dưới tán rừng tại "
        "Phong Thổ và Sìn Hồ", slug="thao-qua-phong-tho-sin-ho", code="ĐT.KHCN.03-2025",
        management_level=ManagementLevel.PROVINCE, field=ScienceField.AGRICULTURAL,
        host_unit="Viện Khoa học Lâm nghiệp Việt Nam",
        principal_investigator="TS. Lò Văn Thắng",
        start_date=datetime.date(2025, 5, 1), end_date=datetime.date(2027, 4, 30),
        summary="Xây dựng mô hình thâm canh thảo quả 20 ha, gắn trồng thảo quả với bảo vệ "
        "rừng đầu nguồn.",
        approval_decision="845/QĐ-UBND", approval_date=datetime.date(2025, 4, 10),
    ))
    publish_child(index, ScienceProgrammePage(
        title="Ứng dụng trí tuệ nhân tạo hỗ trợ trả lời thủ tục hành chính trên Cổng dịch vụ "
        "công của tỉnh", slug="tro-ly-thu-tuc-hanh-chinh", code="ĐT.CS.02-2026",
        management_level=ManagementLevel.BASE, field=ScienceField.ENGINEERING,
        host_unit="Trung tâm Chuyển đổi số tỉnh Lai Châu",
        principal_investigator="KS. Nguyễn Thu Trang",
        start_date=datetime.date(2026, 3, 1), end_date=datetime.date(2026, 12, 31),
        summary="Xây dựng công cụ tra cứu thủ tục hành chính bằng tiếng Việt cho người dân.",
        approval_decision="96/QĐ-SKHCN", approval_date=datetime.date(2026, 2, 20),
    ))
