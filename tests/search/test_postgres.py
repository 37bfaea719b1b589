"""The embedded backend (PostgreSQL shared table), through the public pages of the test
portals: folding, isolation, the province's whole-province scope, ranking, autocomplete,
legal document search, index maintenance and aggregation."""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta

import pytest
from django_tenants.utils import schema_context

from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from search.models import SearchDocument
from tenants.models import Portal
from tenants.provisioning import change_status
from tests.legaldocs.factories import (
    IssuingAuthorityFactory,
    LegalDocumentPageFactory,
    LegalFieldFactory,
)
from tests.news.factories import NewsArticlePageFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [hit.title for hit in response.context["hits"]]


def search(portal, **params):
    response = client_for(portal).get("/tim-kiem/", params)
    assert response.status_code == 200
    return response


@pytest.fixture
def content(province, portal_a, portal_b):
    """The same kind of news on every portal, each with its own words."""
    made = {}
    now = timezone.now()
    for portal, place in ((province, "tỉnh"), (portal_a, "Sở A"), (portal_b, "Xã B")):
        with schema_context(portal.schema_name):
            made[portal.code] = NewsArticlePageFactory(
                title=f"Tìm kiếm việc làm tại Đà Nẵng cho lao động {place}",
                summary=f"Người lao động {place} được hỗ trợ tìm kiếm việc làm.",
                publish_date=now - timedelta(hours=len(made)),
            )
    return made


def test_folded_words_find_accented_text(content, portal_a):
    for query in ("tim kiem", "da nang", "DA NANG", "Đà Nẵng", "tìm kiếm"):
        assert titles(search(portal_a, q=query)) == [content["soa"].title], query


def test_snippets_are_highlighted_and_escaped(portal_a):
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(
            title="Kết quả <b>tuyển sinh</b> năm học mới", summary="Tuyển sinh & <script>."
        )
    response = search(portal_a, q="tuyen sinh")
    html = response.content.decode()
    assert "<mark>tuyển</mark>" in html.lower() or "<mark>Tuyển</mark>" in html
    assert "<script>." not in html
    assert "&lt;b&gt;" in html


def test_member_search_never_returns_another_portals_items(content, portal_a, portal_b):
    response = search(portal_a, q="viec lam", **{"pham-vi": "tinh"})  # scope ignored
    hits = response.context["hits"]
    assert [h.portal_code for h in hits] == ["soa"]
    assert hits[0].url.startswith(f"http://{portal_a.primary_domain}/")
    assert "Xã B" not in response.content.decode()
    assert response.context["can_search_province"] is False


def test_province_searches_the_whole_province_with_links_to_each_domain(
    content, province, portal_a, portal_b
):
    own = search(province, q="viec lam")
    assert [h.portal_code for h in own.context["hits"]] == ["tinhthu"]

    response = search(province, q="viec lam da nang", **{"pham-vi": "tinh"})
    hits = response.context["hits"]
    assert {h.portal_code for h in hits} == {"tinhthu", "soa", "xab"}
    html = response.content.decode()
    for portal in (portal_a, portal_b):
        assert f'href="http://{portal.primary_domain}/' in html
        assert portal.name in html
    counts = {f.value: f.count for f in response.context["facets"]["portal"]}
    assert counts == {"tinhthu": 1, "soa": 1, "xab": 1}

    narrowed = search(province, q="viec lam", cong=["soa", "xab"], **{"pham-vi": "tinh"})
    assert {h.portal_code for h in narrowed.context["hits"]} == {"soa", "xab"}


def test_exact_diacritics_rank_first(portal_a):
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Quy định ban hành hàng hóa xuất khẩu", summary="Văn bản mới.")
        NewsArticlePageFactory(title="Phiên chợ bán hàng nông sản", summary="Nông dân bán hàng trực tiếp.")
        NewsArticlePageFactory(title="Bàn giao hạng mục công trình", summary="Bàn giao hạng mục.")
    assert titles(search(portal_a, q="bán hàng"))[0] == "Phiên chợ bán hàng nông sản"
    assert titles(search(portal_a, q="bàn hạng"))[0] == "Bàn giao hạng mục công trình"
    assert len(titles(search(portal_a, q="ban hang"))) == 3


