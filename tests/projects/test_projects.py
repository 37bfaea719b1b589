"""Section h: investment projects, filters, budget format, procurement, the admin."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

import pytest
from django_tenants.utils import schema_context

from tests.projects.factories import ProcurementNoticeFactory, ProjectPageFactory
from tests.support.admin import section_id
from tests.support.portals import client_for


@pytest.mark.parametrize(
    "amount, expected",
    [
        (0, "0 đồng"),
        (950, "950 đồng"),
        (1000, "1.000 đồng"),
        (86_500_000_000, "86.500.000.000 đồng"),
        (Decimal("1234567.6"), "1.234.568 đồng"),
        (-2500, "-2.500 đồng"),
        (None, ""),
    ],
)
def test_vnd_uses_dots_between_thousands(amount, expected):
    from projects.money import format_vnd

    assert format_vnd(amount) == expected


def test_status_and_field_filters_actually_filter(portal_a):
    with schema_context(portal_a.schema_name):
        ProjectPageFactory(title="Đường tỉnh 128", status="dang-thuc-hien", field="giao-thong")
        ProjectPageFactory(title="Trường mầm non Hoa Ban", status="hoan-thanh", field="giao-duc")
        ProjectPageFactory(title="Cầu treo Bản Lang", status="hoan-thanh", field="giao-thong")

    client = client_for(portal_a)
    everything = client.get("/du-an-dau-thau/").content.decode()
    assert all(t in everything for t in ["Đường tỉnh 128", "Hoa Ban", "Bản Lang"])

    done = client.get("/du-an-dau-thau/?trang-thai=hoan-thanh").content.decode()
    assert "Hoa Ban" in done and "Bản Lang" in done and "Đường tỉnh 128" not in done
    assert '<option value="hoan-thanh" selected>' in done

    done_transport = client.get(
        "/du-an-dau-thau/?trang-thai=hoan-thanh&linh-vuc=giao-thong"
    ).content.decode()
    assert "Bản Lang" in done_transport
    assert "Hoa Ban" not in done_transport and "Đường tỉnh 128" not in done_transport

    preparing = client.get("/du-an-dau-thau/?trang-thai=chuan-bi").content.decode()
    assert "Không có dự án nào phù hợp." in preparing

    # An unknown value is ignored rather than hiding everything.
    unknown = client.get("/du-an-dau-thau/?trang-thai=xyz").content.decode()
    assert "Đường tỉnh 128" in unknown


def test_listing_is_paginated_and_keeps_the_filter(portal_a):
    with schema_context(portal_a.schema_name):
        for n in range(12):
            ProjectPageFactory(title=f"Dự án số {n:02d}", slug=f"du-an-{n}", status="dang-thuc-hien",
                               approval_date=datetime.date(2025, 1, n + 1))
    client = client_for(portal_a)
    first = client.get("/du-an-dau-thau/?trang-thai=dang-thuc-hien").content.decode()
    assert len(re.findall(r'<th scope="row"[^>]*><a href="/du-an-dau-thau/du-an-', first)) == 10
    assert "trang-thai=dang-thuc-hien&amp;trang=2" in first
    second = client.get("/du-an-dau-thau/?trang-thai=dang-thuc-hien&trang=2").content.decode()
    assert len(re.findall(r'<th scope="row"[^>]*><a href="/du-an-dau-thau/du-an-', second)) == 2
    # Newest approval first: 00 and 01 are the oldest.
    assert "Dự án số 00" in second and "Dự án số 01" in second


def test_project_page_shows_every_mandated_field_and_the_source_event(portal_a):
    with schema_context(portal_a.schema_name):
        ProjectPageFactory(
            title="Đường liên xã Nậm Tăm – Pa Khóa", slug="nam-tam",
            objective="Kết nối các xã vùng cao", field="giao-thong", project_type="nhom-b",
            start_date=datetime.date(2025, 6, 1), end_date=datetime.date(2027, 12, 31),
            budget=86_500_000_000, funding_type="ngan-sach-trung-uong",
            sponsor="Ban Quản lý dự án tỉnh", status="dang-thuc-hien",
            decision_number="1023/QĐ-UBND", approval_date=datetime.date(2025, 4, 18),
            procurement_notices=[ProcurementNoticeFactory.build(
                kind="moi-thau", title="Mời thầu gói thầu số 05",
                notice_date=datetime.date(2025, 5, 5),
                url="https://muasamcong.mpi.gov.vn/",
            )],
        )
    html = client_for(portal_a).get("/du-an-dau-thau/nam-tam/").content.decode()
    for text in [
        "Kết nối các xã vùng cao", "Giao thông", "Dự án nhóm B", "01/06/2025 – 31/12/2027",
        "86.500.000.000 đồng", "Ngân sách trung ương", "Ban Quản lý dự án tỉnh",
        "Đang thực hiện", "1023/QĐ-UBND ngày 18/04/2025", "Thông báo mời thầu",
        "Mời thầu gói thầu số 05", "05/05/2025",
    ]:
        assert text in html, text
    assert 'Ngày phê duyệt: <time datetime="2025-04-18">18/04/2025</time>' in html
    assert "Ngày đăng:" in html
    listing = client_for(portal_a).get("/du-an-dau-thau/").content.decode()
    assert re.search(r'<td class="number"[^>]*>86\.500\.000\.000 đồng</td>', listing)


def test_end_before_start_is_refused_in_vietnamese(portal_a):
    from django.core.exceptions import ValidationError

    page = ProjectPageFactory.build(
        start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 1, 1)
    )
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert exc.value.message_dict["end_date"] == [
        "Thời gian kết thúc phải sau thời gian bắt đầu."
    ]


def test_projects_of_portal_a_never_appear_on_portal_b(portal_a, portal_b):
    ProjectPageFactory(portal=portal_a, title="Dự án riêng của Sở A", slug="rieng-a", status="hoan-thanh")
    assert client_for(portal_a).get("/du-an-dau-thau/rieng-a/").status_code == 200
    assert client_for(portal_b).get("/du-an-dau-thau/rieng-a/").status_code == 404
    for query in ["", "?trang-thai=hoan-thanh"]:
        html = client_for(portal_b).get(f"/du-an-dau-thau/{query}").content.decode()
        assert "riêng của Sở A" not in html


def test_an_editor_creates_a_project_through_the_admin(portal_a, make_local_user):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from projects.models import ProjectPage

    user = make_local_user(portal_a, "bientap.soa", is_superuser=True)
    client = client_for(portal_a)
    with schema_context(portal_a.schema_name):
        client.force_login(user)
    parent_id = section_id(portal_a, "du-an-dau-thau")

    url = f"/admin/pages/add/projects/projectpage/{parent_id}/"
    assert client.get(url).status_code == 200
    data = nested_form_data({
        "title": "Kè chống sạt lở bờ suối Nậm Lò",
        "slug": "ke-nam-lo",
        "objective": "Bảo vệ khu dân cư trước lũ quét",
        "field": "tai-nguyen-moi-truong",
        "project_type": "nhom-c",
        "location": "",
        "start_date": "01/03/2026",
        "end_date": "31/12/2026",
        "budget": "12500000000",
        "funding_type": "ngan-sach-dia-phuong",
        "sponsor": "Ủy ban nhân dân xã",
        "status": "dang-thuc-hien",
        "decision_number": "77/QĐ-UBND",
        "approval_date": "20/02/2026",
        "body": rich_text("<p>Chiều dài tuyến kè 850 m.</p>"),
        "attachments": {"count": 0},
        "procurement_notices": inline_formset([
            {"kind": "moi-thau", "title": "Mời thầu gói thầu xây lắp", "package": "Gói số 1",
             "notice_date": "05/03/2026", "url": ""},
        ]),
        "comments": inline_formset([]),
        "action-publish": "action-publish",
    })
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    with schema_context(portal_a.schema_name):
        page = ProjectPage.objects.get(slug="ke-nam-lo")
        assert page.live and page.first_published_at is not None
        assert page.approval_date == datetime.date(2026, 2, 20)
        assert page.budget == 12_500_000_000
        assert page.get_parent().pk == parent_id
        assert [n.title for n in page.procurement_notices.all()] == ["Mời thầu gói thầu xây lắp"]

    html = client_for(portal_a).get("/du-an-dau-thau/?trang-thai=dang-thuc-hien").content.decode()
    assert "Kè chống sạt lở bờ suối Nậm Lò" in html and "12.500.000.000 đồng" in html


def test_an_oda_project_shows_its_donor(portal_a):
    ProjectPageFactory(
        portal=portal_a, title="Cấp nước sinh hoạt nông thôn", slug="cap-nuoc", funding_type="oda",
        donor="Ngân hàng Thế giới (WB)",
    )
    html = client_for(portal_a).get("/du-an-dau-thau/cap-nuoc/").content.decode()
    assert "Vốn ODA, vốn vay ưu đãi nước ngoài" in html
    assert '<th scope="row">Nhà tài trợ</th><td>Ngân hàng Thế giới (WB)</td>' in html


def test_an_oda_project_without_a_donor_is_refused_in_vietnamese(portal_a):
    from django.core.exceptions import ValidationError

    page = ProjectPageFactory.build(funding_type="oda", donor=" ")
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert exc.value.message_dict["donor"] == [
        "Dự án sử dụng vốn ODA, vốn vay ưu đãi nước ngoài phải ghi nhà tài trợ."
    ]
    ProjectPageFactory.build(funding_type="ngan-sach-dia-phuong", donor="").clean()
