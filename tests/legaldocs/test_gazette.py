from __future__ import annotations

from datetime import date

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ValidationError

from tests.legaldocs.factories import (
    GazetteEntryFactory,
    GazetteIssuePageFactory,
    LegalDocumentPageFactory,
)
from tests.support.portals import client_for


def test_gazette_issue_lists_documents_with_summaries(province):
    with schema_context(province.schema_name):
        doc = LegalDocumentPageFactory(number="12/2024/QĐ-UBND", summary="Quy định bảng giá đất")
        issue = GazetteIssuePageFactory(
            title="Công báo số 05 năm 2024", number="05/2024", issue_date=date(2024, 3, 29)
        )
        GazetteEntryFactory(page=issue, document=doc, sort_order=0)
        GazetteEntryFactory(
            page=issue, sort_order=1, title="Nghị quyết số 08/2024/NQ-HĐND",
            summary="Mức chi hỗ trợ chuyển đổi số",
        )
        url, doc_url = issue.url, doc.url
        with pytest.raises(ValidationError):
            GazetteEntryFactory.build(page=issue).full_clean()
    client = client_for(province)
    listing = client.get("/cong-bao/").content.decode()
    assert "05/2024" in listing and "29/03/2024" in listing
    html = client.get(url).content.decode()
    assert f'href="{doc_url}"' in html and "Quy định bảng giá đất" in html
    assert "Nghị quyết số 08/2024/NQ-HĐND" in html and "Mức chi hỗ trợ chuyển đổi số" in html
    assert html.index("12/2024/QĐ-UBND") < html.index("08/2024/NQ-HĐND")