def test_type_filter_facets_and_pagination(portal_a):
    with schema_context(portal_a.schema_name):
        for n in range(12):
            NewsArticlePageFactory(title=f"Tin nông thôn mới số {n}", summary="Xây dựng nông thôn mới.")
        LegalDocumentPageFactory(
            number="12/2024/QĐ-UBND", summary="Quyết định về nông thôn mới giai đoạn 2024–2025"
        )
    response = search(portal_a, q="nong thon moi")
    assert response.context["total"] == 13
    types = {f.value: f.count for f in response.context["facets"]["type"]}
    assert types == {"news.newsarticlepage": 12, "legaldocs.legaldocumentpage": 1}
    assert len(titles(response)) == 10
    second = search(portal_a, q="nong thon moi", trang=2)
    assert len(titles(second)) == 3
    assert not set(titles(second)) & set(titles(response))
    only_docs = search(portal_a, q="nong thon moi", loai="legaldocs.legaldocumentpage")
    assert titles(only_docs) == ["12/2024/QĐ-UBND Quyết định về nông thôn mới giai đoạn 2024–2025"]


@pytest.fixture
def documents(portal_a):
    from legaldocs.models import DocumentType, ValidityStatus

    with schema_context(portal_a.schema_name):
        land = LegalFieldFactory(name="Đất đai")
        education = LegalFieldFactory(name="Giáo dục – Đào tạo")
        province_issuer = IssuingAuthorityFactory(name="Ủy ban nhân dân tỉnh Thử")
        council = IssuingAuthorityFactory(name="Hội đồng nhân dân tỉnh Thử")
        return {
            "qd": LegalDocumentPageFactory(
                number="43/2020/QĐ-UBND", summary="Quy định bồi thường, hỗ trợ khi Nhà nước thu hồi đất",
                doc_type=DocumentType.QUYET_DINH, legal_field=land, issue_date=date(2020, 9, 1),
                issuer=province_issuer,
            ),
            "qd2": LegalDocumentPageFactory(
                number="43/2021/QĐ-UBND", summary="Sửa đổi quy định về giá đất",
                doc_type=DocumentType.QUYET_DINH, legal_field=land, issue_date=date(2021, 3, 2),
                issuer=province_issuer,
                status=ValidityStatus.EXPIRED,
            ),
            "nq": LegalDocumentPageFactory(
                number="15/2023/NQ-HĐND", summary="Chính sách hỗ trợ học sinh vùng khó khăn; tham chiếu "
                "Quyết định 43/2020/QĐ-UBND", doc_type=DocumentType.NGHI_QUYET,
                legal_field=education, issue_date=date(2023, 7, 14), issuer=council,
            ),
        }


DOCS = "legaldocs.legaldocumentpage"


