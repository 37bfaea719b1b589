#!/usr/bin/env python
"""How fast is a portal's page served, from the ceiling down: one command, one run, side by side.

On the demo province's home page (the same bytes each time):

1. Debian's nginx serving those bytes as a static file: the ceiling;
2. the edge: Varnish (deploy/varnish/default.vcl) in front of the app, answering from its cache;
3. the app's page cache: gunicorn as `make run` runs it (dev settings, the file cache under
   var/ shared by its workers), with the CPU time of its processes per request;
4. an uncached render by the same app (page cache off);
5. the pinned single-site render: the same app and page with tenancy bypassed
   (benchmarks/pinned.py: no host lookup, the connection stays in the portal's schema).

Then, in this process and interleaved (so machine load hits both alike): the render time and
SQL statements of 4 and 5, and what tenancy costs (4 against 5). With `--backends`, the app
cache's throughput with each shared cache a development machine could use (files, the
database's cache table, Redis).

Load generator: `wrk` (apt-get install wrk) when installed, else a small Python client
(keep-alive connections in threads), which cannot drive nginx or Varnish to their limit.

The database is `cong_bench_serve` on the project's PostgreSQL (embedded cluster unless
DATABASE_URL is set), made once with the demo province (several minutes) and kept for the
next runs; `--fresh` makes it again, `--drop` removes it after the run.

The three cached servers are measured in turn, round after round (5 rounds of 10 s; one
with --quick): the figures are the medians, and "× nginx" the median of each round's own
ratio, so that a moment of load elsewhere on the machine does not decide the ratio.

    .venv/bin/python benchmarks/serve.py [--quick] [--duration 10] [--rounds 5] [--connections 16]
                                         [--backends] [--fresh] [--drop]
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_serve"
VAR = ROOT / "var" / "bench-serve"
PY = sys.executable
HOST = "laichau.localhost"
PATH = "/"


# --- The database ----------------------------------------------------------------------------


def database_url(name: str) -> str:
    base = os.environ.get("DATABASE_URL") or subprocess.run(
        [str(ROOT / "deploy" / "localpg.sh"), "url"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return urlunsplit(urlsplit(base)._replace(path=f"/{name}"))


def admin_connection(url: str):
    import psycopg2

    conn = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    conn.autocommit = True
    return conn


def database_has_demo(url: str) -> bool:
    import psycopg2

    try:
        conn = psycopg2.connect(url)
    except psycopg2.OperationalError:
        return False
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT to_regclass('public.tenants_portal') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return False
            cursor.execute("SELECT count(*) FROM public.tenants_portal WHERE code = 'laichau'")
            return cursor.fetchone()[0] == 1
    finally:
        conn.close()


def prepare_database(url: str, fresh: bool) -> None:
    if not fresh and database_has_demo(url):
        return
    conn = admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()
    print("Preparing the benchmark database (migrate_platform, load_demo)…", flush=True)
    env = server_env(url)
    for command in (["compile_translations"], ["migrate_platform"], ["load_demo"]):
        subprocess.run([PY, "manage.py", *command], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)


def drop_database(url: str) -> None:
    conn = admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [BENCH_DB]
        )
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
    conn.close()


# --- Servers ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {port}")


def server_env(url: str, **extra: str) -> dict[str, str]:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "cong.settings.dev",
        "DJANGO_DEBUG": "0",
        "CONG_VAR_DIR": str(VAR),
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    env.update(extra)
    return env


@contextmanager
def process(args: list[str], port: int, env: dict | None = None, cwd: Path = ROOT):
    log = tempfile.TemporaryFile()
    proc = subprocess.Popen(args, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        wait_for(port, proc)
        yield proc
    except BaseException:
        log.seek(0)
        sys.stderr.write(log.read().decode(errors="replace")[-3000:])
        raise
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def gunicorn(url: str, port: int, **env: str):
    """gunicorn as `make run` starts it (deploy/gunicorn.conf.py), without its access log."""
    args = [str(Path(PY).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py",
            "--access-logfile", "/dev/null", "--bind", f"127.0.0.1:{port}", "cong.wsgi"]
    return process(args, port, server_env(url, GUNICORN_CONTROL_SOCKET=str(VAR / f"gunicorn-{port}.ctl"),
                                          **env))


def nginx(root: Path, port: int, workdir: Path):
    conf = workdir / "nginx.conf"
    conf.write_text(
        f"worker_processes auto;\ndaemon off;\npid {workdir}/nginx.pid;\n"
        f"error_log {workdir}/error.log;\nevents {{ worker_connections 1024; }}\n"
        "http {\n  access_log off;\n  default_type text/html;\n"
        f"  server {{ listen 127.0.0.1:{port}; root {root}; index index.html; }}\n}}\n"
    )
    return process([shutil.which("nginx") or "/usr/sbin/nginx", "-p", str(workdir), "-c", str(conf),
                    "-e", str(workdir / "error.log")], port)


def varnish(backend_port: int, port: int, workdir: Path):
    vcl = workdir / "default.vcl"
    source = (ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    vcl.write_text(source.replace('.port = "8000";', f'.port = "{backend_port}";'))
    return process([shutil.which("varnishd") or "/usr/sbin/varnishd", "-F", "-j", "none",
                    "-n", str(workdir / "varnish"), "-a", f"127.0.0.1:{port}", "-f", str(vcl),
                    "-s", "malloc,256m"], port)


def get(port: int, path: str = PATH, host: str = HOST, cookie: str = "") -> tuple[int, dict, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


# --- Load ------------------------------------------------------------------------------------


def session_cpu(session: int) -> float:
    """CPU seconds (user + system) of every process of a session (a server and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[3]) == session:  # after the name: state, ppid, pgrp, session, …
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def load(port: int, seconds: float, connections: int, cookie: str = "") -> float:
    """Requests per second of `connections` clients asking for the page for `seconds`."""
    return load_counted(port, seconds, connections, cookie)[0]


