"""The read-only open data API of each portal (/api/v1/): thin views over
`opendata.resources`, answering JSON, cached by the page cache, limited per address."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core import ratelimit
from core.caching.pages import depends_on
from core.clientip import client_ip
from tenants.current import current_portal

from . import dcat, openapi
from .caching import PAGES_TAG
from .resources import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    BadParameter,
    Resource,
    parse_int,
    resources,
)

# Requests that reach the views (cached answers cost nothing and are not counted), per
# address and portal (the cache key carries the schema).
API_LIMIT = ratelimit.Limit(scope="opendata", limit=300, window=300)
# How long browsers and the edge may keep an answer (the app's cache is purged on publish).
MAX_AGE = 300
JSON_TYPE = "application/json; charset=utf-8"
JSONLD_TYPE = "application/ld+json; charset=utf-8"


def _json(data: Any, status: int = 200, content_type: str = JSON_TYPE) -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=None),
        status=status, content_type=content_type,
    )
    # Open data: any site may read it from a browser (no cookie is ever read or sent).
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(status: int, code: str, message: str, parameter: str | None = None) -> HttpResponse:
    body: dict[str, Any] = {"error": {"code": code, "message": message}}
    if parameter:
        body["error"]["parameter"] = parameter
    response = _json(body, status=status)
    patch_cache_control(response, no_store=True)
    return response


def api_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """GET and HEAD only, in Vietnamese, within the portal's limit, never a 500 for input."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        with translation.override("vi"):
            if current_portal(request) is None:
                raise Http404
            if request.method not in ("GET", "HEAD"):
                response = error(405, "method_not_allowed", _("API chỉ cho phép đọc (GET)."))
                response["Allow"] = "GET, HEAD"
                return response
            if not ratelimit.take(API_LIMIT, client_ip(request)):
                response = error(429, "rate_limited", _("Quá nhiều yêu cầu; vui lòng thử lại sau ít phút."))
                response["Retry-After"] = str(API_LIMIT.window)
                return response
            try:
                response = view(request, *args, **kwargs)
            except BadParameter as bad:
                return error(400, "bad_parameter", bad.message, bad.parameter)
            patch_cache_control(response, public=True, max_age=MAX_AGE)
            return response

    return wrapper


def _single(request: HttpRequest, name: str) -> str | None:
    values = request.GET.getlist(name)
    if len(values) > 1:
        raise BadParameter(name, _("Tham số “%(name)s” chỉ được dùng một lần.") % {"name": name})
    return values[0] if values else None


def _page_link(request: HttpRequest, limit: int, offset: int) -> str:
    query = request.GET.copy()
    query["limit"] = str(limit)
    query["offset"] = str(offset)
    return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(query.items()))}")


def listing(request: HttpRequest, resource: Resource) -> HttpResponse:
    known = {"limit", "offset", "order"} | {f.name for f in resource.filters}
    for name in request.GET:
        if name not in known:
            raise BadParameter(
                name, _("Tham số “%(name)s” không được hỗ trợ; dùng: %(known)s.")
                % {"name": name, "known": ", ".join(sorted(known))},
            )
    raw_limit = _single(request, "limit")
    raw_offset = _single(request, "offset")
    limit = DEFAULT_LIMIT if raw_limit is None else parse_int("limit", raw_limit, low=1, high=MAX_LIMIT)
    offset = 0 if raw_offset is None else parse_int("offset", raw_offset, low=0, high=MAX_OFFSET)
    order = _single(request, "order") or resource.default_order
    if order not in resource.orders:
        raise BadParameter(
            "order", _("Giá trị của “%(name)s” không hợp lệ; chọn một trong: %(choices)s.")
            % {"name": "order", "choices": ", ".join(resource.orders)},
        )
    rows = resource.rows()
    for spec in resource.filters:
        raw = _single(request, spec.name)
        if raw is not None:
            rows = spec.apply(rows, raw)
    depends_on(request, *resource.cache_tags)
    rows = rows.order_by(*resource.orders[order])
    count = rows.count()
    items = [resource.item(obj, request) for obj in rows[offset:offset + limit]]
    return _json({
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_link(request, limit, offset + limit) if offset + limit < count else None,
        "previous": _page_link(request, limit, max(0, offset - limit)) if offset else None,
        "results": items,
    })


@api_view
def resource_list(request: HttpRequest, path: str) -> HttpResponse:
    resource = resources().get(path)
    if resource is None:
        return error(404, "not_found", _("Không có tài nguyên này."))
    return listing(request, resource)


def _no_parameters(request: HttpRequest) -> None:
    for name in request.GET:
        raise BadParameter(name, _("Địa chỉ này không nhận tham số."))


@api_view
def openapi_document(request: HttpRequest) -> HttpResponse:
    _no_parameters(request)
    depends_on(request)  # the same for every visitor of the host
    return _json(openapi.document(request, resources()))


@api_view
def dcat_catalogue(request: HttpRequest) -> HttpResponse:
    _no_parameters(request)
    depends_on(request, PAGES_TAG)
    return _json(dcat.catalogue(request, current_portal(request)), content_type=JSONLD_TYPE)


@api_view
def documentation(request: HttpRequest) -> HttpResponse:
    """The API explained in Vietnamese, for people."""
    _no_parameters(request)
    depends_on(request)
    response = TemplateResponse(request, "opendata/index.html", {
        "portal": current_portal(request),
        "base": request.build_absolute_uri("/api/v1/"),
        "resources": list(resources().values()),
        "max_limit": MAX_LIMIT,
        "default_limit": DEFAULT_LIMIT,
        "rate": API_LIMIT,
    })
    response.render()
    return response


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    with translation.override("vi"):
        if current_portal(request) is None:
            raise Http404
        return error(404, "not_found", _("Không có tài nguyên này."))

