"""What the open data API publishes: for each resource, its rows (published and public only),
the fields of each item (an allow-list: nothing else of a model ever leaves), the filters and
the orders. The views (`opendata.views`) and the OpenAPI document (`opendata.openapi`) are
both built from these lists.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _

from wagtail.models import Page

from .caching import PAGES_TAG, QUESTIONS_TAG

MAX_LIMIT = 100
DEFAULT_LIMIT = 20
MAX_OFFSET = 10_000
SLUG_RE = re.compile(r"^[a-z0-9-]{1,255}$")


class BadParameter(ValueError):
    """A query parameter the API cannot use: answered with 400 and `message` (Vietnamese)."""

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message)
        self.parameter = parameter
        self.message = message


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # JSON schema type: string, integer, boolean, array
    description: str
    value: Callable[[Any, HttpRequest], Any]
    format: str = ""  # date, date-time, uri
    nullable: bool = False


@dataclass(frozen=True)
class Filter:
    name: str
    description: str
    apply: Callable[[QuerySet, str], QuerySet]  # raises BadParameter
    schema: dict[str, Any] = field(default_factory=lambda: {"type": "string"})


@dataclass(frozen=True)
class Resource:
    path: str  # below /api/v1/
    title: str
    description: str
    rows: Callable[[], QuerySet]
    fields: tuple[Field, ...]
    filters: tuple[Filter, ...]
    orders: dict[str, tuple[str, ...]]
    default_order: str
    cache_tags: tuple[str, ...]  # what purges its cached answers (opendata.caching)

    def item(self, obj: Model, request: HttpRequest) -> dict[str, Any]:
        return {f.name: f.value(obj, request) for f in self.fields}


# --- Parsing ------------------------------------------------------------------------------


def parse_int(name: str, raw: str, *, low: int, high: int) -> int:
    if not re.fullmatch(r"\d{1,9}", raw):
        raise BadParameter(name, _("Tham số “%(name)s” phải là số nguyên không âm.") % {"name": name})
    value = int(raw)
    if not low <= value <= high:
        raise BadParameter(
            name, _("Tham số “%(name)s” phải từ %(low)s đến %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def parse_date(name: str, raw: str) -> dt.date:
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(
            name, _("Tham số “%(name)s” phải là ngày dạng YYYY-MM-DD, ví dụ 2025-03-31.") % {"name": name}
        ) from None


def parse_choice(name: str, raw: str, choices: list[str]) -> str:
    if raw not in choices:
        raise BadParameter(
            name, _("Giá trị của “%(name)s” không hợp lệ; chọn một trong: %(choices)s.")
            % {"name": name, "choices": ", ".join(choices)},
        )
    return raw


def parse_slug(name: str, raw: str) -> str:
    if not SLUG_RE.fullmatch(raw):
        raise BadParameter(
            name, _("Tham số “%(name)s” là đường dẫn không dấu (chữ thường, số, gạch nối).") % {"name": name}
        )
    return raw


# --- Values -------------------------------------------------------------------------------


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value else None


def _url(page: Page, request: HttpRequest) -> str:
    # Every page of a schema belongs to this portal: its address on the host asked.
    return request.build_absolute_uri(page.get_url(request=request) or "/")


def _label(attr: str, part: str = "name") -> Callable[[Any, HttpRequest], Any]:
    def value(obj: Any, request: HttpRequest) -> Any:
        label = getattr(obj, attr)
        return getattr(label, part) if label is not None else None

    return value


def _attr(attr: str) -> Callable[[Any, HttpRequest], Any]:
    return lambda obj, request: getattr(obj, attr)


def _date(attr: str) -> Callable[[Any, HttpRequest], Any]:
    return lambda obj, request: _iso(getattr(obj, attr))


def _display(attr: str) -> Callable[[Any, HttpRequest], Any]:
    return lambda obj, request: str(getattr(obj, f"get_{attr}_display")())


def _public_document_url(document, request: HttpRequest) -> str | None:
    if document is None or document.collection.get_view_restrictions().exists():
        return None
    return request.build_absolute_uri(document.url)


def page_fields() -> tuple[Field, ...]:
    return (
        Field("id", "integer", "Mã trang", _attr("pk")),
        Field("title", "string", "Tiêu đề", _attr("title")),
        Field("url", "string", "Địa chỉ trang trên cổng", _url, format="uri"),
        Field("language", "string", "Ngôn ngữ (vi, en)", lambda p, r: p.locale.language_code),
        Field("first_published_at", "string", "Thời điểm đăng lần đầu", _date("first_published_at"),
              format="date-time", nullable=True),
        Field("last_published_at", "string", "Thời điểm cập nhật gần nhất", _date("last_published_at"),
              format="date-time", nullable=True),
    )


def live_public(model: type[Page]) -> QuerySet:
    """Published pages no password, login or group restriction hides."""
    return model.objects.live().public().select_related("locale")


# --- Legal documents ----------------------------------------------------------------------


def _legal_resource() -> Resource:
    from legaldocs.models import DocumentType, LegalDocumentPage

    def attachments(page, request):
        files = []
        for attachment in page.attachments.all():
            url = _public_document_url(attachment.document, request)
            if url:
                files.append({"title": str(attachment), "url": url})
        return files

    def by_type(qs, raw):
        return qs.filter(doc_type=parse_choice("type", raw, list(DocumentType.values)))

    def by_issuer(qs, raw):
        return qs.filter(issuer__slug=parse_slug("issuer", raw))

    def by_year(qs, raw):
        return qs.filter(issue_date__year=parse_int("year", raw, low=1945, high=2100))

    def by_number(qs, raw):
        raw = raw.strip()
        if not raw or len(raw) > 60:
            raise BadParameter("number", _("Tham số “number” dài từ 1 đến 60 ký tự."))
        return qs.filter(number__icontains=raw)

    return Resource(
        path="legal-documents",
        title="Văn bản",
        description="Văn bản quy phạm pháp luật, văn bản chỉ đạo điều hành và dự thảo đã đăng.",
        rows=lambda: live_public(LegalDocumentPage).select_related("issuer", "legal_field")
        .prefetch_related("attachments__document__collection"),
        fields=page_fields() + (
            Field("type", "string", "Hình thức văn bản (mã)", _attr("doc_type")),
            Field("type_label", "string", "Hình thức văn bản", _display("doc_type")),
            Field("number", "string", "Số ký hiệu", _attr("number")),
            Field("issuer", "string", "Cơ quan ban hành", _label("issuer"), nullable=True),
            Field("issuer_slug", "string", "Cơ quan ban hành (đường dẫn)", _label("issuer", "slug"),
                  nullable=True),
            Field("legal_field", "string", "Lĩnh vực", _label("legal_field"), nullable=True),
            Field("summary", "string", "Trích yếu", _attr("summary")),
            Field("issue_date", "string", "Ngày ban hành", _date("issue_date"), format="date", nullable=True),
            Field("effective_date", "string", "Ngày có hiệu lực", _date("effective_date"), format="date",
                  nullable=True),
            Field("expiry_date", "string", "Ngày hết hiệu lực", _date("expiry_date"), format="date",
                  nullable=True),
            Field("status", "string", "Tình trạng hiệu lực (mã)", _attr("status")),
            Field("status_label", "string", "Tình trạng hiệu lực", _display("status")),
            Field("signer", "string", "Người ký", _attr("signer")),
            Field("signer_title", "string", "Chức vụ người ký", _attr("signer_title")),
            Field("draft_for_comment", "boolean", "Dự thảo lấy ý kiến", _attr("is_draft")),
            Field("attachments", "array", "Tệp văn bản (tên, địa chỉ tải về)", attachments),
        ),
        filters=(
            Filter("type", "Hình thức văn bản: " + ", ".join(DocumentType.values), by_type,
                   {"type": "string", "enum": list(DocumentType.values)}),
            Filter("issuer", "Cơ quan ban hành (đường dẫn không dấu, trường issuer_slug)", by_issuer),
            Filter("year", "Năm ban hành", by_year, {"type": "integer", "minimum": 1945, "maximum": 2100}),
            Filter("number", "Số ký hiệu (chứa chuỗi này, không phân biệt hoa thường)", by_number),
        ),
        orders={
            "-issue_date": ("-issue_date", "-pk"), "issue_date": ("issue_date", "pk"),
            "title": ("title", "pk"), "number": ("number", "pk"),
        },
        default_order="-issue_date",
        cache_tags=(PAGES_TAG,),
    )


# --- News ---------------------------------------------------------------------------------


def _news_resource() -> Resource:
    from news.models import NewsArticlePage

    def since(qs, raw):
        return qs.filter(publish_date__date__gte=parse_date("from", raw))

    def until(qs, raw):
        return qs.filter(publish_date__date__lte=parse_date("to", raw))

    def by_category(qs, raw):
        return qs.filter(category__slug=parse_slug("category", raw))

    return Resource(
        path="news",
        title="Tin tức",
        description="Tin bài đã đăng.",
        rows=lambda: live_public(NewsArticlePage).select_related("category"),
        fields=page_fields() + (
            Field("category", "string", "Chuyên mục", _label("category"), nullable=True),
            Field("category_slug", "string", "Chuyên mục (đường dẫn)", _label("category", "slug"),
                  nullable=True),
            Field("publish_date", "string", "Ngày đăng", _date("publish_date"), format="date-time"),
            Field("summary", "string", "Tóm tắt (sapo)", _attr("summary")),
            Field("source_name", "string", "Nguồn tin gốc", _attr("source_name")),
            Field("source_url", "string", "Liên kết bài gốc", _attr("source_url")),
        ),
        filters=(
            Filter("from", "Đăng từ ngày (YYYY-MM-DD)", since, {"type": "string", "format": "date"}),
            Filter("to", "Đăng đến ngày (YYYY-MM-DD)", until, {"type": "string", "format": "date"}),
            Filter("category", "Chuyên mục (đường dẫn không dấu)", by_category),
        ),
        orders={
            "-publish_date": ("-publish_date", "-pk"), "publish_date": ("publish_date", "pk"),
            "title": ("title", "pk"),
        },
        default_order="-publish_date",
        cache_tags=(PAGES_TAG,),
    )


# --- Services -----------------------------------------------------------------------------


def _services_resource() -> Resource:
    from services.models import PublicServicePage, ServiceLevel

    def by_level(qs, raw):
        return qs.filter(level=parse_choice("level", raw, list(ServiceLevel.values)))

    def by_field(qs, raw):
        return qs.filter(field__slug=parse_slug("field", raw))

    def by_sector(qs, raw):
        return qs.filter(sector__slug=parse_slug("sector", raw))

    return Resource(
        path="services",
        title="Dịch vụ công trực tuyến",
        description="Thủ tục hành chính và dịch vụ công trực tuyến của cơ quan.",
        rows=lambda: live_public(PublicServicePage).select_related("sector", "field"),
        fields=page_fields() + (
            Field("code", "string", "Mã thủ tục", _attr("code")),
            Field("sector", "string", "Ngành", _label("sector"), nullable=True),
            Field("field", "string", "Lĩnh vực", _label("field"), nullable=True),
            Field("field_slug", "string", "Lĩnh vực (đường dẫn)", _label("field", "slug"), nullable=True),
            Field("agency", "string", "Cơ quan thực hiện", _attr("agency")),
            Field("level", "string", "Mức độ (mã)", _attr("level")),
            Field("level_label", "string", "Mức độ", _display("level")),
            Field("for_foreigners", "boolean", "Người nước ngoài sử dụng được", _attr("for_foreigners")),
            Field("online_url", "string", "Địa chỉ thực hiện trực tuyến", _attr("online_url")),
            Field("processing_time", "string", "Thời hạn giải quyết", _attr("processing_time")),
            Field("fees", "string", "Phí, lệ phí", _attr("fees")),
            Field("decision_number", "string", "Quyết định công bố", _attr("decision_number")),
            Field("decision_date", "string", "Ngày công bố", _date("decision_date"), format="date",
                  nullable=True),
        ),
        filters=(
            Filter("level", "Mức độ: " + ", ".join(ServiceLevel.values), by_level,
                   {"type": "string", "enum": list(ServiceLevel.values)}),
            Filter("field", "Lĩnh vực (đường dẫn không dấu)", by_field),
            Filter("sector", "Ngành (đường dẫn không dấu)", by_sector),
        ),
        orders={"title": ("title", "pk"), "code": ("code", "pk"), "-title": ("-title", "-pk")},
        default_order="title",
        cache_tags=(PAGES_TAG,),
    )


# --- Questions and answers ----------------------------------------------------------------


def _questions_resource() -> Resource:
    from participation.models import Question, QuestionIndexPage

    def rows():
        # Only while the Q&A section itself is published and public.
        if not QuestionIndexPage.objects.live().public().exists():
            return Question.objects.none()
        return Question.objects.published().select_related("topic")

    def url(question, request):
        index = getattr(request, "_opendata_qa_index", None)
        if index is None:
            index = QuestionIndexPage.objects.live().public().first()
            request._opendata_qa_index = index
        return request.build_absolute_uri(f"{index.get_url(request=request)}{question.pk}/")

    def by_topic(qs, raw):
        return qs.filter(topic__slug=parse_slug("topic", raw))

    # Never the asker: name, e-mail, phone, address, organisation, IP, tracking code, files.
    return Resource(
        path="questions",
        title="Hỏi – Đáp",
        description="Câu hỏi và câu trả lời đã được duyệt đăng công khai (không có thông tin "
                    "về người hỏi). Nội dung trả lời chỉ có giá trị tham khảo.",
        rows=rows,
        fields=(
            Field("id", "integer", "Mã câu hỏi", _attr("pk")),
            Field("url", "string", "Địa chỉ câu hỏi trên cổng", url, format="uri"),
            Field("kind", "string", "Loại (mã)", _attr("kind")),
            Field("kind_label", "string", "Loại", _display("kind")),
            Field("topic", "string", "Lĩnh vực", _label("topic"), nullable=True),
            Field("topic_slug", "string", "Lĩnh vực (đường dẫn)", _label("topic", "slug"), nullable=True),
            Field("title", "string", "Tiêu đề", _attr("display_title")),
            Field("question", "string", "Nội dung câu hỏi (bản đăng công khai)", _attr("display_body")),
            Field("received_date", "string", "Ngày gửi", lambda q, r: q.received_at.date().isoformat(),
                  format="date"),
            Field("answer", "string", "Nội dung trả lời", _attr("answer")),
            Field("answered_by_unit", "string", "Đơn vị trả lời", _attr("answered_by_unit")),
            Field("answerer_name", "string", "Người trả lời (cán bộ)", _attr("answerer_name")),
            Field("answerer_title", "string", "Chức vụ người trả lời", _attr("answerer_title")),
            Field("answered_at", "string", "Thời điểm trả lời",
                  lambda q, r: _iso(q.approved_at or q.answered_at), format="date-time", nullable=True),
            Field("published_at", "string", "Thời điểm đăng", _date("published_at"), format="date-time",
                  nullable=True),
        ),
        filters=(Filter("topic", "Lĩnh vực (đường dẫn không dấu)", by_topic),),
        orders={
            "-published_at": ("-published_at", "-pk"), "published_at": ("published_at", "pk"),
        },
        default_order="-published_at",
        # Also purged with the pages: the Q&A section unpublished or restricted.
        cache_tags=(QUESTIONS_TAG, PAGES_TAG),
    )


def resources() -> dict[str, Resource]:
    """Every resource by its path (built on use: the apps' models are ready by then)."""
    return {r.path: r for r in (_legal_resource(), _news_resource(), _services_resource(),
                                 _questions_resource())}
