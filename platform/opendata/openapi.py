"""The OpenAPI 3 document of the API, built from the resources' field and filter lists, so
it cannot drift from what the views answer."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .resources import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, Field, Resource

VERSION = "1.0.0"
ERROR_SCHEMA = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string", "description": "Thông báo lỗi bằng tiếng Việt"},
                "parameter": {"type": "string"},
            },
        }
    },
}


def _field_schema(spec: Field) -> dict[str, Any]:
    if spec.type == "array":
        schema: dict[str, Any] = {
            "type": "array",
            "items": {"type": "object", "properties": {
                "title": {"type": "string"}, "url": {"type": "string", "format": "uri"},
            }},
        }
    else:
        schema = {"type": spec.type}
    if spec.format:
        schema["format"] = spec.format
    if spec.nullable:
        schema["nullable"] = True
    schema["description"] = spec.description
    return schema


def _schema_name(resource: Resource) -> str:
    return "".join(part.capitalize() for part in resource.path.split("-"))


def _errors() -> dict[str, Any]:
    ref = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "400": {"description": "Tham số không hợp lệ", **ref},
        "429": {"description": "Quá nhiều yêu cầu", **ref},
    }


def _list_operation(resource: Resource) -> dict[str, Any]:
    name = _schema_name(resource)
    parameters = [
        {"name": "limit", "in": "query", "description": f"Số mục mỗi trang (mặc định {DEFAULT_LIMIT})",
         "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}},
        {"name": "offset", "in": "query", "description": "Bỏ qua bao nhiêu mục đầu",
         "schema": {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}},
        {"name": "order", "in": "query", "description": "Thứ tự (dấu - là giảm dần)",
         "schema": {"type": "string", "enum": list(resource.orders), "default": resource.default_order}},
    ]
    parameters += [
        {"name": f.name, "in": "query", "description": f.description, "schema": f.schema}
        for f in resource.filters
    ]
    return {
        "summary": resource.title,
        "description": resource.description,
        "operationId": f"list{name}",
        "tags": [resource.title],
        "parameters": parameters,
        "responses": {
            "200": {
                "description": "Một trang kết quả",
                "content": {"application/json": {"schema": {
                    "type": "object",
                    "required": ["count", "limit", "offset", "next", "previous", "results"],
                    "properties": {
                        "count": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "next": {"type": "string", "format": "uri", "nullable": True},
                        "previous": {"type": "string", "format": "uri", "nullable": True},
                        "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{name}"}},
                    },
                }}},
            },
            **_errors(),
        },
    }


def document(request: HttpRequest, resources: dict[str, Resource]) -> dict[str, Any]:
    base = request.build_absolute_uri("/api/v1")
    paths: dict[str, Any] = {
        f"/{r.path}/": {"get": _list_operation(r)} for r in resources.values()
    }
    paths["/dcat.jsonld"] = {"get": {
        "summary": "Danh mục dữ liệu thống kê (DCAT-AP, JSON-LD)",
        "operationId": "dcatCatalogue",
        "responses": {"200": {"description": "Danh mục dữ liệu", "content": {
            "application/ld+json": {"schema": {"type": "object"}}}}},
    }}
    paths["/openapi.json"] = {"get": {
        "summary": "Tài liệu OpenAPI này",
        "operationId": "openapi",
        "responses": {"200": {"description": "Tài liệu OpenAPI 3", "content": {
            "application/json": {"schema": {"type": "object"}}}}},
    }}
    schemas: dict[str, Any] = {"Error": ERROR_SCHEMA}
    for resource in resources.values():
        schemas[_schema_name(resource)] = {
            "type": "object",
            "required": [f.name for f in resource.fields],
            "properties": {f.name: _field_schema(f) for f in resource.fields},
            "additionalProperties": False,
        }
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "API dữ liệu mở",
            "version": VERSION,
            "description": "Dữ liệu đã đăng công khai của cổng, chỉ đọc. Trả lời bằng JSON; "
                           "lỗi tham số trả mã 400 kèm thông báo tiếng Việt.",
        },
        "servers": [{"url": base}],
        "paths": paths,
        "components": {"schemas": schemas},
    }