@pytest.mark.parametrize(
    "typed",
    [
        "31/02/2021", "2021-13-01", "hôm qua", unicodedata.normalize("NFD", "hôm qua"),
        "01-01-2021", "<b>1/1</b>", "9" * 60,
    ],
)
def test_a_date_that_is_no_date_is_said_so_and_kept_in_its_input(documents, portal_a, typed):
    response = search(portal_a, loai=DOCS, **{"tu-ngay": typed, "den-ngay": "31/12/2022"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "không phải là ngày hợp lệ: nhập theo dạng ngày/tháng/năm" in html
    assert 'aria-invalid="true" aria-describedby="f-tu-ngay-error"' in html
    # Kept as typed (NFC, up to 40 characters).
    assert f'value="{escape(unicodedata.normalize("NFC", typed)[:40])}"' in html
    # Said above the filters and results too, linking to the input.
    above = html[: html.index('class="search-layout"')]
    assert '<a href="#f-tu-ngay">Ban hành từ ngày: “' in above
    assert "<b>" not in html
    # The range keeps its valid end; the other end is left out, not guessed.
    assert {h.facets["number"] for h in response.context["hits"]} == {
        "43/2020/QĐ-UBND", "43/2021/QĐ-UBND"
    }


def test_a_nul_in_a_date_is_refused_before_the_search(documents, portal_a):
    response = client_for(portal_a).get("/tim-kiem/", {"loai": DOCS, "tu-ngay": "01/01/2021\x00"})
    assert response.status_code == 400


def test_a_range_ending_before_it_starts_is_said_so(documents, portal_a):
    response = search(portal_a, loai=DOCS, **{"tu-ngay": "01/01/2023", "den-ngay": "01/01/2021"})
    html = response.content.decode()
    assert "Ngày cuối phải bằng hoặc sau ngày đầu." in html
    assert 'value="01/01/2023"' in html and 'value="01/01/2021"' in html
    assert not response.context["hits"]


@pytest.mark.parametrize("number", ["43/2020/QĐ-UBND", "43/2020/qd-ubnd", " 43/2020/QD-UBND "])
def test_document_number_lookup_is_exact(documents, portal_a, number):
    response = search(portal_a, q=number)
    assert [h.facets["number"] for h in response.context["hits"]] == ["43/2020/QĐ-UBND"]
    assert response.context["number_match"] is True
    assert f"Văn bản có số ký hiệu “{number.strip()}”:" in response.content.decode()


def test_document_search_by_summary_words_and_filters(documents, portal_a):
    response = search(portal_a, q="thu hoi dat", loai=DOCS)
    assert [h.facets["number"] for h in response.context["hits"]] == ["43/2020/QĐ-UBND"]

    def numbers(**params):
        response = search(portal_a, loai=DOCS, **params)
        return {h.facets["number"] for h in response.context["hits"]}, response.context["facets"]

    everything, facets = numbers(q="")
    assert everything == {"43/2020/QĐ-UBND", "43/2021/QĐ-UBND", "15/2023/NQ-HĐND"}
    assert {f.label: f.count for f in facets["doc_type"]} == {"Quyết định": 2, "Nghị quyết": 1}
    assert {f.label: f.count for f in facets["field"]} == {"Đất đai": 2, "Giáo dục – Đào tạo": 1}
    assert {f.label: f.count for f in facets["status"]} == {"Còn hiệu lực": 2, "Hết hiệu lực": 1}
    assert {f.label: f.count for f in facets["issuer"]} == {
        "Ủy ban nhân dân tỉnh Thử": 2, "Hội đồng nhân dân tỉnh Thử": 1,
    }
    assert numbers(**{"hinh-thuc": "nghi-quyet"})[0] == {"15/2023/NQ-HĐND"}
    assert numbers(**{"co-quan": "Ủy ban nhân dân tỉnh Thử"})[0] == {
        "43/2020/QĐ-UBND", "43/2021/QĐ-UBND",
    }
    assert numbers(**{"linh-vuc": "Giáo dục – Đào tạo"})[0] == {"15/2023/NQ-HĐND"}
    assert numbers(**{"hieu-luc": "het-hieu-luc"})[0] == {"43/2021/QĐ-UBND"}
    assert numbers(**{"tu-ngay": "2021-01-01", "den-ngay": "2022-12-31"})[0] == {"43/2021/QĐ-UBND"}
    assert numbers(q="dat", **{"hieu-luc": "con-hieu-luc"})[0] == {"43/2020/QĐ-UBND"}
    page = search(portal_a, loai=DOCS, q="dat").content.decode()
    assert "Đất đai (2)" in page
    # The form: the same parameters and headings as ever, in this order.
    form = page[page.index('class="search-facet-filter"'):]
    fields = [
        ("hinh-thuc", "Hình thức văn bản"), ("co-quan", "Cơ quan ban hành"),
        ("linh-vuc", "Lĩnh vực"), ("hieu-luc", "Tình trạng hiệu lực"),
        ("tu-ngay", "Ban hành từ ngày"), ("den-ngay", "đến ngày"),
    ]
    positions = [form.index(f'<label for="f-{param}">{label}</label>') for param, label in fields]
    assert positions == sorted(positions)
    assert "Lọc kết quả</button>" in form
    # Each result shows its number and validity.
    assert "<strong>43/2020/QĐ-UBND</strong>" in page and " · Còn hiệu lực" in page
    kept = search(portal_a, loai=DOCS, **{"tu-ngay": "01/01/2021", "hieu-luc": "het-hieu-luc"})
    html = kept.content.decode()
    assert 'value="01/01/2021"' in html and 'value="het-hieu-luc" selected' in html
    # Shown as dd/mm/yyyy whatever the browser's language (no type="date").
    assert 'type="date"' not in html and 'placeholder="dd/mm/yyyy"' in html


def test_autocomplete_with_and_without_diacritics(content, portal_a):
    for query in ("da na", "Đà N", "tim kiem viec"):
        response = client_for(portal_a).get("/tim-kiem/goi-y/", {"q": query})
        assert response.status_code == 200
        data = response.json()
        assert [s["title"] for s in data["suggestions"]] == [content["soa"].title], query
        assert data["suggestions"][0]["url"].startswith(f"http://{portal_a.primary_domain}/")


def test_autocomplete_puts_exact_diacritics_first(portal_a):
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Thu hút đầu tư", summary="a")
        NewsArticlePageFactory(title="Thư viện tỉnh mở cửa", summary="b")
    titles_ = [
        s["title"] for s in client_for(portal_a).get("/tim-kiem/goi-y/", {"q": "thư"}).json()["suggestions"]
    ]
    assert titles_[0] == "Thư viện tỉnh mở cửa"
    assert set(titles_) == {"Thu hút đầu tư", "Thư viện tỉnh mở cửa"}


def in_index(portal, **filters):
    return list(
        SearchDocument.objects.filter(portal=portal.schema_name, **filters).values_list(
            "title", flat=True
        )
    )


def test_publish_unpublish_move_delete_keep_the_index_in_step(portal_a):
    from news.models import NewsArticlePage

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Khánh thành cầu treo bản Mường", summary="Cầu mới.")
        doc_id = f"{portal_a.schema_name}:news.newsarticlepage:{article.pk}"
        assert SearchDocument.objects.filter(id=doc_id).exists()

        # A draft is not public: the index keeps the published title.
        article.title = "Bản nháp chưa duyệt"
        article.save_revision()
        assert in_index(portal_a, object_id=article.pk) == ["Khánh thành cầu treo bản Mường"]
        article.get_latest_revision().publish()
        assert in_index(portal_a, object_id=article.pk) == ["Bản nháp chưa duyệt"]

        article = NewsArticlePage.objects.get(pk=article.pk)
        article.unpublish()
        assert in_index(portal_a, object_id=article.pk) == []
        article.save_revision().publish()
        assert in_index(portal_a, object_id=article.pk) == ["Bản nháp chưa duyệt"]

        article.slug = "cau-treo-moi"
        article.save_revision().publish()
        url = SearchDocument.objects.get(id=doc_id).url
        assert url == f"http://{portal_a.primary_domain}/tin-tuc/cau-treo-moi/"

        NewsArticlePage.objects.get(pk=article.pk).delete()
        assert not SearchDocument.objects.filter(id=doc_id).exists()


def test_move_reindexes_the_moved_pages_urls(portal_a):
    from wagtail.models import Page

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Bài chuyển chỗ", summary="x")
        home = Page.objects.get(depth=2, locale__language_code="vi")
        target = home.get_children().exclude(slug="tin-tuc").first()
        Page.objects.get(pk=article.pk).move(target, pos="last-child")
        url = SearchDocument.objects.get(portal=portal_a.schema_name, object_id=article.pk).url
        assert url.endswith(f"/{target.slug}/{article.slug}/")


def test_private_pages_are_not_indexed(portal_a):
    from wagtail.models import PageViewRestriction

    with schema_context(portal_a.schema_name):
        article = NewsArticlePageFactory(title="Tài liệu nội bộ", summary="Chỉ cán bộ xem.")
        assert in_index(portal_a, object_id=article.pk)
        PageViewRestriction.objects.create(
            page=article, restriction_type=PageViewRestriction.PASSWORD, password="matkhau123"
        )
        assert not in_index(portal_a, object_id=article.pk)


def test_rebuilding_one_portal_leaves_the_others_intact(content, province, portal_a, portal_b):
    before_b = sorted(in_index(portal_b))
    before_province = sorted(in_index(province))
    # Something stale in portal A's documents: the rebuild replaces it.
    SearchDocument.objects.filter(portal=portal_a.schema_name).update(title="cũ")
    call_command("search_index", "rebuild", "--portal", "soa", stdout=open("/dev/null", "w"))
    assert content["soa"].title in in_index(portal_a)
    assert "cũ" not in in_index(portal_a)
    assert sorted(in_index(portal_b)) == before_b
    assert sorted(in_index(province)) == before_province
    assert titles(search(portal_b, q="viec lam")) == [content["xab"].title]


def test_suspension_removes_a_portal_at_once_and_activation_restores_it(
    content, province, portal_b
):
    home = client_for(province).get("/")
    assert content["xab"].title in home.content.decode()
    change_status(portal_b, Portal.Status.SUSPENDED, actor="test")
    assert in_index(portal_b) == []
    assert content["xab"].title not in client_for(province).get("/").content.decode()
    wide = search(province, q="viec lam", **{"pham-vi": "tinh"})
    assert "xab" not in {h.portal_code for h in wide.context["hits"]}
    change_status(portal_b, Portal.Status.ACTIVE, actor="test")
    assert content["xab"].title in in_index(portal_b)


def test_province_home_shows_member_news_linking_to_their_domains(
    content, province, portal_a, portal_b
):
    html = client_for(province).get("/").content.decode()
    assert "Tin từ các cổng thành viên" in html
    for code, portal in (("soa", portal_a), ("xab", portal_b)):
        url = SearchDocument.objects.get(
            portal=portal.schema_name, object_id=content[code].pk
        ).url
        assert f'href="{url}"' in html
        assert url.startswith(f"http://{portal.primary_domain}/")
    member_home = client_for(portal_a).get("/").content.decode()
    assert "Tin từ các cổng thành viên" not in member_home


def test_renaming_a_portal_renames_its_documents(content, portal_a):
    portal_a.name = "Sở A (tên mới)"
    portal_a.save()
    assert set(
        SearchDocument.objects.filter(portal="soa").values_list("portal_name", flat=True)
    ) == {"Sở A (tên mới)"}


def test_search_index_command_status_and_create(content, capsys):
    call_command("search_index", "create")
    call_command("search_index", "status")
    out = capsys.readouterr().out
    assert "postgres public.search_document" in out
    assert "soa: 1" in out


def test_empty_query_shows_the_form_only(portal_a):
    response = search(portal_a)
    assert response.context["searched"] is False
    assert response.context["hits"] == []


def test_body_text_of_stream_fields_is_searchable(portal_a):
    from wagtail.rich_text import RichText

    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(
            title="Tin có nội dung", summary="Tóm tắt ngắn.",
            body=[("paragraph", RichText("<p>Đoàn công tác thăm bản Sì Thâu Chải.</p>"))],
        )
    assert titles(search(portal_a, q="si thau chai")) == ["Tin có nội dung"]
