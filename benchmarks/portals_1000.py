#!/usr/bin/env python
"""A thousand portals on one server: does anything grow with their number?

Creates a throwaway database with the province portal, then member portals one by one through
`create_portal` (as `manage.py create_portal` does), timing each. At each checkpoint (10, 100,
1,000 portals present, those up to --portals) it serves them with gunicorn as `make run` does
and sends requests round-robin over every portal's host (so every worker and every database
session meets every portal), then reports:

- page latency (p50, p95) of uncached renders (a visitor the page cache does not answer) and
  of page-cache hits;
- worker memory: the mean resident size of the gunicorn workers;
- PostgreSQL backend memory: the mean private memory of the app's database sessions;
- the size of the catalog (relations, pg_catalog on disk) and of a `pg_dump -Fc`;

and, at the end, `create_portal`'s median, p95 and max, and the ratios of the last checkpoint
to the first (1.05 or less is flat).

Time: creating a portal takes 1–2 s, so 1,000 portals take 20–40 minutes, plus a few
minutes per checkpoint (and pg_dump). `--portals 100` proves it works in about ten.

    .venv/bin/python benchmarks/portals_1000.py [--portals 1000] [--rounds 2] [--keep]
    .venv/bin/python benchmarks/portals_1000.py --measure-kept

The second form creates nothing: it measures the database a `--keep` run left, serving its
first 10, 100 and all portals at the checkpoints (so every checkpoint runs against the same,
full catalog: what grows with the portals a worker meets shows, not what grows with the
schemas present), then its pg_dump. A whole-database dump of 1,000 portals needs
`max_locks_per_transaction` raised on the server first (docs/scaling.md).
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import serve  # noqa: E402  (the same database and server helpers)

ROOT = serve.ROOT
BENCH_DB = "cong_bench_portals1000"
PROVINCE = "laichau.localhost"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(len(ordered) * fraction)) - 1))]


def private_kb(pid: int) -> int | None:
    """Private (not shared) memory of a process, from /proc (kB)."""
    try:
        text = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return None
    total = 0
    for line in text.splitlines():
        if line.startswith(("Private_Clean:", "Private_Dirty:")):
            total += int(line.split()[1])
    return total


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def round_robin(port: int, hosts: list[str], rounds: int, cookie: str = "") -> list[float]:
    """Latencies (ms) of `rounds` passes over every host, one request after the other."""
    latencies = []
    headers_base = {"Cookie": cookie} if cookie else {}
    for _ in range(rounds):
        for host in hosts:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            started = time.perf_counter()
            conn.request("GET", "/", headers={"Host": host, **headers_base})
            response = conn.getresponse()
            response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            conn.close()
            if response.status != 200:
                raise RuntimeError(f"{host} answered {response.status}")
    return latencies


def catalog(url: str) -> dict:
    import psycopg2

    conn = psycopg2.connect(url)
    with conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_class")
        relations = cursor.fetchone()[0]
        cursor.execute(
            "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pg_catalog'"
        )
        catalog_bytes = cursor.fetchone()[0]
        cursor.execute("SELECT pg_database_size(current_database())")
        database_bytes = cursor.fetchone()[0]
    conn.close()
    return {
        "relations": relations, "catalog_mb": catalog_bytes / 2**20, "database_mb": database_bytes / 2**20,
    }


def dump_size(url: str) -> tuple[float, float] | None:
    """(MB, seconds) of `pg_dump -Fc` of the database, or None when it fails.

    A whole-database dump locks every table in one transaction: at 1,000 portals (140,000
    tables) that needs `max_locks_per_transaction` × `max_connections` above the table count
    (docs/scaling.md); PostgreSQL's default of 64 fails with "out of shared memory".
    """
    started = time.perf_counter()
    proc = subprocess.Popen(["pg_dump", "-Fc", url], stdout=subprocess.PIPE)
    size = 0
    while chunk := proc.stdout.read(1 << 20):
        size += len(chunk)
    if proc.wait() != 0:
        print("pg_dump failed (see its message above)", flush=True)
        return None
    return size / 2**20, time.perf_counter() - started


def column(url: str, sql: str) -> list:
    """The first column of a query's rows, in a connection of its own."""
    import psycopg2

    conn = psycopg2.connect(url)
    with conn.cursor() as cursor:
        cursor.execute(sql)
        values = [row[0] for row in cursor.fetchall()]
    conn.close()
    return values


def backend_pids(url: str) -> list[int]:
    return column(
        url,
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        " AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
    )


class Sampler(threading.Thread):
    """Memory of the workers and of their database sessions, every half second."""

    def __init__(self, url: str, server_pid: int) -> None:
        super().__init__(daemon=True)
        self.url, self.server_pid = url, server_pid
        self.workers: list[int] = []
        self.backends: list[int] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        while not self.stopping.wait(0.5):
            self.workers += [kb for kb in map(rss_kb, children(self.server_pid)) if kb]
            self.backends += [kb for kb in map(private_kb, backend_pids(self.url)) if kb]


def checkpoint(url: str, hosts: list[str], rounds: int) -> dict:
    port = serve.free_port()
    with serve.gunicorn(url, port, GUNICORN_WORKERS="2") as proc:
        round_robin(port, hosts, 1, cookie="cong_bench=1")  # every worker meets every portal
        sampler = Sampler(url, proc.pid)
        sampler.start()
        uncached = round_robin(port, hosts, rounds, cookie="cong_bench=1")
        round_robin(port, hosts, 1)  # the page cache fills
        cached = round_robin(port, hosts, rounds)
        sampler.stopping.set()
        sampler.join()
        worker_rss, backends = sampler.workers, sampler.backends
    return {
        "portals": len(hosts),
        "uncached_p50": statistics.median(uncached), "uncached_p95": percentile(uncached, 0.95),
        "cached_p50": statistics.median(cached), "cached_p95": percentile(cached, 0.95),
        "worker_mb": statistics.mean(worker_rss) / 1024 if worker_rss else float("nan"),
        "backend_mb": statistics.mean(backends) / 1024 if backends else float("nan"),
        **catalog(url),
    }


