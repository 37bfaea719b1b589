#!/usr/bin/env python
"""What one page-cache hit costs the application, in process: CPU time per hit and the shared
cache's round trips, through the WSGI entry point as gunicorn calls it under `make run` (dev
settings, the file cache shared by the workers): a hit is answered there, before Django's
request cycle (core.caching.wsgi).

The demo province's home page on `cong_bench_serve` (made by `benchmarks/serve.py`), warmed
once, then asked N times. Prints the median and mean CPU time of a hit (process time, so other
work on the machine does not count), the cache calls of one hit by kind, and with `--profile`
the functions that take the time.

    .venv/bin/python benchmarks/cache_hit.py [--hits 2000] [--profile] [--backend files|redis]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "platform"), str(ROOT)]

from serve import BENCH_DB, HOST, PATH, database_has_demo, database_url, server_env  # noqa: E402


def environ(path: str = PATH) -> dict:
    return {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": "", "SCRIPT_NAME": "",
        "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8000", "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST, "REMOTE_ADDR": "127.0.0.1", "HTTP_USER_AGENT": "wrk",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr, "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0), "wsgi.multithread": False, "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hits", type=int, default=2000)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--backend", choices=("files", "redis"), default="files")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/1")
    args = parser.parse_args()

    url = database_url(BENCH_DB)
    if not database_has_demo(url):
        print("No benchmark database: run benchmarks/serve.py once first.")
        return 1
    workdir = tempfile.mkdtemp(prefix="cong-hit-")
    extra = {"CONG_PAGE_CACHE": "1", "CONG_EDGE_PURGE_URLS": "http://127.0.0.1:9"}
    if args.backend == "files":
        extra["CONG_PAGE_CACHE_LOCATION"] = str(Path(workdir) / "pages")
    else:
        extra["CONG_PAGE_CACHE_BACKEND"] = "django.core.cache.backends.redis.RedisCache"
        extra["CONG_PAGE_CACHE_LOCATION"] = args.redis
    os.environ.update(server_env(url, CONG_VAR_DIR=workdir, **extra))

    from django.conf import settings
    from django.core.cache import caches

    from cong.wsgi import application

    # Calls the page cache makes (a backend's get_many calling its own get is one call).
    calls: Counter[str] = Counter()
    depth = [0]
    cache = caches[settings.CONG_SHARED_CACHE]
    for name in ("get", "get_many", "set", "set_many", "add", "has_key", "delete"):
        original = getattr(cache, name)

        def counted(*a, _name=name, _original=original, **kw):
            if not depth[0]:
                calls[_name] += 1
            depth[0] += 1
            try:
                return _original(*a, **kw)
            finally:
                depth[0] -= 1

        setattr(cache, name, counted)

    def hit() -> tuple[str, dict[str, str], bytes]:
        status_headers: dict = {}

        def start_response(status, headers, exc_info=None):
            status_headers["status"] = status
            status_headers["headers"] = dict(headers)

        result = application(environ(), start_response)
        body = b"".join(result)
        if hasattr(result, "close"):
            result.close()
        return status_headers["status"], status_headers["headers"], body

    hit()
    status, headers, body = hit()
    assert status.startswith("200"), status
    assert headers.get("X-Cong-Cache") == "hit", headers
    calls.clear()
    hit()
    per_hit = dict(calls)

    for _ in range(50):
        hit()
    cpu: list[float] = []
    profiler = cProfile.Profile() if args.profile else None
    wall_started = time.perf_counter()
    for _ in range(args.hits):
        started = time.process_time()
        if profiler:
            profiler.enable()
        hit()
        if profiler:
            profiler.disable()
        cpu.append(time.process_time() - started)
    wall = time.perf_counter() - wall_started

    print(f"{args.hits} hits of http://{HOST}{PATH} ({len(body):,} bytes), {args.backend} cache, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(f"CPU per hit: median {statistics.median(cpu) * 1e6:,.0f} µs, "
          f"mean {statistics.fmean(cpu) * 1e6:,.0f} µs; wall mean {wall / args.hits * 1e6:,.0f} µs")
    print(f"shared-cache calls per hit: {per_hit} ({sum(per_hit.values())} in all)")
    print("response headers:", ", ".join(sorted(headers)))
    if profiler:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(45)
        print(out.getvalue())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
