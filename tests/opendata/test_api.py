"""The open data API (/api/v1/): published and public content only, never personal data,
paginated and filtered, documented, cached and purged, rate limited."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django_tenants.utils import schema_context

from django.utils import timezone

from wagtail.models import PageViewRestriction

from core import ratelimit
from core.caching import pages
from legaldocs.models import DocumentType
from opendata.views import API_LIMIT
from participation.models import QuestionIndexPage
from tests.legaldocs.factories import IssuingAuthorityFactory, LegalDocumentPageFactory
from tests.news.factories import NewsArticlePageFactory
from tests.participation.factories import QuestionFactory
from tests.services.factories import PublicServicePageFactory, ServiceFieldFactory
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db

# The fields a Q&A item may have: anything else is a leak.
QUESTION_KEYS = {
    "id", "url", "kind", "kind_label", "topic", "topic_slug", "title", "question", "received_date",
    "answer", "answered_by_unit", "answerer_name", "answerer_title", "answered_at", "published_at",
}


def get(portal, path: str, **params):
    response = client_for(portal).get(path, params)
    assert response["Content-Type"].startswith("application/"), response.content[:200]
    return response, json.loads(response.content)


def titles(body) -> list[str]:
    return [item["title"] for item in body["results"]]


def test_only_published_public_legal_documents(portal_a):
    with schema_context(portal_a.schema_name):
        LegalDocumentPageFactory(title="Văn bản đã đăng")
        LegalDocumentPageFactory(title="Văn bản bản nháp", live=False)
        hidden = LegalDocumentPageFactory(title="Văn bản có mật khẩu")
        PageViewRestriction.objects.create(
            page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="bimat"
        )
        login = LegalDocumentPageFactory(title="Văn bản cần đăng nhập")
        PageViewRestriction.objects.create(page=login, restriction_type=PageViewRestriction.LOGIN)
    response, body = get(portal_a, "/api/v1/legal-documents/", limit=100)
    assert response.status_code == 200
    found = titles(body)
    assert "Văn bản đã đăng" in found
    for secret in ("Văn bản bản nháp", "Văn bản có mật khẩu", "Văn bản cần đăng nhập"):
        assert secret not in found
    assert secret not in response.content.decode()
    item = next(i for i in body["results"] if i["title"] == "Văn bản đã đăng")
    assert item["url"].startswith("http://") and item["type"] == "quyet-dinh"
    assert item["type_label"] == "Quyết định"


def test_legal_document_filters(portal_a):
    with schema_context(portal_a.schema_name):
        other = IssuingAuthorityFactory(name="Hội đồng nhân dân tỉnh thử", slug="hdnd-thu")
        LegalDocumentPageFactory(title="NQ năm 2023", doc_type=DocumentType.NGHI_QUYET,
                                 number="12/2023/NQ-HĐND", issuer=other, issue_date=dt.date(2023, 7, 1))
        LegalDocumentPageFactory(title="QĐ năm 2024", number="77/2024/QĐ-UBND",
                                 issue_date=dt.date(2024, 2, 1))
    _, body = get(portal_a, "/api/v1/legal-documents/", type="nghi-quyet", limit=100)
    assert "NQ năm 2023" in titles(body) and "QĐ năm 2024" not in titles(body)
    _, body = get(portal_a, "/api/v1/legal-documents/", issuer="hdnd-thu")
    assert titles(body) == ["NQ năm 2023"]
    _, body = get(portal_a, "/api/v1/legal-documents/", year="2024", number="77/2024")
    assert titles(body) == ["QĐ năm 2024"]
    _, body = get(portal_a, "/api/v1/legal-documents/", year="2024", number="12/2023")
    assert body["count"] == 0 and body["results"] == []


def test_pagination_and_order(portal_a):
    with schema_context(portal_a.schema_name):
        for day in range(1, 6):
            NewsArticlePageFactory(title=f"Tin phân trang {day}",
                                   publish_date=timezone.make_aware(dt.datetime(2031, 1, day, 8)))
    _, first = get(portal_a, "/api/v1/news/", limit=2, **{"from": "2031-01-01", "to": "2031-01-31"})
    assert first["count"] == 5 and titles(first) == ["Tin phân trang 5", "Tin phân trang 4"]
    assert first["previous"] is None and "offset=2" in first["next"]
    _, last = get(portal_a, "/api/v1/news/", limit=2, offset=4, **{"from": "2031-01-01"})
    assert titles(last) == ["Tin phân trang 1"] and last["next"] is None and last["previous"]
    _, oldest = get(portal_a, "/api/v1/news/", order="publish_date", limit=1, **{"from": "2031-01-02"})
    assert titles(oldest) == ["Tin phân trang 2"]
    _, window = get(portal_a, "/api/v1/news/", **{"from": "2031-01-02", "to": "2031-01-03"})
    assert sorted(titles(window)) == ["Tin phân trang 2", "Tin phân trang 3"]


def test_services_filter_by_level_and_field(portal_a):
    with schema_context(portal_a.schema_name):
        field = ServiceFieldFactory(name="Đất đai thử", slug="dat-dai-thu")
        PublicServicePageFactory(title="Cấp đổi sổ đỏ", field=field, level="mot-phan")
        PublicServicePageFactory(title="Khai sinh trực tuyến")
    _, body = get(portal_a, "/api/v1/services/", field="dat-dai-thu")
    assert titles(body) == ["Cấp đổi sổ đỏ"] and body["results"][0]["level"] == "mot-phan"
    _, body = get(portal_a, "/api/v1/services/", level="toan-trinh", limit=100)
    assert "Khai sinh trực tuyến" in titles(body) and "Cấp đổi sổ đỏ" not in titles(body)


def test_questions_are_published_answers_without_personal_data(portal_a):
    now = timezone.now()
    QuestionFactory(portal=portal_a, title="Hỏi đã đăng", status="published", is_public=True,
                    answer="Trả lời đã đăng", published_at=now, email="kin@example.vn")
    QuestionFactory(portal=portal_a, title="Hỏi đã duyệt chưa đăng", status="approved", answer="Chưa")
    QuestionFactory(portal=portal_a, title="Hỏi không công khai", status="published", is_public=False)
    QuestionFactory(portal=portal_a, title="Hỏi mới nhận")
    response, body = get(portal_a, "/api/v1/questions/", limit=100)
    assert titles(body) == ["Hỏi đã đăng"]
    for item in body["results"]:
        assert set(item) == QUESTION_KEYS
    text = response.content.decode()
    for personal in ("Trần Văn Kín", "Bản Riêng", "0987 654 321", "kin@example.vn"):
        assert personal not in text
    # A Q&A section behind a login gives nothing.
    with schema_context(portal_a.schema_name):
        index = QuestionIndexPage.objects.get(locale__language_code="vi")
        PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.LOGIN)
    _, body = get(portal_a, "/api/v1/questions/", limit=100)
    assert body["count"] == 0 and body["results"] == []


def test_bad_parameters_are_a_400_in_vietnamese(portal_a):
    for path, params in [
        ("/api/v1/legal-documents/", {"limit": "1000"}),
        ("/api/v1/legal-documents/", {"limit": "-1"}),
        ("/api/v1/legal-documents/", {"offset": "abc"}),
        ("/api/v1/legal-documents/", {"type": "khong-co"}),
        ("/api/v1/legal-documents/", {"year": "20x4"}),
        ("/api/v1/legal-documents/", {"order": "password"}),
        ("/api/v1/legal-documents/", {"unknown": "1"}),
        ("/api/v1/news/", {"from": "31/12/2025"}),
        ("/api/v1/news/", {"to": "2025-02-30"}),
        ("/api/v1/services/", {"level": "muc-9"}),
        ("/api/v1/questions/", {"topic": "<script>"}),
        ("/api/v1/openapi.json", {"x": "1"}),
    ]:
        response, body = get(portal_a, path, **params)
        assert response.status_code == 400, (path, params)
        error = body["error"]
        assert error["code"] == "bad_parameter" and error["parameter"] in params, body
        message = error["message"].lower()
        assert "tham số" in message or "giá trị" in message, body
    response, body = get(portal_a, "/api/v1/khong-co/")
    assert response.status_code == 404 and body["error"]["message"] == "Không có tài nguyên này."
    response = client_for(portal_a).post("/api/v1/news/")
    assert response.status_code in (403, 405)


def test_openapi_lists_every_path_and_every_field(portal_a):
    response, document = get(portal_a, "/api/v1/openapi.json")
    assert response.status_code == 200 and document["openapi"].startswith("3.")
    assert set(document["paths"]) == {
        "/legal-documents/", "/news/", "/services/", "/questions/", "/dcat.jsonld", "/openapi.json",
    }
    schema = document["components"]["schemas"]["Questions"]
    assert set(schema["properties"]) == QUESTION_KEYS
    params = {p["name"] for p in document["paths"]["/legal-documents/"]["get"]["parameters"]}
    assert {"limit", "offset", "order", "type", "issuer", "year", "number"} <= params
    # Every reference points at a schema the document defines.
    refs = set()

    def walk(node):
        if isinstance(node, dict):
            refs.update(v for k, v in node.items() if k == "$ref")
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(document)
    assert refs and all(ref.split("/")[-1] in document["components"]["schemas"] for ref in refs)
    # Every path listed answers.
    for path in document["paths"]:
        assert client_for(portal_a).get(f"/api/v1{path}").status_code == 200, path


def test_the_human_page_is_in_vietnamese(portal_a):
    response = client_for(portal_a).get("/api/v1/")
    html = response.content.decode()
    assert response.status_code == 200 and "Dữ liệu mở" in html and "openapi.json" in html


def test_answers_are_kept_and_purged_on_publish(portal_a, django_capture_on_commit_callbacks):
    client = client_for(portal_a)
    status = pages.STATUS_HEADER
    assert client.get("/api/v1/news/").headers.get(status) == "miss"
    assert client.get("/api/v1/news/").headers.get(status) == "hit"
    assert client.get("/api/v1/questions/").headers.get(status) == "miss"
    assert client.get("/api/v1/questions/").headers.get(status) == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            NewsArticlePageFactory(title="Tin mới cho API").save_revision().publish()
        QuestionFactory(portal=portal_a, title="Hỏi mới đăng cho API", status="published",
                        is_public=True, answer="Có", published_at=timezone.now())
    response = client.get("/api/v1/news/")
    assert response.headers.get(status) == "miss" and "Tin mới cho API" in response.content.decode()
    response = client.get("/api/v1/questions/")
    assert response.headers.get(status) == "miss" and "Hỏi mới đăng cho API" in response.content.decode()


def test_rate_limited_per_address(portal_a, portal_b):
    with schema_context(portal_a.schema_name):  # each portal counts its own visitors
        for _ in range(API_LIMIT.limit):
            ratelimit.take(API_LIMIT, "127.0.0.1")
    # The address's other portals are not affected.
    assert client_for(portal_b).get("/api/v1/news/", {"limit": 3}).status_code == 200
    response, body = get(portal_a, "/api/v1/news/", limit=3)
    assert response.status_code == 429 and response["Retry-After"]
    assert body["error"]["code"] == "rate_limited"


def test_one_portal_never_answers_with_anothers_pages(portal_a, portal_b):
    with schema_context(portal_a.schema_name):
        NewsArticlePageFactory(title="Tin riêng của Sở A")
    _, body = get(portal_b, "/api/v1/news/", limit=100)
    assert "Tin riêng của Sở A" not in titles(body)
    _, body = get(portal_a, "/api/v1/news/", limit=100)
    assert "Tin riêng của Sở A" in titles(body)
