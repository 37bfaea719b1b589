"""Prometheus metrics of the requests, per portal (core.monitoring serves them at /metrics).

With PROMETHEUS_MULTIPROC_DIR set (gunicorn: deploy/gunicorn.conf.py) every worker process
writes its figures to that folder and a scrape adds them up; without it, the process's own.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from django.http import HttpRequest, HttpResponse

CONTENT_TYPE = CONTENT_TYPE_LATEST

REQUESTS = Counter(
    "cong_http_requests_total", "HTTP requests answered, by portal and status class.",
    ["portal", "status"],
)
LATENCY = Histogram(
    "cong_http_request_duration_seconds", "Time to answer a request, by portal.", ["portal"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
ERRORS = Counter(
    "cong_http_server_errors_total", "Requests answered with a 5xx status (500, the 503 of "
    "an outage), by portal.", ["portal"],
)

# Requests that are not counted: the monitoring endpoints themselves.
NOT_COUNTED = frozenset({"/healthz", "/readyz", "/metrics"})


def portal_label(request: HttpRequest) -> str:
    """The portal's code, or "-" for a request no portal answered (unknown host)."""
    tenant = getattr(request, "tenant", None)
    return getattr(tenant, "code", None) or "-"


def observe(request: HttpRequest, status: int, seconds: float) -> None:
    portal = portal_label(request)
    REQUESTS.labels(portal=portal, status=f"{status // 100}xx").inc()
    LATENCY.labels(portal=portal).observe(seconds)
    if status >= 500:
        ERRORS.labels(portal=portal).inc()


class MetricsMiddleware:
    """Counts and times every request (first in MIDDLEWARE: the 404 of an unknown host and
    the 503 of an outage included)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path_info in NOT_COUNTED:
            return self.get_response(request)
        started = time.perf_counter()
        response = self.get_response(request)
        try:
            observe(request, response.status_code, time.perf_counter() - started)
        except Exception:  # noqa: S110 - metrics must never break a response
            pass
        return response


class _Gauges:
    """Scrape-time gauges from the sources the apps registered."""

    def __init__(self, sources: Iterable[Callable[[], Iterable[tuple]]]) -> None:
        self.sources = list(sources)

    def collect(self):
        for source in self.sources:
            try:
                items = list(source())
            except Exception:  # a source that cannot answer (database down) is left out
                continue
            for name, help_text, value, *label in items:
                if isinstance(value, dict):
                    family = GaugeMetricFamily(name, help_text, labels=[label[0]])
                    for key, each in value.items():
                        family.add_metric([str(key)], float(each))
                else:
                    family = GaugeMetricFamily(name, help_text, value=float(value))
                yield family


def exposition(sources: Iterable[Callable[[], Iterable[tuple]]]) -> bytes:
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        body = generate_latest(registry)
    else:
        body = generate_latest(REGISTRY)
    gauges = CollectorRegistry()
    gauges.register(_Gauges(sources))
    return body + generate_latest(gauges)