def kept_hosts(url: str) -> list[str]:
    """The province's host first, then each member's, in the order they were created."""
    return column(
        url,
        "SELECT d.domain FROM tenants_domain d JOIN tenants_portal p ON p.id = d.tenant_id"
        " WHERE d.is_primary AND p.kind <> 'platform' ORDER BY p.id",
    )


def print_results(results: list[dict], dump: tuple[float, float] | None) -> None:
    print()
    print("| portals | uncached p50 / p95 ms | cached p50 / p95 ms | worker MB | PG backend MB "
          "| relations | pg_catalog MB | database MB |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in results:
        print(f"| {r['portals']:,} | {r['uncached_p50']:.1f} / {r['uncached_p95']:.1f} "
              f"| {r['cached_p50']:.1f} / {r['cached_p95']:.1f} | {r['worker_mb']:.0f} "
              f"| {r['backend_mb']:.1f} | {r['relations']:,} | {r['catalog_mb']:.0f} "
              f"| {r['database_mb']:.0f} |")
    first, last = results[0], results[-1]
    print()
    print(f"ratios {last['portals']:,} / {first['portals']:,} portals: "
          f"uncached p50 {last['uncached_p50'] / first['uncached_p50']:.2f}, "
          f"cached p50 {last['cached_p50'] / first['cached_p50']:.2f}, "
          f"worker memory {last['worker_mb'] / first['worker_mb']:.2f}, "
          f"PG backend memory {last['backend_mb'] / first['backend_mb']:.2f}")
    if dump:
        print(f"pg_dump -Fc: {dump[0]:.0f} MB in {dump[1]:.0f} s")


def measure_kept(args: argparse.Namespace) -> int:
    url = serve.database_url(BENCH_DB)
    serve.VAR.mkdir(parents=True, exist_ok=True)
    hosts = kept_hosts(url)
    print(f"{len(hosts)} portals in {BENCH_DB}", flush=True)
    results = []
    for target in [n for n in (10, 100, 1000) if n < len(hosts)] + [len(hosts)]:
        print(f"measuring {target} portals…", flush=True)
        results.append(checkpoint(url, hosts[:target], args.rounds))
        print(f"  {results[-1]}", flush=True)
    dump = None if args.no_dump else dump_size(url)
    print(f"\n{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print_results(results, dump)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=1000, help="portals in all (province included)")
    parser.add_argument("--rounds", type=int, default=2, help="passes over every host per measurement")
    parser.add_argument("--no-dump", action="store_true", help="skip pg_dump")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--measure-kept", action="store_true",
                        help="create nothing: measure the database a --keep run left")
    args = parser.parse_args()
    if args.measure_kept:
        return measure_kept(args)
    checkpoints = [n for n in (10, 100, 1000) if n <= args.portals] or [args.portals]
    if args.portals not in checkpoints:
        checkpoints.append(args.portals)

    url = serve.database_url(BENCH_DB)
    conn = serve.admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()
    serve.VAR.mkdir(parents=True, exist_ok=True)
    os.environ.update(serve.server_env(url))
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
    import logging

    import django

    django.setup()
    logging.getLogger("tenants.provisioning").setLevel(logging.WARNING)
    from approved import approved_portal

    from django.core.management import call_command
    from django.db import connections

    from tenants.provisioning import PortalSpec, ensure_platform_portal

    started = time.perf_counter()
    call_command("compile_translations", verbosity=0)
    call_command("migrate_platform", verbosity=0)
    ensure_platform_portal()
    approved_portal(PortalSpec(code="laichau", name="Cổng tỉnh thử tải", kind="province"))
    print(f"migrate_platform and the province: {time.perf_counter() - started:.0f} s", flush=True)
    hosts = [PROVINCE]
    timings: list[float] = []
    results = []
    begun = time.perf_counter()
    for target in checkpoints:
        while len(hosts) < target:
            index = len(hosts)
            t0 = time.perf_counter()
            approved_portal(PortalSpec(code=f"xa{index:04d}", name=f"Ủy ban nhân dân xã Thử {index}",
                                     kind="commune"))
            timings.append(time.perf_counter() - t0)
            hosts.append(f"xa{index:04d}.{PROVINCE}")
            if len(hosts) % 100 == 0:
                print(f"  {len(hosts)} portals, {time.perf_counter() - begun:.0f} s", flush=True)
        connections.close_all()
        print(f"measuring at {len(hosts)} portals…", flush=True)
        results.append(checkpoint(url, hosts, args.rounds))
        # Printed at once: a later failure must not lose what was measured.
        print(f"  {results[-1]}", flush=True)
    dump = None if args.no_dump else dump_size(url)
    total = time.perf_counter() - begun

    print()
    print(f"create_portal, {len(timings)} portals: median {statistics.median(timings):.2f} s, "
          f"p95 {percentile(timings, 0.95):.2f} s, max {max(timings):.2f} s; "
          f"p95 of the last 10 % {percentile(timings[-max(1, len(timings) // 10):], 0.95):.2f} s")
    print(f"run time {total / 60:.0f} min; {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    print_results(results, dump)
    if not args.keep:
        connections.close_all()
        serve.drop_database(url)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
