"""The contacts page is edited and a statement published in the admin; both show."""

from __future__ import annotations

from tests.support.admin import (
    admin_client,
    inline_formset,
    nested_form_data,
    publish_in_admin,
    rich_text,
    section_id,
    streamfield,
)
from tests.support.portals import client_for


def test_statement_created_in_the_admin_is_listed_on_the_contacts_page(portal_a, portal_b):
    title = "Thông tin về công tác khắc phục hậu quả mưa lũ tại Mường Tè"
    client = admin_client(portal_a)
    publish_in_admin(client, "contacts", "statementpage", section_id(portal_a, "lien-he"), {
        "title": title, "slug": "khac-phuc-mua-lu", "statement_date": "20/08/2025",
        "speaker": "Trần Quốc Khánh", "summary": "Thông tin cho báo chí.",
        "body": rich_text("<p>Đã hỗ trợ 120 hộ dân di dời khẩn cấp.</p>"),
        "attachments": streamfield([]),
    })
    public = client_for(portal_a)
    assert "120 hộ dân" in public.get("/lien-he/khac-phuc-mua-lu/").content.decode()
    assert title in public.get("/lien-he/").content.decode()
    assert title not in client_for(portal_b).get("/lien-he/").content.decode()


def test_officials_added_in_the_admin_show_on_the_contacts_page(portal_a):
    client = admin_client(portal_a)
    page_id = section_id(portal_a, "lien-he")
    url = f"/admin/pages/{page_id}/edit/"
    assert client.get(url).status_code == 200
    data = nested_form_data({
        "title": "Liên hệ", "slug": "lien-he", "intro": rich_text(""),
        "officials": inline_formset([{
            "full_name": "Lò Văn Sinh", "position": "Chánh Văn phòng", "unit": "Văn phòng Sở",
            "phone": "0213 3876 520", "fax": "", "email": "sinhlv@laichau.gov.vn",
        }]),
        "spokespersons": inline_formset([], max=3),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    })
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client_for(portal_a).get("/lien-he/").content.decode()
    assert "Lò Văn Sinh" in html and "sinhlv@laichau.gov.vn" in html
