"""Services through the real Wagtail admin: an editor drafts and submits, the board approves;
labels are the board's; the catalogue's own page carries the roadmap."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, WorkflowState

from accounts import roles
from tests.services.factories import ServiceFieldFactory
from tests.support.admin import (
    admin_client,
    inline_formset,
    nested_form_data,
    publish_in_admin,
    rich_text,
    section_id,
    signed_in,
    streamfield,
)
from tests.support.portals import client_for, feed_titles

TITLE = "Cấp giấy phép lao động cho người lao động nước ngoài làm việc tại Việt Nam"


def statistics_rows(*periods: tuple[int, str]) -> dict:
    return inline_formset(
        [
            {
                "year": year,
                "period": period,
                "usage_count": 120,
                "received": 14,
                "received_online": 12,
                "resolved_on_time": 12,
                "resolved_late": 1,
                "in_progress": 1,
            }
            for year, period in periods
        ]
    )


def service_form(field_pk: int, **extra) -> dict:
    return {
        "title": TITLE,
        "slug": "giay-phep-lao-dong",
        "code": "1.000459",
        "level": "mot-phan",
        "sector": "",
        "field": field_pk,
        "agency": "Sở Nội vụ",
        "for_foreigners": "on",
        "online_url": "https://dichvucong.gov.vn",
        "processing_time": "05 ngày làm việc",
        "fees": "600.000 đồng/giấy phép",
        "guide": streamfield(
            [
                ("steps", rich_text("<p>Nộp hồ sơ trước 15 ngày.</p>")),
                ("other", {"heading": "Lưu ý", "body": rich_text("<p>Mang hộ chiếu.</p>")}),
            ]
        ),
        "decision_number": "1536/QĐ-UBND",
        "decision_date": "12/09/2025",
        "statistics": statistics_rows((2026, "quy-1"), (2026, "quy-2")),
        **extra,
    }


def test_service_published_in_the_admin_is_listed_filtered_and_fed(portal_a, portal_b):
    labour = ServiceFieldFactory(portal=portal_a, name="Việc làm", sector__name="Nội vụ")
    client = admin_client(portal_a)
    publish_in_admin(
        client,
        "services",
        "publicservicepage",
        section_id(portal_a, "dich-vu-cong"),
        service_form(labour.pk),
    )
    with schema_context(portal_a.schema_name):
        from services.models import PublicServicePage

        page = PublicServicePage.objects.get(slug="giay-phep-lao-dong")
        assert page.live and page.for_foreigners
        assert page.sector == labour.sector  # taken from the field
        assert page.statistics.count() == 2
    public = client_for(portal_a)
    html = public.get("/dich-vu-cong/giay-phep-lao-dong/").content.decode()
    assert "Nộp hồ sơ trước 15 ngày." in html and "Quý II/2026" in html
    assert TITLE in public.get("/dich-vu-cong/?nuoc_ngoai=on").content.decode()
    assert TITLE not in public.get("/dich-vu-cong/?muc_do=toan-trinh").content.decode()
    assert f"1.000459 – {TITLE}" in feed_titles(portal_a, "/dich-vu-cong/rss/")
    assert not feed_titles(portal_a, "/dich-vu-cong/rss/?muc_do=toan-trinh")
    assert not feed_titles(portal_b, "/dich-vu-cong/rss/")


def test_the_admin_refuses_two_figures_for_one_period(portal_a):
    labour = ServiceFieldFactory(portal=portal_a, name="Việc làm", sector__name="Nội vụ")
    parent = section_id(portal_a, "dich-vu-cong")
    client = admin_client(portal_a)
    url = f"/admin/pages/add/services/publicservicepage/{parent}/"
    data = service_form(labour.pk, statistics=statistics_rows((2026, "quy-1"), (2026, "quy-1")))
    response = client.post(
        url, nested_form_data({"comments": inline_formset([]), **data, "action-publish": "action-publish"})
    )
    assert response.status_code == 200  # the form again, with the error
    with schema_context(portal_a.schema_name):
        from services.models import PublicServicePage

        assert not PublicServicePage.objects.filter(slug="giay-phep-lao-dong").exists()


def test_an_editor_submits_a_service_and_only_the_board_publishes_it(portal_a, make_local_user):
    from services.models import PublicServicePage

    labour = ServiceFieldFactory(portal=portal_a, name="Việc làm", sector__name="Nội vụ")
    parent = section_id(portal_a, "dich-vu-cong")
    editor = signed_in(portal_a, make_local_user(portal_a, "btv.dvc", roles.EDITOR))
    approver = signed_in(portal_a, make_local_user(portal_a, "duyet.dvc", roles.APPROVER))

    response = editor.post(
        f"/admin/pages/add/services/publicservicepage/{parent}/",
        nested_form_data(
            {"comments": inline_formset([]), **service_form(labour.pk), "action-submit": "Gửi duyệt"}
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    with schema_context(portal_a.schema_name):
        page = PublicServicePage.objects.get(slug="giay-phep-lao-dong")
        assert not page.live
        state = WorkflowState.objects.get(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id=str(page.pk),
            status="in_progress",
        )
        task_state = state.current_task_state
    assert client_for(portal_a).get("/dich-vu-cong/giay-phep-lao-dong/").status_code == 404

    refused = editor.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert refused.status_code in (302, 403)
    with schema_context(portal_a.schema_name):
        assert not PublicServicePage.objects.get(pk=page.pk).live

    approved = approver.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Đồng ý.", "confirmed": "on"},
    )
    assert approved.status_code == 302
    html = client_for(portal_a).get("/dich-vu-cong/").content.decode()
    assert TITLE in html


def test_sectors_and_fields_are_created_by_the_board_only(portal_a, make_local_user):
    from services.models import ServiceSector

    editor = signed_in(portal_a, make_local_user(portal_a, "btv2.dvc", roles.EDITOR))
    approver = signed_in(portal_a, make_local_user(portal_a, "duyet2.dvc", roles.APPROVER))
    url = "/admin/snippets/services/servicesector/add/"
    refused = editor.get(url, follow=True)
    assert not refused.request["PATH_INFO"].startswith(url)
    editor.post(url, {"name": "Xây dựng", "slug": "", "sort_order": 0})
    with schema_context(portal_a.schema_name):
        assert not ServiceSector.objects.filter(name="Xây dựng").exists()
    # Editors still choose from the list.
    assert editor.get("/admin/snippets/services/servicefield/").status_code == 200

    assert approver.get(url).status_code == 200
    response = approver.post(url, {"name": "Xây dựng", "slug": "", "sort_order": 0})
    assert response.status_code == 302
    with schema_context(portal_a.schema_name):
        assert ServiceSector.objects.get(name="Xây dựng").slug == "xay-dung"
        from django.contrib.auth.models import User

        board_head = User.objects.get(pk=make_local_user(portal_a, "tb.dvc", roles.BOARD_HEAD).pk)
        assert board_head.has_perm("services.delete_servicefield")
        assert not User.objects.get(username="btv2.dvc").has_perm("services.add_servicefield")


def test_the_catalogue_page_carries_the_province_portal_and_the_roadmap(portal_a):
    index_id = section_id(portal_a, "dich-vu-cong")
    client = admin_client(portal_a)
    url = f"/admin/pages/{index_id}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        nested_form_data(
            {
                "title": "Dịch vụ công trực tuyến",
                "slug": "dich-vu-cong",
                "show_in_menus": "on",
                "intro": rich_text("<p>Danh mục thủ tục hành chính.</p>"),
                "province_portal_name": "Cổng dịch vụ công tỉnh Thử",
                "province_portal_url": "https://dichvucong.tinhthu.example.vn",
                "roadmap": inline_formset(
                    [
                        {
                            "year": 2026,
                            "plan_document": "98/KH-UBND",
                            "planned_services": "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                            "note": "",
                        },
                    ]
                ),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    html = client_for(portal_a).get("/dich-vu-cong/").content.decode()
    assert 'href="https://dichvucong.tinhthu.example.vn"' in html
    assert "Cấp giấy phép xây dựng nhà ở riêng lẻ" in html and "98/KH-UBND" in html
    nav = html.split('class="main-nav"', 1)[1].split("</nav>", 1)[0]
    assert 'href="/dich-vu-cong/"' in nav
