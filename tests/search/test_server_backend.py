"""The search-server backend (Elasticsearch/OpenSearch) against a real server process:
osmem-server, started once for the session (see conftest). Same expectations as the
PostgreSQL path: keyed ids, isolation, per-portal rebuild, folding, facets.

Every test runs twice through the `server_backend` fixture: with opensearch-py
(`OPENSEARCH_URL`) and with the `elasticsearch` client (`ELASTICSEARCH_URL`)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django_tenants.utils import schema_context

from django.utils import timezone

from search.backends.base import IndexedDocument, SearchQuery
from search.indexing import rebuild_portal
from tests.legaldocs.factories import LegalDocumentPageFactory, LegalFieldFactory
from tests.news.factories import NewsArticlePageFactory
from tests.services.factories import PublicServicePageFactory, ServiceFieldFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

LEGAL_DOCUMENT = "legaldocs.legaldocumentpage"
NEWS_ARTICLE = "news.newsarticlepage"
SERVICE = "services.publicservicepage"


def doc(portal, pk: int, title: str, **fields) -> IndexedDocument:
    return IndexedDocument(
        portal=portal.schema_name, portal_code=portal.code, portal_name=portal.name,
        portal_kind=portal.kind, content_type=fields.pop("content_type", NEWS_ARTICLE),
        object_id=pk, title=title, url=portal.url(f"/tin-tuc/{pk}/"), type_label="Tin bài",
        date=fields.pop("date", timezone.now()), **fields,
    )


def test_ids_are_keyed_by_portal_so_equal_pks_do_not_collide(server_backend, portal_a, portal_b):
    server_backend.index_documents([doc(portal_a, 4, "Trang bốn của Sở A")])
    server_backend.index_documents([doc(portal_b, 4, "Trang bốn của Xã B")])
    server_backend.refresh()
    assert server_backend.count() == 2
    hits = server_backend.search(SearchQuery(text="trang bon", portal=None)).hits
    assert {h.id for h in hits} == {"soa:news.newsarticlepage:4", "xab:news.newsarticlepage:4"}


def test_in_portal_search_is_isolated_and_folded(server_backend, portal_a, portal_b):
    server_backend.index_documents([
        doc(portal_a, 1, "Tìm kiếm việc làm tại Đà Nẵng"),
        doc(portal_b, 1, "Tìm kiếm việc làm tại Đà Nẵng cho Xã B"),
    ])
    for text in ("tim kiem", "da nang", "Đà Nẵng"):
        hits = server_backend.search(SearchQuery(text=text, portal="soa")).hits
        assert [h.portal for h in hits] == ["soa"], text
        assert "<mark>" in hits[0].title_html
    suggestions = server_backend.autocomplete("da na", "xab")
    assert [s.portal_name for s in suggestions] == ["Xã B"]


def test_exact_diacritics_rank_first(server_backend, portal_a):
    server_backend.index_documents([
        doc(portal_a, 1, "Quy định ban hành hàng hóa"),
        doc(portal_a, 2, "Phiên chợ bán hàng nông sản"),
    ])
    hits = server_backend.search(SearchQuery(text="bán hàng", portal="soa")).hits
    assert hits[0].title == "Phiên chợ bán hàng nông sản"


def test_per_portal_rebuild_never_touches_other_portals(server_backend, portal_a, portal_b):
    for portal in (portal_a, portal_b):
        with schema_context(portal.schema_name):
            NewsArticlePageFactory(title=f"Hội nghị chuyển đổi số {portal.name}", summary="Chuyển đổi số.")
    assert rebuild_portal(portal_a) >= 1
    assert rebuild_portal(portal_b) >= 1
    count_b = server_backend.count("xab")
    server_backend.index_documents([doc(portal_a, 999_999, "Mục cũ sẽ bị xóa")])
    rebuild_portal(portal_a)
    assert server_backend.count("xab") == count_b
    assert not server_backend.search(SearchQuery(text="muc cu", portal="soa")).hits
    hits = server_backend.search(SearchQuery(text="chuyen doi so", portal="xab")).hits
    assert [h.portal for h in hits] == ["xab"]
    assert hits[0].url.startswith(f"http://{portal_b.primary_domain}/")


def test_document_facets_filters_and_number_lookup(server_backend, portal_a):
    with schema_context(portal_a.schema_name):
        land = LegalFieldFactory(name="Đất đai")
        LegalDocumentPageFactory(
            number="43/2020/QĐ-UBND", summary="Quy định thu hồi đất", legal_field=land,
            issue_date=date(2020, 9, 1),
        )
        LegalDocumentPageFactory(
            number="43/2021/QĐ-UBND", summary="Sửa đổi quy định về giá đất", legal_field=land,
            issue_date=date(2021, 3, 2), status="het-hieu-luc",
        )
        LegalDocumentPageFactory(
            number="7/2022/NQ-HĐND", summary="Nghị quyết về học phí", doc_type="nghi-quyet",
            issue_date=date(2022, 1, 5),
        )
    rebuild_portal(portal_a)
    numbered = server_backend.search(SearchQuery(text="43/2020/qd-ubnd", portal="soa"))
    assert numbered.number_match and [h.facets["number"] for h in numbered.hits] == [
        "43/2020/QĐ-UBND"
    ]
    results = server_backend.search(SearchQuery(portal="soa", content_type=LEGAL_DOCUMENT))
    assert results.total == 3
    # Exact counts on the server: never capped, every result can be paged, exact facets.
    assert (results.capped, results.reachable, results.facet_sample) == (False, 3, 0)
    assert {f.label: f.count for f in results.facets["doc_type"]} == {
        "Quyết định": 2, "Nghị quyết": 1,
    }
    assert {f.label: f.count for f in results.facets["field"]} == {"Đất đai": 2}
    filtered = server_backend.search(SearchQuery(
        text="dat", portal="soa", content_type=LEGAL_DOCUMENT,
        filters={"status": "con-hieu-luc"},
    ))
    assert [h.facets["number"] for h in filtered.hits] == ["43/2020/QĐ-UBND"]
    dated = server_backend.search(SearchQuery(
        portal="soa", content_type=LEGAL_DOCUMENT, date_from=date(2021, 1, 1),
        date_to=date(2021, 12, 31),
    ))
    assert [h.facets["number"] for h in dated.hits] == ["43/2021/QĐ-UBND"]
    # The public page: the same parameters as ever, the counts of everything chosen.
    page = client_for(portal_a).get(
        "/tim-kiem/", {"loai": LEGAL_DOCUMENT, "hinh-thuc": "quyet-dinh", "den-ngay": "31/12/2020"}
    )
    assert [h.facets["number"] for h in page.context["hits"]] == ["43/2020/QĐ-UBND"]
    html = page.content.decode()
    for param in ("hinh-thuc", "co-quan", "linh-vuc", "hieu-luc", "tu-ngay", "den-ngay"):
        assert f'name="{param}"' in html
    assert "Đất đai (1)" in html and "Còn hiệu lực" in html


def test_a_second_sections_declared_facets_are_counted_and_filter(server_backend, portal_a):
    with schema_context(portal_a.schema_name):
        civil = ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp")
        business = ServiceFieldFactory(name="Thành lập doanh nghiệp", sector__name="Kế hoạch và Đầu tư")
        PublicServicePageFactory(title="Đăng ký khai sinh", field=civil, level="toan-trinh")
        PublicServicePageFactory(title="Đăng ký kết hôn", field=civil, level="mot-phan")
        PublicServicePageFactory(title="Đăng ký thành lập doanh nghiệp", field=business, level="toan-trinh")
    rebuild_portal(portal_a)
    results = server_backend.search(SearchQuery(portal="soa", content_type=SERVICE))
    assert results.total == 3
    assert {f.label: f.count for f in results.facets["sector"]} == {
        "Tư pháp": 2, "Kế hoạch và Đầu tư": 1,
    }
    assert {(f.value, f.label): f.count for f in results.facets["level"]} == {
        ("toan-trinh", "Toàn trình"): 2, ("mot-phan", "Một phần"): 1,
    }
    narrowed = server_backend.search(
        SearchQuery(portal="soa", content_type=SERVICE, filters={"field": "ho-tich"})
    )
    assert {h.title for h in narrowed.hits} == {"Đăng ký khai sinh", "Đăng ký kết hôn"}
    response = client_for(portal_a).get(
        "/tim-kiem/", {"loai": SERVICE, "q": "dang ky", "muc-do": "toan-trinh"}
    )
    assert {h.title for h in response.context["hits"]} == {
        "Đăng ký khai sinh", "Đăng ký thành lập doanh nghiệp",
    }
    html = response.content.decode()
    assert 'name="nganh"' in html and "Tư pháp (1)" in html
    assert "Lọc kết quả</button>" in html


def test_cross_portal_search_latest_and_suspension(
    server_backend, province, portal_a, portal_b
):
    from tenants.models import Portal

    now = timezone.now()
    server_backend.index_documents([
        doc(portal_a, 1, "Lễ hội hoa ban Sở A", date=now - timedelta(hours=1)),
        doc(portal_b, 1, "Lễ hội hoa ban Xã B", date=now),
    ])
    wide = server_backend.search(SearchQuery(text="le hoi", portal=None))
    assert {f.value: f.count for f in wide.facets["portal"]} == {"soa": 1, "xab": 1}
    narrowed = server_backend.search(SearchQuery(text="le hoi", portal=None, portals=("soa",)))
    assert [h.portal_code for h in narrowed.hits] == ["soa"]
    assert [h.portal_code for h in server_backend.latest(NEWS_ARTICLE, "tinhthu")] == [
        "xab", "soa",
    ]
    Portal.objects.filter(pk=portal_b.pk).update(status=Portal.Status.SUSPENDED)
    assert [h.portal_code for h in server_backend.latest(NEWS_ARTICLE, "tinhthu")] == ["soa"]


def test_province_home_lists_member_news_from_the_server(server_backend, province, portal_a):
    server_backend.index_documents([
        doc(portal_a, 7, "Sở A khai trương bộ phận một cửa"),
        doc(portal_a, 8, "Thủ tục mới", content_type=SERVICE),
    ])
    html = client_for(province).get("/").content.decode()
    assert f'href="http://{portal_a.primary_domain}/tin-tuc/7/"' in html
    assert "Thủ tục mới" not in html


def test_public_page_on_the_server_backend(server_backend, province, portal_a):
    server_backend.index_documents([doc(portal_a, 1, "Đường đến Đà Nẵng")])
    response = client_for(province).get("/tim-kiem/", {"q": "da nang", "pham-vi": "tinh"})
    assert [h.portal_code for h in response.context["hits"]] == ["soa"]
    assert f'href="http://{portal_a.primary_domain}/tin-tuc/1/"' in response.content.decode()


def test_searches_stay_in_the_language_searched_from(server_backend, portal_a):
    server_backend.index_documents([
        doc(portal_a, 1, "Giới thiệu Sở A"),
        doc(portal_a, 2, "Introduction to Department A", language="en"),
    ])
    server_backend.refresh()
    english = server_backend.search(SearchQuery(text="department", portal="soa", language="en"))
    assert [h.title for h in english.hits] == ["Introduction to Department A"]
    vietnamese = server_backend.search(SearchQuery(text="sở a", portal="soa", language="vi"))
    assert [h.title for h in vietnamese.hits] == ["Giới thiệu Sở A"]
    suggestions = server_backend.autocomplete("intro", "soa", language="en")
    assert [s.title for s in suggestions] == ["Introduction to Department A"]
    assert server_backend.autocomplete("intro", "soa", language="vi") == []


def test_index_lifecycle_status_paging_and_single_deletes(server_backend, portal_a, portal_b):
    now = timezone.now()
    assert server_backend.create_index() is False  # the fixture made it
    assert server_backend.index_documents([]) == 0
    assert server_backend.index_documents(
        [doc(portal_a, pk, f"Thông báo số {pk}", date=now - timedelta(days=pk)) for pk in range(1, 6)]
        + [doc(portal_b, 1, "Thông báo của Xã B")]
    ) == 6
    second_page = server_backend.search(
        SearchQuery(portal="soa", content_type=NEWS_ARTICLE, offset=2, limit=2)
    )
    assert second_page.total == 5
    assert [h.title for h in second_page.hits] == ["Thông báo số 3", "Thông báo số 4"]

    server_backend.delete_object("soa", 1)
    assert server_backend.count("soa") == 4
    assert server_backend.status() == {
        "backend": server_backend.name,
        "index": server_backend.index,
        "documents": 5,
        "portals": {"soa": 4, "xab": 1},
    }
    assert server_backend.delete_portal("xab") == 1
    assert server_backend.count() == 4

    server_backend.drop_index()
    server_backend.drop_index()  # already gone: nothing to do
    assert server_backend.create_index() is True
    assert server_backend.count() == 0


def test_publishing_reaches_the_index_after_commit(
    server_backend, portal_a, django_capture_on_commit_callbacks
):
    from news.models import NewsArticlePage

    def titles() -> list[str]:
        server_backend.refresh()
        return [h.title for h in server_backend.search(SearchQuery(text="cau treo", portal="soa")).hits]

    with schema_context(portal_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            article = NewsArticlePageFactory(title="Khánh thành cầu treo bản Mường", summary="Cầu mới.")
        assert titles() == ["Khánh thành cầu treo bản Mường"]
        with django_capture_on_commit_callbacks(execute=True):
            NewsArticlePage.objects.get(pk=article.pk).unpublish()
        assert titles() == []


def test_search_index_command_on_the_server(server_backend, portal_a, capsys):
    from django.core.management import call_command

    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Hội chợ nông sản an toàn", summary="Nông sản.")
    call_command("search_index", "create")
    call_command("search_index", "rebuild", "--portal", "soa")
    call_command("search_index", "status")
    out = capsys.readouterr().out
    assert "Chỉ mục đã có sẵn." in out
    assert f"{server_backend.name} {server_backend.index}: " in out
    assert f"soa: {server_backend.count('soa')}" in out
    assert server_backend.search(SearchQuery(text="hoi cho nong san", portal="soa")).total == 1


def test_renaming_a_portal_renames_its_documents(
    server_backend, portal_a, django_capture_on_commit_callbacks
):
    with schema_context(portal_a.schema_name):
        with django_capture_on_commit_callbacks(execute=True):
            NewsArticlePageFactory(title="Tin của cổng được đổi tên", summary="Đổi tên.")
    with django_capture_on_commit_callbacks(execute=True):
        portal_a.name = "Sở A (tên mới)"
        portal_a.save()
    server_backend.refresh()
    hits = server_backend.search(SearchQuery(text="doi ten", portal="soa")).hits
    assert [h.portal_name for h in hits] == ["Sở A (tên mới)"]


def test_a_search_server_outage_does_not_undo_a_suspension(
    server_backend, portal_b, monkeypatch, django_capture_on_commit_callbacks
):
    from search import indexing
    from tenants.models import Portal
    from tenants.provisioning import change_status

    def server_down(portal):
        raise ConnectionError("search server unreachable")

    monkeypatch.setattr(indexing, "remove_portal", server_down)
    with django_capture_on_commit_callbacks(execute=True):
        change_status(portal_b, Portal.Status.SUSPENDED, actor="thu")
    assert Portal.objects.get(pk=portal_b.pk).status == Portal.Status.SUSPENDED
