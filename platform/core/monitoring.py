"""What operators watch: `/healthz`, `/readyz` and `/metrics`, on every host.

They are answered before the portal routing (an unknown host, a suspended portal or a
database outage must not hide them from the load balancer):

- `/healthz`: the process answers. No database, no cache: a probe that restarts processes
  must not restart every node because PostgreSQL is down.
- `/readyz`: the database, the shared cache and every check the apps registered (the
  search backend, the job queue's depth) answer; 503 if any does not. Only "ok"/"fail" per
  check, unless the client is a monitoring address (CONG_MONITORING_ADDRESSES): then the
  reason and the figures too.
- `/metrics`: Prometheus text format, for monitoring addresses only (404 to anyone else).
  Requests, latency and server errors per portal (counted by `MetricsMiddleware`), and the
  gauges the apps registered (the job queue). Under gunicorn set PROMETHEUS_MULTIPROC_DIR
  (deploy/gunicorn.conf.py) so the figures of every worker process are added up.

A higher app registers a readiness check with `register_check(name, func)` (func raises or
returns a short detail) and scrape-time gauges with `register_gauges(func)`.
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse

from core.clientip import client_ip, parse_ip

Check = Callable[[], object]
# Yields (metric name, help, value) or (name, help, {label: value}, label name).
GaugeSource = Callable[[], Iterable[tuple]]

_CHECKS: dict[str, Check] = {}
_GAUGES: list[GaugeSource] = []

HEALTH_PATHS = ("/healthz", "/readyz", "/metrics")


def register_check(name: str, check: Check) -> None:
    _CHECKS[name] = check


def register_gauges(source: GaugeSource) -> None:
    if source not in _GAUGES:
        _GAUGES.append(source)


# --- who may see details ---------------------------------------------------------------


@lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries if entry)


def is_monitoring_client(request: HttpRequest) -> bool:
    address = parse_ip(client_ip(request))
    if address is None:
        return False
    networks = _networks(tuple(getattr(settings, "CONG_MONITORING_ADDRESSES", ())))
    return any(address.version == net.version and address in net for net in networks)


# --- checks --------------------------------------------------------------------------------


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def _cache() -> str:
    key = f"readyz:{os.getpid()}"
    cache.set(key, "1", 10)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not keep a value")
    return "ok"


def run_checks() -> dict[str, tuple[bool, str]]:
    results: dict[str, tuple[bool, str]] = {}
    for name, check in [("database", _database), ("cache", _cache), *_CHECKS.items()]:
        try:
            detail = check()
            results[name] = (True, str(detail if detail is not None else "ok"))
        except Exception as exc:  # a failed dependency is the answer, not an error
            results[name] = (False, f"{type(exc).__name__}: {exc}"[:300])
            if name == "database":
                connection.close()
    return results


def healthz(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"status": "ok"})


def readyz(request: HttpRequest) -> HttpResponse:
    results = run_checks()
    ready = all(ok for ok, _detail in results.values())
    detailed = is_monitoring_client(request)
    body = {
        "status": "ok" if ready else "fail",
        "checks": {
            name: (detail if detailed else ("ok" if ok else "fail"))
            if ok else (f"fail: {detail}" if detailed else "fail")
            for name, (ok, detail) in results.items()
        },
    }
    response = JsonResponse(body, status=200 if ready else 503)
    response["Cache-Control"] = "no-store"
    return response


def metrics(request: HttpRequest) -> HttpResponse:
    from core import metrics as request_metrics

    if not is_monitoring_client(request):
        from core.views import not_found

        return not_found(request)
    body = request_metrics.exposition(_GAUGES)
    response = HttpResponse(body, content_type=request_metrics.CONTENT_TYPE)
    response["Cache-Control"] = "no-store"
    return response


class MonitoringMiddleware:
    """Answers the three paths on any host, before the portal routing."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response
        self.views = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        view = self.views.get(request.path_info)
        if view is None or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        return view(request)

