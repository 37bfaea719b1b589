"""After an upgrade whose documents hold more than the last release's did (INDEX_FORMAT),
`search_index rebuild --stale` rebuilds the portals an older release indexed, and only those;
`search_index status` names them until then."""

from __future__ import annotations

import io
from datetime import date

import pytest
from django_tenants.utils import schema_context

from django.core.management import CommandError, call_command
from django.db.models import Value
from django.db.models.functions import Concat

from search import indexing
from search.models import IndexedPortal, SearchDocument
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("search_index", *args, stdout=out)
    return out.getvalue()


def numbers_found(portal, typed: str) -> set[str]:
    hits = client_for(portal).get("/tim-kiem/", {"q": typed}).context["hits"]
    return {hit.facets.get("number") for hit in hits}


def test_portals_created_by_this_release_are_current(province, portal_a, portal_b):
    assert indexing.stale_portals() == []
    assert "rebuild --stale" not in run("status")
    assert run("rebuild", "--stale").strip() == "Không cổng nào cần lập lại chỉ mục."


def test_an_upgrade_rebuilds_only_what_an_older_release_indexed(province, portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        LegalDocumentPageFactory(
            number="12/2025/NQ-HĐND", doc_type="nghi-quyet", issue_date=date(2025, 7, 10),
            summary="Quy định mức hỗ trợ tiền ăn trưa cho học sinh bán trú.",
        )
    with schema_context(province.schema_name):
        LegalDocumentPageFactory(
            number="20/2025/QĐ-UBND", doc_type="quyet-dinh", issue_date=date(2025, 8, 1),
            summary="Ban hành quy chế phối hợp.",
        )
    assert numbers_found(portal_a, "NQ 12") == {"12/2025/NQ-HĐND"}
    # As an earlier release left them: portal A's documents without the number's parts and
    # no record of its format; portal B recorded with the first format.
    for document in SearchDocument.objects.filter(portal=portal_a.schema_name):
        document.facets = {k: v for k, v in document.facets.items() if not k.startswith("number_")}
        document.save(update_fields=["facets"])
    IndexedPortal.objects.filter(portal=portal_a.schema_name).delete()
    IndexedPortal.objects.filter(portal=portal_b.schema_name).update(format=1)
    assert numbers_found(portal_a, "NQ 12") == set()
    # Something the province's rebuild would replace, to see that it is left alone.
    SearchDocument.objects.filter(portal=province.schema_name).update(title=Concat("title", Value(" (cũ)")))

    assert [p.code for p in indexing.stale_portals()] == ["soa", "xab"]
    assert "2 cổng có chỉ mục do phiên bản cũ lập (soa, xab)" in run("status")

    out = run("rebuild", "--stale")
    assert "soa:" in out and "xab:" in out and "tinhthu" not in out
    assert numbers_found(portal_a, "NQ 12") == {"12/2025/NQ-HĐND"}
    province_titles = SearchDocument.objects.filter(portal=province.schema_name).values_list(
        "title", flat=True
    )
    assert province_titles and all(title.endswith(" (cũ)") for title in province_titles)
    assert indexing.stale_portals() == []
    assert set(
        IndexedPortal.objects.filter(
            portal__in=[portal_a.schema_name, portal_b.schema_name]
        ).values_list("format", flat=True)
    ) == {indexing.INDEX_FORMAT}
    assert "rebuild --stale" not in run("status")


def test_another_backend_starts_from_nothing(settings, province, portal_a, portal_b):
    settings.OPENSEARCH_URL = "http://search.invalid:9200"
    settings.CONG_SEARCH_INDEX = "cong"
    assert indexing.index_identity() == "opensearch:cong"
    assert {"tinhthu", "soa", "xab"} <= {p.code for p in indexing.stale_portals()}


@pytest.mark.parametrize("code", ["", "   ", "so\x00a"])
def test_an_empty_or_nul_portal_code_is_refused_and_nothing_is_rebuilt(code, portal_a):
    before = SearchDocument.objects.filter(portal=portal_a.schema_name).count()
    IndexedPortal.objects.filter(portal=portal_a.schema_name).update(format=1)
    with pytest.raises(CommandError, match="Mã cổng không hợp lệ"):
        run("rebuild", "--portal", code)
    assert IndexedPortal.objects.get(portal=portal_a.schema_name).format == 1
    assert SearchDocument.objects.filter(portal=portal_a.schema_name).count() == before


def test_options_that_do_not_go_together_are_refused():
    with pytest.raises(CommandError, match="chỉ dùng với rebuild"):
        run("status", "--stale")
    with pytest.raises(CommandError, match="Chọn một trong hai"):
        run("rebuild", "--portal", "soa", "--stale")
