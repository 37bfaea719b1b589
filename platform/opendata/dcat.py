"""DCAT-AP metadata (JSON-LD) of the statistics section: each published release is a
dataset, its files (the data tables and the report the page offers) its distributions."""

from __future__ import annotations

import mimetypes
from typing import Any

from django.http import HttpRequest

from tenants.models import Portal

from .resources import live_public

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def _date(value) -> dict[str, str] | None:
    if value is None:
        return None
    kind = "xsd:dateTime" if hasattr(value, "hour") else "xsd:date"
    return {"@value": value.isoformat(), "@type": kind}


def _distribution(document, title: str, request: HttpRequest) -> dict[str, Any] | None:
    if document is None or document.collection.get_view_restrictions().exists():
        return None  # a file only some may read is not open data
    url = request.build_absolute_uri(document.url)
    media_type = mimetypes.guess_type(document.filename)[0] or "application/octet-stream"
    return {
        "@type": "dcat:Distribution",
        "dct:title": title or document.title,
        "dcat:downloadURL": {"@id": url},
        "dcat:accessURL": {"@id": url},
        "dcat:mediaType": media_type,
        "dct:format": document.file_extension.upper(),
    }


def _distributions(release, request: HttpRequest) -> list[dict[str, Any]]:
    found = []
    for block in release.data_files:
        value = block.value
        found.append(_distribution(value.get("document"), value.get("label") or "", request))
    found.append(_distribution(release.report, "Báo cáo", request))
    return [d for d in found if d]


def catalogue(request: HttpRequest, portal: Portal | None) -> dict[str, Any]:
    from stats.models import StatisticsReleasePage

    home = request.build_absolute_uri("/")
    publisher = {"@type": "foaf:Organization", "foaf:name": portal.name if portal else "",
                 "foaf:homepage": {"@id": home}}
    datasets = []
    releases = live_public(StatisticsReleasePage).select_related("report__collection").order_by(
        "-publication_decision_date", "-pk"
    )
    for release in releases:
        page_url = request.build_absolute_uri(release.get_url(request=request) or "/")
        dataset: dict[str, Any] = {
            "@id": page_url,
            "@type": "dcat:Dataset",
            "dct:identifier": str(release.pk),
            "dct:title": release.title,
            "dct:description": release.summary or release.title,
            "dct:publisher": publisher,
            "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/"
                                    + ("VIE" if release.locale.language_code == "vi" else "ENG")},
            "dcat:landingPage": {"@id": page_url},
            "dct:temporal": {"@type": "dct:PeriodOfTime",
                             "dcat:startDate": _date(release.period_start),
                             "dcat:endDate": _date(release.period_end)},
            "dcat:distribution": _distributions(release, request),
        }
        if release.subject:
            dataset["dcat:keyword"] = [release.subject]
        issued = _date(release.publication_decision_date or release.first_published_at)
        modified = _date(release.last_published_at)
        if issued:
            dataset["dct:issued"] = issued
        if modified:
            dataset["dct:modified"] = modified
        datasets.append(dataset)
    return {
        "@context": CONTEXT,
        "@id": request.build_absolute_uri("/api/v1/dcat.jsonld"),
        "@type": "dcat:Catalog",
        "dct:title": f"Dữ liệu thống kê – {portal.name}" if portal else "Dữ liệu thống kê",
        "dct:description": "Các kết quả điều tra, số liệu thống kê đã công bố trên cổng.",
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": home},
        "dcat:dataset": datasets,
    }
