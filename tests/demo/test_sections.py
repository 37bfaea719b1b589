"""The demo content of every section loads on each kind of portal and renders."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from demo import budget, contacts, introduction, planning, projects, science, stats
from tests.support.portals import TEST_PORTALS, client_for

LOADERS = [introduction, contacts, planning, projects, science, stats, budget]


@pytest.mark.django_db
@pytest.mark.parametrize("code", list(TEST_PORTALS))
def test_demo_content_loads_and_renders(code):
    from tenants.models import Portal

    portal = Portal.objects.get(code=code)
    with schema_context(portal.schema_name):
        for loader in LOADERS:
            loader.load_demo_content(portal)
            loader.load_demo_content(portal)  # a second run adds nothing
    client = client_for(portal)
    home = client.get("/").content.decode()
    assert f"bbt.{code}@laichau.gov.vn" in home  # the footer's contact details
    paths = ["/gioi-thieu/", "/gioi-thieu/lanh-dao/", "/gioi-thieu/co-cau-to-chuc/", "/lien-he/",
             "/lien-he/cai-cach-hanh-chinh-quy-i/", "/quy-hoach-ke-hoach/", "/du-an-dau-thau/",
             "/du-an-dau-thau/duong-nam-tam-pa-khoa/", "/thong-ke/", "/thong-ke/ho-ngheo-2025/",
             "/cong-khai-ngan-sach/", "/cong-khai-ngan-sach/du-toan-2026/"]
    if portal.kind == "department":
        paths.append("/khoa-hoc-cong-nghe/nhan-giong-che-shan-tuyet/")
    elif portal.kind == "commune":
        paths.append("/khoa-hoc-cong-nghe/mo-hinh-sam-lai-chau/")
    else:
        paths += ["/gioi-thieu/ban-do-hanh-chinh/", "/gioi-thieu/lich-su-van-hoa/"]
    for path in paths:
        assert client.get(path).status_code == 200, path
    projects = client.get("/du-an-dau-thau/").content.decode()
    assert "86.500.000.000 đồng" in projects
    with schema_context(portal.schema_name):
        from projects.models import ProjectPage

        statuses = set(ProjectPage.objects.values_list("status", flat=True))
        assert statuses == {"chuan-bi", "dang-thuc-hien", "hoan-thanh"}
