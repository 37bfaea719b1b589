#!/usr/bin/env python
"""How long does `migrate_platform` take with N portals, in 1 and in J processes?

Creates a throwaway database on the same PostgreSQL server (embedded cluster by default, or
the server of DATABASE_URL), migrates it and creates N portals (cloned from the template, as
`create_portal` does), then times the real command, each run in its own process:

1. nothing to migrate (the usual deploy): every portal checked and re-seeded, 1 process;
2. the same with --jobs J;
3. one migration pending in every portal (themes 0002, un-applied by hand: its table renamed
   back and its record deleted), --jobs J;
4. a run that fails in one portal (its table gone), then the run again once repaired: it
   resumes and does only that portal.

    .venv/bin/python benchmarks/migrate_platform.py [--portals 100] [--jobs 2] [--keep]
    .venv/bin/python benchmarks/migrate_platform.py --from-database cong_bench_portals1000
    .venv/bin/python benchmarks/migrate_platform.py --reuse-copy --steps pending,failure

`--steps` runs some of the four (none1, none, pending, failure); `--reuse-copy` measures the
database a `--keep` run left under this benchmark's own name, without copying it again.

The second form copies the database `portals_1000.py --keep` left (a file copy, seconds)
rather than creating the portals again.

Creating the portals takes about a second each; the machine it runs on matters: give the
figures with the number of cores.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_migrate"
sys.path[:0] = [str(ROOT / "benchmarks")]

from create_portal import bench_database_url as _portal_bench_url  # noqa: E402


def bench_database_url() -> str:
    parts = urlsplit(_portal_bench_url())
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def admin_connection(url: str):
    import psycopg2

    conn = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    conn.autocommit = True
    return conn


def recreate_database(url: str, drop_only: bool = False, template: str = "") -> None:
    conn = admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        if template:
            # FILE_COPY: PostgreSQL 15's default (WAL_LOG) writes all 9 GB of 1,000 portals
            # through the WAL, minutes instead of a copy of the files.
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}" TEMPLATE "{template}" STRATEGY FILE_COPY')
        elif not drop_only:
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()


def portal_schemas(url: str) -> list[str]:
    """The schemas of the served portals of a copied database, the province first."""
    import psycopg2

    conn = psycopg2.connect(url)
    with conn.cursor() as cursor:
        cursor.execute(
            "SELECT schema_name FROM tenants_portal WHERE kind <> 'platform' ORDER BY id"
        )
        schemas = [row[0] for row in cursor.fetchall()]
    conn.close()
    return schemas


def run_command(url: str, *args: str) -> tuple[float, int, str]:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "cong.settings.dev"}
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate_platform", *args],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    return time.perf_counter() - started, done.returncode, done.stdout + done.stderr


def sql(url: str, statements: list[str]) -> None:
    import psycopg2

    conn = psycopg2.connect(url)
    conn.autocommit = True
    with conn.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
    conn.close()


def unapply_theme_table(schema: str) -> list[str]:
    return [
        f'ALTER TABLE "{schema}".themes_themesettings RENAME TO contacts_themesettings',
        f"DELETE FROM \"{schema}\".django_migrations WHERE app = 'themes' "
        "AND name = '0002_themesettings_table'",
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=100, help="portals to create")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel runs")
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument(
        "--from-database", default="", metavar="NAME",
        help="copy this database (e.g. one kept by portals_1000.py --keep) instead of "
             "creating the portals; --portals is then what it holds",
    )
    parser.add_argument("--steps", default="none1,none,pending,failure",
                        help="which runs: none1 (1 process), none, pending, failure")
    parser.add_argument("--reuse-copy", action="store_true",
                        help=f"measure {BENCH_DB} as a --keep run left it (implies --keep)")
    args = parser.parse_args()
    steps = set(args.steps.split(","))
    args.keep = args.keep or args.reuse_copy

    url = bench_database_url()
    if not args.reuse_copy:
        recreate_database(url, template=args.from_database)
    else:  # an interrupted run's progress would make the next one skip those portals
        sql(url, ["DELETE FROM tenants_migrationprogress"])
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.dev")
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]
    import logging

    import django

    django.setup()
    logging.getLogger("tenants.provisioning").setLevel(logging.WARNING)
    from approved import approved_portal

    from django.core.management import call_command
    from django.db import connections

    from tenants.provisioning import PortalSpec

    results: list[tuple[str, float, str]] = []
    try:
        if args.from_database or args.reuse_copy:
            schemas = portal_schemas(url)
            args.portals = len(schemas)
            print(f"{len(schemas)} portals in {args.from_database or BENCH_DB}")
        else:
            call_command("migrate_platform", verbosity=0)
            started = time.perf_counter()
            approved_portal(PortalSpec(code="tinhbench", name="Tỉnh thử tải", kind="province"))
            schemas = ["tinhbench"]
            for index in range(args.portals - 1):
                code = f"xa{index:04d}"
                approved_portal(PortalSpec(code=code, name=f"Ủy ban nhân dân xã Thử {index}",
                                         kind="commune"))
                schemas.append(code)
            print(f"{len(schemas)} portals created in {time.perf_counter() - started:.0f} s")
        connections.close_all()

        def measure(label: str, *command: str, expect_ok: bool = True) -> str:
            seconds, code, output = run_command(url, *command)
            summary = re.findall(r"Đã cập nhật.*|.*cổng bị lỗi.*", output)
            if (code == 0) != expect_ok:
                print(output[-3000:])
                raise SystemExit(f"{label}: exit status {code}")
            results.append((label, seconds, " / ".join(summary)))
            print(f"{label}: {seconds:.1f} s  {' / '.join(summary)}")
            return output

        if "none1" in steps:
            measure("nothing pending, 1 process", "--jobs", "1")
        if "none" in steps:
            measure(f"nothing pending, {args.jobs} processes", "--jobs", str(args.jobs))
        if "pending" in steps:
            sql(url, [s for schema in schemas for s in unapply_theme_table(schema)])
            measure(f"one migration pending everywhere, {args.jobs} processes", "--jobs", str(args.jobs))
        if "failure" in steps:
            # A portal whose table is missing fails; the others are recorded as done.
            broken = schemas[len(schemas) // 2]
            sql(url, [s for schema in schemas for s in unapply_theme_table(schema)])
            sql(url, [f'DROP TABLE "{broken}".contacts_themesettings'])
            measure(f"failure in {broken}, {args.jobs} processes", "--jobs", str(args.jobs), expect_ok=False)
            sql(url, [f'CREATE TABLE "{broken}".contacts_themesettings '
                      f'(LIKE "{schemas[0]}".themes_themesettings INCLUDING ALL)'])
            output = measure("run again after the repair (resumes)", "--jobs", str(args.jobs))
            if f"{len(schemas) - 1} cổng đã xong từ lần trước" not in output:
                print(output[-2000:])
                raise SystemExit("the second run did not resume")
    finally:
        if not args.keep:
            connections.close_all()
            recreate_database(url, drop_only=True)
    print(f"\nmigrate_platform with {args.portals} portals on {os.cpu_count()} cores:")
    for label, seconds, summary in results:
        print(f"  {label}: {seconds:.1f} s ({summary})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
