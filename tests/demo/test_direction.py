"""The demo loaders fill a portal with content that renders."""

from __future__ import annotations

from django_tenants.utils import schema_context

from tests.support.portals import client_for

SCHEDULE = "/chi-dao-dieu-hanh/lich-cong-tac/"


def test_demo_content_on_a_member_portal_has_its_own_document(portal_a):
    from demo.legaldocs import load_demo_content
    from legaldocs.models import LegalDocumentPage

    with schema_context(portal_a.schema_name):
        load_demo_content(portal_a)
        assert LegalDocumentPage.objects.filter(number="18/KH-SOA").exists()
    assert "18/KH-SOA" in client_for(portal_a).get("/van-ban/").content.decode()


def test_demo_content_loads_and_renders(province):
    from demo.direction import load_demo_content as load_direction
    from demo.legaldocs import load_demo_content as load_legaldocs
    from demo.news import load_demo_content as load_news
    from legaldocs.models import GazetteIssuePage, LegalDocumentPage
    from news.models import NewsArticlePage

    with schema_context(province.schema_name):
        for load in (load_news, load_legaldocs, load_direction):
            load(province)
            load(province)  # idempotent
        assert NewsArticlePage.objects.count() == 11
        assert NewsArticlePage.objects.values("category").distinct().count() == 4
        documents = LegalDocumentPage.objects.all()
        assert documents.filter(is_draft=False).count() >= 30
        assert documents.values("doc_type").distinct().count() >= 8
        assert documents.values("status").distinct().count() == 4
        assert all(d.attachments.exists() for d in documents)
        assert GazetteIssuePage.objects.count() == 3
        issue = GazetteIssuePage.objects.order_by("issue_date").first()
        assert issue.entries.count() >= 3
        issue_url = issue.url
        article_url = NewsArticlePage.objects.order_by("pk").first().url
    client = client_for(province)
    for path in ["/", "/tin-tuc/", "/van-ban/", "/chi-dao-dieu-hanh/", SCHEDULE,
                 "/pho-bien-phap-luat/", "/cong-bao/", issue_url, article_url, "/tin-tuc/rss/"]:
        assert client.get(path).status_code == 200, path
    assert "Giao ban lãnh đạo đầu tuần" in client.get(SCHEDULE).content.decode()
    assert "43/2020/QĐ-UBND" in client.get("/van-ban/?q=quy+che").content.decode()


def test_demo_documents_have_real_pdf_files(province):
    from demo.legaldocs import load_demo_content
    from legaldocs.models import LegalDocumentPage

    with schema_context(province.schema_name):
        load_demo_content(province)
        page = LegalDocumentPage.objects.get(number="45/2023/NQ-HĐND")
        attachment = page.attachments.get()
        with attachment.document.file.open("rb") as f:
            content = f.read()
        url = page.url
        file_url = attachment.document.url
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
    assert b"45/2023/NQ-HDND" in content
    client = client_for(province)
    assert file_url in client.get(url).content.decode()
    response = client.get(file_url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body == content