def load_counted(port: int, seconds: float, connections: int, cookie: str = "") -> tuple[float, int]:
    """Requests per second, and requests answered."""
    wrk = shutil.which("wrk")
    if wrk:
        args = [wrk, "-t", "2", "-c", str(connections), "-d", f"{seconds:g}s",
                "-H", f"Host: {HOST}"]
        if cookie:
            args += ["-H", f"Cookie: {cookie}"]
        out = subprocess.run([*args, f"http://127.0.0.1:{port}{PATH}"], check=True,
                             capture_output=True, text=True).stdout
        if "Non-2xx" in out:
            raise RuntimeError(f"errors under load:\n{out}")
        return (float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
                int(re.search(r"(\d+) requests in", out).group(1)))
    rate = python_load(port, seconds, connections, cookie)
    return rate, int(rate * seconds)


def python_load(port: int, seconds: float, connections: int, cookie: str) -> float:
    counts = [0] * connections
    stop = time.monotonic() + seconds
    headers = {"Host": HOST, **({"Cookie": cookie} if cookie else {})}

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while time.monotonic() < stop:
            try:
                conn.request("GET", PATH, headers=headers)
                response = conn.getresponse()
                response.read()
                if response.will_close:
                    conn.close()
                    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                counts[index] += 1
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    threads = [threading.Thread(target=client, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started)


# --- In process ------------------------------------------------------------------------------


def in_process(url: str, iterations: int) -> dict:
    """Uncached render of the page with tenancy and pinned, interleaved: median times and
    statements of each."""
    os.environ.update(server_env(url, CONG_PAGE_CACHE="0"))
    sys.path[:0] = [str(ROOT), str(ROOT / "platform"), str(ROOT / "benchmarks")]
    import django

    django.setup()
    import pinned

    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, override_settings

    full = Client(HTTP_HOST=HOST)
    with override_settings(MIDDLEWARE=pinned.MIDDLEWARE, CONG_PINNED_PORTAL="laichau"):
        pinned_client = Client(HTTP_HOST=HOST)
        pinned_client.get(PATH)  # its middleware is loaded now, with these settings
    assert settings.CONG_PAGE_CACHE is False
    times: dict[str, list[float]] = {"tenancy": [], "pinned": []}
    queries: dict[str, int] = {}
    clients = {"tenancy": full, "pinned": pinned_client}
    for name, client in clients.items():
        for _ in range(3):
            client.get(PATH)
        with CaptureQueriesContext(connection) as captured:
            client.get(PATH)
        queries[name] = len(captured.captured_queries)
    for _ in range(iterations):
        for name, client in clients.items():
            started = time.perf_counter()
            response = client.get(PATH)
            times[name].append(time.perf_counter() - started)
            assert response.status_code == 200
    medians = {name: statistics.median(values) * 1000 for name, values in times.items()}
    return {"median_ms": medians, "queries": queries,
            "tenancy": medians["tenancy"] / medians["pinned"] - 1}


# --- The run ---------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="short runs: proves it works")
    parser.add_argument("--duration", type=float, default=None, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=None,
                        help="interleaved rounds of the three cached servers (median reported)")
    parser.add_argument("--iterations", type=int, default=None, help="in-process renders each")
    parser.add_argument("--backends", action="store_true", help="also compare shared caches")
    parser.add_argument("--fresh", action="store_true", help="make the database again")
    parser.add_argument("--drop", action="store_true", help="drop the database afterwards")
    args = parser.parse_args()
    duration = args.duration or (3 if args.quick else 10)
    rounds = args.rounds or (1 if args.quick else 5)
    iterations = args.iterations or (30 if args.quick else 300)

    url = database_url(BENCH_DB)
    (VAR / "static").mkdir(parents=True, exist_ok=True)
    prepare_database(url, args.fresh)
    workdir = Path(tempfile.mkdtemp(prefix="cong-serve-"))
    os.chmod(workdir, 0o755)
    # (server, requests per second, CPU ms per request of the server's processes)
    results: list[tuple[str, float, float]] = []
    # The median, over the rounds, of each cached server's rate over nginx's in that round.
    ratios: dict[str, float] = {}
    notes: list[str] = []
    try:
        with ExitStack() as stack:
            app_port, nginx_port, edge_port = free_port(), free_port(), free_port()
            # The app marks its pages for the edge (and purges it) when it knows of one.
            app = stack.enter_context(gunicorn(url, app_port,
                                         CONG_PAGE_CACHE_LOCATION=str(workdir / "pages-cache"),
                                         CONG_EDGE_PURGE_URLS=f"http://127.0.0.1:{edge_port}"))
            status, headers, body = get(app_port)
            assert status == 200, status
            status, headers, body = get(app_port)
            assert headers.get("x-cong-cache") == "hit", headers
            www = workdir / "www"
            www.mkdir()
            (www / "index.html").write_bytes(body)
            os.chmod(www, 0o755)
            os.chmod(www / "index.html", 0o644)
            static = stack.enter_context(nginx(www, nginx_port, workdir))
            edge = stack.enter_context(varnish(app_port, edge_port, workdir))
            assert get(nginx_port)[2] == body
            get(edge_port)
            assert get(edge_port)[1].get("x-edge-cache") == "hit"
            notes.append(f"page: http://{HOST}{PATH} ({len(body):,} bytes)")

            def measure(name: str, port: int, server: subprocess.Popen, cookie: str = "") -> None:
                results.append((name, *measured_load(port, server, duration, args.connections,
                                                     cookie)))

            # The three cached servers in turn, round after round: a moment of load on the
            # machine falls on one round of each, and each ratio is taken within its round.
            cached = [("nginx, the same bytes as a static file", nginx_port, static),
                      ("edge cache (Varnish)", edge_port, edge),
                      ("app cache (gunicorn as `make run`)", app_port, app)]
            per_round = [[measured_load(port, server, duration, args.connections)
                          for _name, port, server in cached] for _round in range(rounds)]
            for index, (name, _port, _server) in enumerate(cached):
                results.append((name, statistics.median(r[index][0] for r in per_round),
                                statistics.median(r[index][1] for r in per_round)))
                ratios[name] = statistics.median(r[index][0] / r[0][0] for r in per_round)
            # A cookie other than the CSRF cookie: the app renders (a visitor with a session).
            measure("uncached render", app_port, app, "cong_bench=1")
            pinned_port = free_port()
            pinned = stack.enter_context(gunicorn(url, pinned_port, CONG_PAGE_CACHE="0",
                                                  DJANGO_SETTINGS_MODULE="pinned",
                                                  PYTHONPATH=str(ROOT / "benchmarks")))
            get(pinned_port)
            measure("pinned single-site render (no tenancy)", pinned_port, pinned)

            if args.backends:
                results += backends(url, workdir, duration, args.connections)
        measured = in_process(url, iterations)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
        if args.drop:
            drop_database(url)

    ceiling = results[0][1]
    print()
    print(f"Load: {'wrk' if shutil.which('wrk') else 'Python client'}, {args.connections} connections, "
          f"{duration:g} s each; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    if rounds > 1:
        print(f"The first three: median of {rounds} interleaved rounds; × nginx is the median of "
              "the rounds' own ratios.")
    for note in notes:
        print(note)
    print()
    print("| served by | req/s | × nginx static | server CPU ms/request |")
    print("| --- | ---: | ---: | ---: |")
    for name, rate, cpu in results:
        print(f"| {name} | {rate:,.0f} | {ratios.get(name, rate / ceiling):.3f} | {cpu:.3f} |")
    print()
    medians, queries = measured["median_ms"], measured["queries"]
    print(f"In process, {iterations} renders each, interleaved (page cache off):")
    print("| render | p50 ms | SQL statements |")
    print("| --- | ---: | ---: |")
    print(f"| with tenancy | {medians['tenancy']:.2f} | {queries['tenancy']} |")
    print(f"| pinned single-site | {medians['pinned']:.2f} | {queries['pinned']} |")
    print(f"tenancy costs {measured['tenancy'] * 100:+.1f} % of an uncached render")
    return 0


def measured_load(port: int, server: subprocess.Popen, seconds: float, connections: int,
                  cookie: str = "") -> tuple[float, float]:
    """Requests per second, and CPU milliseconds per request of the server's processes (its
    own time, whatever else the machine runs: steadier than requests per second)."""
    before = session_cpu(server.pid)
    rate, requests = load_counted(port, seconds, connections, cookie)
    return rate, (session_cpu(server.pid) - before) * 1000 / max(1, requests)


def backends(url: str, workdir: Path, duration: float, connections: int) -> list[tuple[str, float, float]]:
    """The app cache's throughput on each shared cache (the page cache's alias only)."""
    out = []
    redis = shutil.which("redis-server")
    with ExitStack() as stack:
        options = {
            "files (var/cache: the development default, core.caching.filecache)": {
                "CONG_PAGE_CACHE_BACKEND": "core.caching.filecache.FileCache",
                "CONG_PAGE_CACHE_LOCATION": str(workdir / "pages-files"),
            },
            "Django's file cache": {
                "CONG_PAGE_CACHE_BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "CONG_PAGE_CACHE_LOCATION": str(workdir / "pages-django-files"),
            },
            "the database's cache table": {
                "CONG_PAGE_CACHE_BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "CONG_PAGE_CACHE_LOCATION": "cong_bench_page_cache",
            },
        }
        if redis:
            sock = workdir / "redis.sock"
            redis_port = free_port()
            stack.enter_context(process([redis, "--port", str(redis_port), "--bind", "127.0.0.1",
                                         "--unixsocket", str(sock), "--save", "", "--appendonly", "no",
                                         "--dir", str(workdir)], redis_port))
            options["Redis (production)"] = {
                "CONG_PAGE_CACHE_BACKEND": "django.core.cache.backends.redis.RedisCache",
                "CONG_PAGE_CACHE_LOCATION": f"unix://{sock}?db=1",
            }
        for name, env in options.items():
            if "DatabaseCache" in env["CONG_PAGE_CACHE_BACKEND"]:
                subprocess.run([PY, "manage.py", "createcachetable"], cwd=ROOT, check=True,
                               env=server_env(url, **env), stdout=subprocess.DEVNULL)
            port = free_port()
            with gunicorn(url, port, **env) as server:
                get(port)
                get(port)
                out.append((f"app cache on {name}", *measured_load(port, server, duration, connections)))
    return out


if __name__ == "__main__":
    raise SystemExit(main())
