#!/usr/bin/env python
"""How long does `create_portal` take with many portals present?

Creates a throwaway database on the same PostgreSQL server (embedded cluster by default,
or the server of DATABASE_URL), migrates it, creates the province portal and then N member
portals one by one through the same code path as `manage.py create_portal`, timing each.
Reports the time per portal (median, p95, max) and the time of the last ones, which is
what an operator sees once the province has N portals. The goal: ≤ 2 s with 100 present.

    .venv/bin/python benchmarks/create_portal.py [--portals 100] [--keep]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_portals"


def bench_database_url() -> str:
    base = os.environ.get("DATABASE_URL") or subprocess.run(
        [str(ROOT / "deploy" / "localpg.sh"), "url"], check=True, capture_output=True, text=True
    ).stdout.strip()
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def recreate_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    conn = psycopg2.connect(admin)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=100, help="member portals to create")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    args = parser.parse_args()

    url = bench_database_url()
    recreate_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.dev")
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

    import logging

    import django

    django.setup()
    logging.getLogger("tenants.provisioning").setLevel(logging.WARNING)
    from approved import approved_portal

    from django.core.management import call_command

    from tenants.provisioning import PortalSpec

    started = time.perf_counter()
    call_command("migrate_platform", verbosity=0)
    migrate_seconds = time.perf_counter() - started

    approved_portal(PortalSpec(code="tinhbench", name="Tỉnh thử tải", kind="province"))
    timings = []
    for index in range(args.portals):
        t0 = time.perf_counter()
        approved_portal(
            PortalSpec(code=f"xa{index:04d}", name=f"Ủy ban nhân dân xã Thử {index}", kind="commune")
        )
        timings.append(time.perf_counter() - t0)

    ordered = sorted(timings)
    p95 = ordered[max(0, int(len(ordered) * 0.95) - 1)]
    last10 = timings[-10:]
    print(f"migrate_platform (public + template schema): {migrate_seconds:.1f} s")
    print(f"portals created: {len(timings)} (plus the province)")
    print(
        f"per portal: median {statistics.median(timings):.2f} s, p95 {p95:.2f} s, "
        f"max {max(timings):.2f} s, mean of the last 10 {statistics.mean(last10):.2f} s"
    )
    print(f"total: {sum(timings):.1f} s")
    if not args.keep:
        from django.db import connections

        connections.close_all()
        import psycopg2

        conn = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        conn.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
