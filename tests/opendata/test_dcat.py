"""DCAT-AP metadata of the statistics section (/api/v1/dcat.jsonld)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django_tenants.utils import schema_context

from tests.stats.factories import StatisticsReleasePageFactory
from tests.support.factories import DocumentFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def test_each_published_release_is_a_dataset_with_its_downloads(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        table = DocumentFactory(title="Bảng số liệu dân số", file__filename="dan-so.xlsx")
        report = DocumentFactory(title="Báo cáo dân số", file__filename="bao-cao.pdf")
        release = StatisticsReleasePageFactory(
            title="Dân số trung bình năm 2025", summary="Số liệu dân số theo xã.",
            subject="Dân số, lao động", publication_decision_date=dt.date(2026, 2, 3),
            data_files=[("attachment", {"document": table, "label": "Số liệu theo xã"})],
            report=report,
        )
        StatisticsReleasePageFactory(title="Điều tra chưa đăng", live=False)
        release_url = release.url
    response = client_for(portal_a).get("/api/v1/dcat.jsonld")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/ld+json")
    catalogue = json.loads(response.content)
    assert catalogue["@type"] == "dcat:Catalog"
    assert catalogue["dct:publisher"]["foaf:name"] == portal_a.name
    datasets = {d["dct:title"]: d for d in catalogue["dcat:dataset"]}
    assert "Điều tra chưa đăng" not in datasets
    dataset = datasets["Dân số trung bình năm 2025"]
    assert dataset["dct:description"] == "Số liệu dân số theo xã."
    assert dataset["dct:issued"]["@value"] == "2026-02-03"
    assert dataset["dct:modified"]["@value"]
    assert dataset["dcat:landingPage"]["@id"].endswith(release_url)
    downloads = {d["dct:title"]: d for d in dataset["dcat:distribution"]}
    assert set(downloads) == {"Số liệu theo xã", "Báo cáo"}
    assert downloads["Báo cáo"]["dcat:mediaType"] == "application/pdf"
    assert client_for(portal_a).get(downloads["Báo cáo"]["dcat:downloadURL"]["@id"]).status_code == 200
    other = json.loads(client_for(portal_b).get("/api/v1/dcat.jsonld").content)
    assert "Dân số trung bình năm 2025" not in {d["dct:title"] for d in other["dcat:dataset"]}
