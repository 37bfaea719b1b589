#!/usr/bin/env python
"""How long does the console's league table take with 100 portals × 200 items?

Creates (or, with --reuse, reuses) a database `cong_bench_league` on the project's
PostgreSQL server: the province and N member portals through the real provisioning path,
then each portal's items. The first `--real-pages` items of every portal are real planning
pages added in the portal's schema, so the ledger rows are written by the same signal path
as in production (their cost per item is reported); the rest, up to `--items`, are ledger
rows of the same shape written in bulk (the league table reads only the ledger, and
creating 20,000 Wagtail pages would take a quarter of an hour). Then the console's league
table is rendered through Django's test client, signed in as a province board member,
`--runs` times: p50 and p95, and the number of SQL queries of one render.

    .venv/bin/python benchmarks/league_table.py [--portals 100] [--items 200] [--reuse] [--keep]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_league"


def bench_database_url() -> str:
    base = os.environ.get("DATABASE_URL") or subprocess.run(
        [str(ROOT / "deploy" / "localpg.sh"), "url"], check=True, capture_output=True, text=True
    ).stdout.strip()
    return urlunsplit(urlsplit(base)._replace(path=f"/{BENCH_DB}"))


def _admin_connection(url: str):
    import psycopg2

    conn = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    conn.autocommit = True
    return conn


def database_exists(url: str) -> bool:
    conn = _admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB])
        found = cursor.fetchone() is not None
    conn.close()
    return found


def recreate_database(url: str, drop_only: bool = False) -> None:
    conn = _admin_connection(url)
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(len(ordered) * share)) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=100)
    parser.add_argument("--items", type=int, default=200, help="items per portal")
    parser.add_argument("--real-pages", type=int, default=5, help="real pages per portal")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--reuse", action="store_true", help="reuse the database if it exists")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    args = parser.parse_args()

    url = bench_database_url()
    fresh = not (args.reuse and database_exists(url))
    if fresh:
        recreate_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.dev")
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

    import logging

    import django

    django.setup()
    logging.getLogger("tenants.provisioning").setLevel(logging.WARNING)
    from approved import approved_portal
    from django_tenants.utils import schema_context

    from django.conf import settings
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from deadlines.province.models import ClockRecord
    from planning.models import PlanningIndexPage, PlanningItemPage
    from tenants.models import PlatformRole, Portal
    from tenants.provisioning import PortalSpec

    if fresh:
        t0 = time.perf_counter()
        call_command("migrate_platform", verbosity=0)
        print(f"migrate_platform: {time.perf_counter() - t0:.0f} s")
    if not Portal.objects.filter(code="tinhbench").exists():
        approved_portal(PortalSpec(code="tinhbench", name="Tỉnh thử tải", kind="province"))
    t0 = time.perf_counter()
    for index in range(args.portals):
        code = f"xa{index:04d}"
        if not Portal.objects.filter(code=code).exists():
            kind = "commune" if index % 4 else "department"
            approved_portal(PortalSpec(code=code, name=f"Đơn vị thử {index}", kind=kind))
    print(f"portals ready: {args.portals} ({time.perf_counter() - t0:.0f} s)")

    rng = random.Random(13)
    today = timezone.localdate()
    write_times: list[float] = []
    members = list(Portal.objects.filter(code__startswith="xa").order_by("code")[: args.portals])
    for portal in members:
        have = ClockRecord.objects.filter(portal=portal).count()
        if have >= args.items:
            continue
        with schema_context(portal.schema_name):
            index_page = PlanningIndexPage.objects.get(depth=3)
            for n in range(args.real_pages):
                approved = today - dt.timedelta(days=rng.randint(5, 360))
                posted = approved + dt.timedelta(days=rng.randint(0, 20))
                page = PlanningItemPage(
                    title=f"Kế hoạch thử {n}", kind="chien-luoc-ke-hoach", approval_date=approved,
                    live=True, first_published_at=timezone.make_aware(
                        dt.datetime.combine(posted, dt.time(9))
                    ),
                )
                t1 = time.perf_counter()
                index_page.add_child(instance=page)  # the ledger row is written by the signal
                write_times.append(time.perf_counter() - t1)
        rows = []
        for n in range(args.items - args.real_pages):
            event = today - dt.timedelta(days=rng.randint(5, 360))
            due = event + dt.timedelta(days=11)
            posted = None if rng.random() < 0.05 else event + dt.timedelta(days=rng.randint(0, 20))
            late = max(0, ((posted - due).days * 5) // 7) if posted and posted > due else 0
            rows.append(ClockRecord(
                portal=portal, kind="page", object_id=10_000_000 + n, rule="planning",
                title=f"Mục thử {n}", event_date=event, due_date=due, posted_on=posted,
                late_days=late,
            ))
        ClockRecord.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    connection.set_schema_to_public()
    print(f"ledger rows: {ClockRecord.objects.count()}")
    if write_times:
        print(f"writing one page with its clock: p50 {statistics.median(write_times) * 1000:.0f} ms "
              f"(page creation included; {len(write_times)} pages)")

    # A board member signs in as a person does: password, then the authenticator's code
    # (two-step verification is mandatory for the province board).
    from accounts import totp
    from signin.models import PlatformAccountState

    password, secret = "Bench@2026-xyz-league", totp.generate_secret()
    user = User.objects.filter(username="bbt.bench").first()
    if user is None:
        user = User.objects.create_user("bbt.bench", password=password)
        PlatformRole.objects.create(user=user, role=PlatformRole.Role.PROVINCE_BOARD)
    user.set_password(password)
    user.save()
    PlatformAccountState.for_user(user).enable_totp(secret, 0)
    client = Client(HTTP_HOST=settings.CONG_CONSOLE_DOMAIN)
    signed = client.post("/dang-nhap/", {"username": "bbt.bench", "password": password})
    verified = client.post("/tai-khoan/xac-thuc/", {"code": totp.code(secret)})
    assert verified.status_code == 302 and verified["Location"] == "/", (signed, verified)
    connection.set_schema_to_public()
    timings = []
    for run in range(args.runs + 1):
        t1 = time.perf_counter()
        response = client.get("/thoi-han/")
        elapsed = time.perf_counter() - t1
        connection.set_schema_to_public()
        assert response.status_code == 200, response.status_code
        if run:  # the first run warms the caches
            timings.append(elapsed)
    with CaptureQueriesContext(connection) as queries:
        client.get("/thoi-han/")
    connection.set_schema_to_public()
    print(f"league table ({len(members)} portals, {args.items} items each), {args.runs} renders: "
          f"p50 {statistics.median(timings) * 1000:.0f} ms, p95 {percentile(timings, 0.95) * 1000:.0f} ms, "
          f"max {max(timings) * 1000:.0f} ms; {len(queries)} SQL queries per render")

    if not args.keep:
        from django.db import connections

        connections.close_all()
        recreate_database(url, drop_only=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
