"""/healthz, /readyz and /metrics on every host; request ids and JSON log lines."""

from __future__ import annotations

import json
import logging

from django_tenants.utils import schema_context

from core.logs import ContextFilter, JsonFormatter
from tests.support.portals import client_for

OUTSIDER = "203.0.113.9"


def test_healthz_answers_on_any_host_without_details():
    for host in ("khong-co.example.vn", "soa.laichau.test"):
        response = client_for(host).get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}


def test_readyz_checks_the_database_cache_search_and_queue(db):
    response = client_for("khong-co.example.vn").get("/readyz")
    assert response.status_code == 200
    checks = response.json()["checks"]
    assert set(checks) >= {"database", "cache", "queue", "search"}
    assert checks["queue"].endswith("waiting")  # a monitoring address sees the figures
    outsider = client_for("khong-co.example.vn").get("/readyz", REMOTE_ADDR=OUTSIDER)
    assert outsider.status_code == 200
    assert set(outsider.json()["checks"].values()) == {"ok"}


def test_readyz_fails_when_too_many_jobs_wait(db, settings, portal_a):
    from tests.tenants import jobtasks

    settings.TASKS = {"default": {"BACKEND": "tenants.jobs.PortalDatabaseBackend"}}
    settings.CONG_READY_MAX_QUEUE = 1
    for n in range(2):
        jobtasks.where_am_i.enqueue(str(n))
    response = client_for(portal_a).get("/readyz", REMOTE_ADDR=OUTSIDER)
    assert response.status_code == 503
    assert response.json() == {
        "status": "fail",
        "checks": {"database": "ok", "cache": "ok", "queue": "fail", "search": "ok"},
    }
    detailed = client_for(portal_a).get("/readyz").json()
    assert "2 jobs waiting" in detailed["checks"]["queue"]


def test_metrics_per_portal_for_monitoring_addresses_only(db, portal_a, settings):
    client_for(portal_a).get("/")
    client_for(portal_a).get("/khong-ton-tai/")
    client_for("khong-co.example.vn").get("/")
    assert client_for(portal_a).get("/metrics", REMOTE_ADDR=OUTSIDER).status_code == 404
    response = client_for(portal_a).get("/metrics")
    assert response.status_code == 200
    text = response.content.decode()
    assert 'cong_http_requests_total{portal="soa",status="2xx"}' in text
    assert 'cong_http_requests_total{portal="soa",status="4xx"}' in text
    assert 'cong_http_requests_total{portal="-",status="4xx"}' in text
    assert 'cong_http_request_duration_seconds_bucket{le="0.01",portal="soa"}' in text
    assert "cong_jobs_failed 0.0" in text
    assert "cong_jobs_oldest_ready_seconds" in text
    # Behind nginx the visitor's own address counts, not nginx's.
    settings.CONG_TRUSTED_PROXIES = ["127.0.0.1"]
    proxied = client_for(portal_a).get("/metrics", HTTP_X_FORWARDED_FOR=OUTSIDER)
    assert proxied.status_code == 404


def test_every_response_has_a_request_id(db, portal_a):
    first = client_for(portal_a).get("/")
    second = client_for("khong-co.example.vn").get("/")
    assert len(first["X-Request-ID"]) == 32 and first["X-Request-ID"] != second["X-Request-ID"]
    # Our proxy's id is kept (nginx's $request_id); a client's own is not believed.
    given = "a1b2c3d4e5f6a7b8"
    assert client_for(portal_a).get("/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    spoofed = client_for(portal_a).get("/", HTTP_X_REQUEST_ID=given, REMOTE_ADDR=OUTSIDER)
    assert spoofed["X-Request-ID"] != given


def test_json_log_lines_carry_the_portal_and_request_id(db, portal_a):
    from core.logs import REQUEST_ID

    record = logging.LogRecord("cong.test", logging.WARNING, __file__, 1, "Đã gửi %s thư", (3,), None)
    token = REQUEST_ID.set("req-12345678")
    try:
        with schema_context(portal_a.schema_name):
            ContextFilter().filter(record)
    finally:
        REQUEST_ID.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Đã gửi 3 thư"
    assert line["portal"] == "soa"
    assert line["request_id"] == "req-12345678"
    assert line["level"] == "WARNING"
