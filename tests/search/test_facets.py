"""Facets and filters each content model declares (`search_facets`), on the embedded backend
through the public search page: sections other than legal documents get theirs without
`search` knowing them, and `search` names no section at all."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from django_tenants.utils import schema_context

from django.core.exceptions import ImproperlyConfigured

from search.facets import ChoiceFacet, DateRangeFilter, IdentifierFacet, RelatedFacet, _problems
from search.models import SearchDocument
from tests.legaldocs.factories import LegalDocumentPageFactory
from tests.news.factories import NewsArticlePageFactory, NewsCategoryFactory
from tests.projects.factories import ProjectPageFactory
from tests.services.factories import PublicServicePageFactory, ServiceFieldFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SERVICE = "services.publicservicepage"
PROJECT = "projects.projectpage"
DOCS = "legaldocs.legaldocumentpage"
NEWS = "news.newsarticlepage"


def search(portal, **params):
    response = client_for(portal).get("/tim-kiem/", params)
    assert response.status_code == 200
    return response


def titles(response) -> set[str]:
    return {hit.title for hit in response.context["hits"]}


def counts(response, param: str) -> dict[str, int]:
    (group,) = [g for g in response.context["facet_filters"] if g["param"] == param]
    return {f.label: f.count for f in group["values"]}


@pytest.fixture
def services(portal_a):
    with schema_context(portal_a.schema_name):
        civil = ServiceFieldFactory(name="Hộ tịch", sector__name="Tư pháp")
        notary = ServiceFieldFactory(name="Chứng thực", sector__name="Tư pháp")
        business = ServiceFieldFactory(name="Thành lập doanh nghiệp", sector__name="Kế hoạch và Đầu tư")
        return {
            "birth": PublicServicePageFactory(title="Đăng ký khai sinh", field=civil, level="toan-trinh"),
            "marriage": PublicServicePageFactory(title="Đăng ký kết hôn", field=civil, level="mot-phan"),
            "copy": PublicServicePageFactory(
                title="Chứng thực bản sao từ bản chính", field=notary, level="toan-trinh"
            ),
            "company": PublicServicePageFactory(
                title="Đăng ký thành lập doanh nghiệp", field=business, level="muc-3"
            ),
        }


def test_a_services_declared_facets_are_indexed(services, portal_a):
    stored = SearchDocument.objects.get(
        portal=portal_a.schema_name, object_id=services["birth"].pk
    ).facets
    assert stored == {
        "sector": "tu-phap", "sector_label": "Tư pháp",
        "field": "ho-tich", "field_label": "Hộ tịch",
        "level": "toan-trinh", "level_label": "Toàn trình",
    }


def test_a_services_facets_are_offered_counted_and_filter(services, portal_a):
    response = search(portal_a, loai=SERVICE)
    offered = [(g["param"], g["label"]) for g in response.context["facet_filters"]]
    assert offered == [
        ("nganh", "Ngành"), ("linh-vuc", "Lĩnh vực"), ("muc-do", "Mức độ dịch vụ công trực tuyến"),
    ]
    assert counts(response, "nganh") == {"Tư pháp": 3, "Kế hoạch và Đầu tư": 1}
    assert counts(response, "muc-do") == {"Toàn trình": 2, "Một phần": 1, "Mức độ 3": 1}
    html = response.content.decode()
    assert 'name="muc-do"' in html and "Tư pháp (3)" in html
    assert "Lọc kết quả</button>" in html
    assert response.context["date_range"] is None  # not declared: no date inputs
    assert 'name="tu-ngay"' not in html
    # The level is shown with each result (declared `in_results`).
    assert " · Toàn trình" in html

    full = search(portal_a, loai=SERVICE, **{"muc-do": "toan-trinh"})
    assert titles(full) == {"Đăng ký khai sinh", "Chứng thực bản sao từ bản chính"}
    assert counts(full, "linh-vuc") == {"Hộ tịch": 1, "Chứng thực": 1}
    assert 'value="toan-trinh" selected' in full.content.decode()
    civil = search(portal_a, loai=SERVICE, q="dang ky", nganh="tu-phap", **{"linh-vuc": "ho-tich"})
    assert titles(civil) == {"Đăng ký khai sinh", "Đăng ký kết hôn"}


def test_a_projects_status_facet_filters_with_the_sections_own_parameter(portal_a):
    with schema_context(portal_a.schema_name):
        for title, status in (
            ("Đường vào bản Sì Thâu", "dang-thuc-hien"),
            ("Trường tiểu học Mường Tè", "hoan-thanh"),
            ("Cầu treo Nậm Nhùn", "dang-thuc-hien"),
        ):
            ProjectPageFactory(title=title, field="giao-thong", status=status)
    response = search(portal_a, loai=PROJECT)
    assert counts(response, "trang-thai") == {"Đang thực hiện": 2, "Hoàn thành": 1}
    assert counts(response, "linh-vuc") == {"Giao thông": 3}
    ongoing = search(portal_a, loai=PROJECT, **{"trang-thai": "dang-thuc-hien"})
    assert titles(ongoing) == {"Đường vào bản Sì Thâu", "Cầu treo Nậm Nhùn"}


def test_parameters_a_type_does_not_declare_are_ignored(services, portal_a):
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Hội nghị cải cách thủ tục hành chính", summary="Tin.")
    # Another type's parameter: the services are not narrowed.
    everything = search(portal_a, loai=SERVICE, **{"hinh-thuc": "quyet-dinh", "hieu-luc": "x"})
    assert len(titles(everything)) == 4
    # News declares no filter: a service parameter does not empty the news.
    news = search(portal_a, loai=NEWS, **{"muc-do": "toan-trinh"})
    assert titles(news) == {"Hội nghị cải cách thủ tục hành chính"}
    assert news.context["facet_filters"] == []
    assert "search-facet-filter" not in news.content.decode()


def test_news_keeps_its_category_in_the_index(portal_a):
    with schema_context(portal_a.schema_name):
        category = NewsCategoryFactory(name="Hoạt động của Sở")
        article = NewsArticlePageFactory(title="Sở A tổng kết năm", category=category)
    stored = SearchDocument.objects.get(portal=portal_a.schema_name, object_id=article.pk).facets
    assert stored == {"category": "Hoạt động của Sở"}


def test_legal_documents_keep_their_stored_keys(portal_a):
    from legaldocs.models import ValidityStatus

    with schema_context(portal_a.schema_name):
        page = LegalDocumentPageFactory(
            number="43/2020/QĐ-UBND", summary="Quy định thu hồi đất", doc_type="quyet-dinh",
            issuer__name="Ủy ban nhân dân tỉnh Thử", status=ValidityStatus.PARTLY_EXPIRED,
        )
    stored = SearchDocument.objects.get(portal=portal_a.schema_name, object_id=page.pk).facets
    assert stored == {
        "number": "43/2020/QĐ-UBND", "number_key": "43/2020/qd-ubnd",
        # Its parts, for numbers typed in part (“QĐ 43”, “quyết định 43/2020”).
        "number_lead": "43", "number_year": "2020", "number_symbols": ["qd", "quyetdinh", "ubnd"],
        "doc_type": "quyet-dinh", "doc_type_label": "Quyết định",
        "issuer": "Ủy ban nhân dân tỉnh Thử",
        "status": "het-hieu-luc-mot-phan", "status_label": "Hết hiệu lực một phần",
    }


def test_declarations_that_would_break_the_page_are_reported():
    from news.models import NewsArticlePage

    problems = _problems(NewsArticlePage, [
        RelatedFacet("category", param="q"),
        RelatedFacet("no_such_field"),
        ChoiceFacet("category", key="category"),
        IdentifierFacet("title"),
        IdentifierFacet("slug"),
        DateRangeFilter("tu", "den", label_from="a", label_to="b"),
        DateRangeFilter("tu-ngay", "den", label_from="a", label_to="b"),
        "summary",
    ])
    assert sorted(code for _message, code in problems) == [
        "E001", "E002", "E002", "E003", "E004", "E004", "E005", "E006",
    ]
    assert _problems(NewsArticlePage, NewsArticlePage.search_facets) == []
    for reserved in ("type", "portal", "Bad-Key"):
        with pytest.raises(ImproperlyConfigured):
            ChoiceFacet("category", key=reserved)


def _section_apps() -> set[str]:
    platform = ROOT / "platform"
    return {
        path.name for path in platform.iterdir() if (path / "apps.py").exists()
    } - {"core", "cong"}


def test_search_names_no_section_app():
    """`search` (layer 2) imports no section app and names none of their models or
    fields: what it knows of them, it reads from their declarations."""
    sections = _section_apps()
    assert {"legaldocs", "news", "services", "projects"} <= sections
    # "news.newsarticlepage", "legaldocs.LegalDocumentPage": an app's label, a dot, a name.
    named = re.compile(rf"\b({'|'.join(sorted(sections))})\.[a-z_]", re.IGNORECASE)
    found = []
    for path in (ROOT / "search").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
            and node.body and isinstance(node.body[0], ast.Expr)
            and isinstance(node.body[0].value, ast.Constant)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                modules = [node.module or ""]
            else:
                modules = []
            found += [f"{path.name}: import {m}" for m in modules if m.split(".")[0] in sections]
            if (
                isinstance(node, ast.Constant) and isinstance(node.value, str)
                and id(node) not in docstrings
            ):
                found += [f"{path.name}: {node.value!r}"] if named.search(node.value) else []
    for path in (ROOT / "themes" / "base" / "templates" / "search").glob("*.html"):
        text = path.read_text(encoding="utf-8")
        found += [f"{path.name}: {m.group(0)}" for m in named.finditer(text)]
    assert found == []
