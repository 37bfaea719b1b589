"""The demo content loads into a portal and shows on its public pages."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tests.support.portals import client_for


def test_demo_content(portal_b):
    from demo.participation import load_demo_content
    from participation.models import ConsultationComment, Question

    with schema_context(portal_b.schema_name):
        load_demo_content(portal_b)
        load_demo_content(portal_b)  # a second run adds nothing
        assert Question.objects.published().count() == 3
        assert ConsultationComment.objects.filter(status="approved").count() == 2
    public = client_for(portal_b)
    html = public.get("/hoi-dap/").content.decode()
    assert "Ưu đãi đầu tư cho dự án chế biến chè" in html
    assert "Nguyễn Văn An" not in html and "0213 3876 000" not in html
    html = public.get("/lay-y-kien/du-thao-quy-che-cong-thong-tin/").content.decode()
    assert "Đề nghị bổ sung đối tượng áp dụng" in html and "Gửi ý kiến góp ý" in html
    assert "Đỗ Văn Giang" not in html
