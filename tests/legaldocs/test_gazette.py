from __future__ import annotations

from datetime import date

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError

from tests.news.factories import make_document
from tests.support.portals import client_for


def test_gazette_issue_lists_documents_with_summaries(province):
    from legaldocs.models import GazetteEntry, GazetteIndexPage, GazetteIssuePage

    with schema_context(province.schema_name):
        doc = make_document("12/2024/QĐ-UBND", "Quy định bảng giá đất")
        gazette = GazetteIndexPage.objects.get(slug="cong-bao")
        issue = gazette.add_child(instance=GazetteIssuePage(
            title="Công báo số 05 năm 2024", number="05/2024", issue_date=date(2024, 3, 29),
            live=True,
        ))
        GazetteEntry.objects.create(page=issue, document=doc, sort_order=0)
        GazetteEntry.objects.create(
            page=issue, sort_order=1, title="Nghị quyết số 08/2024/NQ-HĐND",
            summary="Mức chi hỗ trợ chuyển đổi số",
        )
        url, doc_url = issue.url, doc.url
        with pytest.raises(ValidationError):
            GazetteEntry(page=issue).full_clean()
    client = client_for(province)
    listing = client.get("/cong-bao/").content.decode()
    assert "05/2024" in listing and "29/03/2024" in listing
    html = client.get(url).content.decode()
    assert f'href="{doc_url}"' in html and "Quy định bảng giá đất" in html
    assert "Nghị quyết số 08/2024/NQ-HĐND" in html and "Mức chi hỗ trợ chuyển đổi số" in html
    assert html.index("12/2024/QĐ-UBND") < html.index("08/2024/NQ-HĐND")
