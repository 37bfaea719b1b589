#!/usr/bin/env python
"""Search latency on the embedded backend (PostgreSQL shared table) at scale.

Creates a throwaway database on the same PostgreSQL server (embedded cluster by default,
or the server of DATABASE_URL), migrates the shared apps only, registers N portals (rows in
the portal registry; no schemas are needed since the index is one shared table) and writes
D documents spread over them straight into `public.search_document` through the backend's
own `index_documents`. Then it times whole searches as the public page runs them (results
page with highlighted snippets, count, type and portal facets): in-portal and
cross-portal, half of the queries typed without diacritics; plus autocomplete and the
province home page's member-news aggregation. Reports p50/p95/max in milliseconds, and how
many matches the queries have (most pass the search's count cap, COUNT_CAP).
The goal: p95 ≤ 50 ms at 100k documents across 100 portals.

    .venv/bin/python benchmarks/search_latency.py [--portals 100] [--documents 100000]
        [--queries 300] [--keep] [--reuse]

`--reuse` times the database a `--keep` run left (migrated to the current code; the same
documents and queries are drawn, but not written again) when it holds as many documents
and portals. `--statements` also prints, for each search row, the mean time per query of
each kind of SQL statement the searches run, and what is left outside SQL (Python).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from contextlib import nullcontext
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "cong_bench_search"

# Everyday words of Vietnamese administrative news, with their diacritics.
WORDS = (
    "tỉnh huyện xã phường thị trấn ủy ban nhân dân hội đồng sở ban ngành cán bộ công chức "
    "người dân doanh nghiệp đầu tư phát triển kinh tế xã hội nông nghiệp công nghệ cao chè "
    "mắc ca dược liệu du lịch văn hóa lễ hội ruộng bậc thang biên giới an ninh quốc phòng "
    "giáo dục đào tạo học sinh sinh viên trường học y tế bệnh viện trạm tiêm chủng dịch bệnh "
    "giao thông đường cầu treo thủy điện điện lực nước sạch môi trường rừng đất đai thu hồi "
    "bồi thường hỗ trợ tái định cư quy hoạch kế hoạch ngân sách tài chính thuế chuyển đổi số "
    "dịch vụ công trực tuyến hồ sơ thủ tục hành chính cải cách một cửa tiếp công dân khiếu nại "
    "tố cáo thanh tra kiểm tra hội nghị triển khai nhiệm vụ năm kết quả tổng kết khen thưởng "
    "thi đua phong trào xây dựng nông thôn mới giảm nghèo bền vững việc làm lao động tuyển dụng "
    "thông báo quyết định nghị quyết chỉ thị công văn hướng dẫn quy định chính sách mới "
    "Lai Châu Phong Thổ Tam Đường Sìn Hồ Mường Tè Than Uyên Tân Uyên Nậm Nhùn Đà Nẵng Hà Nội "
    "người Dao người Hà Nhì người Mông người Thái bản làng mùa xuân mùa đông thời tiết mưa lũ "
    "sạt lở phòng chống thiên tai cứu hộ khẩn cấp an toàn thực phẩm chợ bán hàng nông sản"
).split()
KINDS = [("news.newsarticlepage", "Tin bài"), ("legaldocs.legaldocumentpage", "Văn bản"),
         ("direction.directivepage", "Chỉ đạo điều hành"), ("projects.projectpage", "Dự án")]


def bench_database_url() -> str:
    base = os.environ.get("DATABASE_URL") or subprocess.run(
        [str(ROOT / "deploy" / "localpg.sh"), "url"], check=True, capture_output=True, text=True
    ).stdout.strip()
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=f"/{BENCH_DB}"))


def recreate_database(url: str, drop_only: bool = False) -> None:
    import psycopg2

    parts = urlsplit(url)
    conn = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}"')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{BENCH_DB}"')
    conn.close()


def sentence(rng: random.Random, n: int) -> str:
    # A fifth of the words come from the 30 most common ones, the rest from the whole list.
    return " ".join(WORDS[rng.randrange(30) if rng.random() < 0.2 else rng.randrange(len(WORDS))]
                    for _ in range(n))


def statement_kind(sql: str) -> str:
    """What a statement of a search does, from its shape (search.backends.postgres)."""
    if sql.startswith("EXPLAIN"):
        return "planner estimates"
    if "max(w.n)" in sql:
        return "count: walk"
    if sql.startswith("WITH m AS MATERIALIZED"):
        return "count: text index"
    if "ts_headline" in sql:
        return "page: snippets"
    if "set_config" in sql or "current_setting" in sql:
        return "planner settings"
    if "WITH windowed" in sql or ") UNION (" in sql:
        return "look-backs (title/summary, exact)"
    if "ts_rank" in sql:
        return "newest matches, ranked"
    if "d.ctid = ANY" in sql:
        return "newest matches, for facets"
    return "other"


def percentiles(values: list[float]) -> str:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    return (f"p50 {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   "
            f"max {values[-1]:6.1f} ms   (n={len(values)})")


def kept_database_fits(url: str, portals: int, documents: int) -> bool:
    import psycopg2

    try:
        conn = psycopg2.connect(url)
    except psycopg2.OperationalError:
        return False
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT (SELECT count(*) FROM public.tenants_portal), "
                           "(SELECT count(*) FROM public.search_document)")
            return cursor.fetchone() == (portals, documents)
    except psycopg2.Error:
        return False
    finally:
        conn.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--portals", type=int, default=100)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seed", type=int, default=43)
    parser.add_argument("--keep", action="store_true", help="keep the benchmark database")
    parser.add_argument("--reuse", action="store_true",
                        help="time the kept database if it holds as many documents and portals")
    parser.add_argument("--statements", action="store_true",
                        help="per search row, the mean time per query of each kind of statement")
    args = parser.parse_args()

    url = bench_database_url()
    reused = args.reuse and kept_database_fits(url, args.portals, args.documents)
    if not reused:
        recreate_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cong.settings.dev")
    for name in ("OPENSEARCH_URL", "ELASTICSEARCH_URL"):
        os.environ.pop(name, None)
    sys.path[:0] = [str(ROOT), str(ROOT / "platform")]

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from core.text import unaccent
    from search.backends.base import COUNT_CAP, IndexedDocument, SearchQuery
    from search.backends.postgres import PostgresSearchBackend
    from tenants.models import Portal

    rng = random.Random(args.seed)
    call_command("migrate_schemas", shared=True, interactive=False, verbosity=0)
    portals = [Portal(schema_name="tinhbench", code="tinhbench", name="Tỉnh thử tải",
                      kind=Portal.Kind.PROVINCE, status=Portal.Status.ACTIVE)]
    portals += [
        Portal(schema_name=f"xa{i:04d}", code=f"xa{i:04d}", name=f"Ủy ban nhân dân xã Thử {i}",
               kind=Portal.Kind.COMMUNE, status=Portal.Status.ACTIVE)
        for i in range(args.portals - 1)
    ]
    if reused:
        portals = list(Portal.objects.order_by("pk"))
    else:
        Portal.objects.bulk_create(portals)
    backend = PostgresSearchBackend()

    def write(documents: list[IndexedDocument]) -> None:
        if not reused:
            with transaction.atomic():
                backend.index_documents(documents)

    started = time.perf_counter()
    now = timezone.now()
    batch: list[IndexedDocument] = []
    for n in range(args.documents):
        portal = portals[n % len(portals)]
        content_type, label = KINDS[0] if rng.random() < 0.6 else rng.choice(KINDS[1:])
        facets = {}
        if content_type == "legaldocs.legaldocumentpage":
            number = f"{n}/{rng.randint(2015, 2026)}/QĐ-UBND"
            facets = {"doc_type": "quyet-dinh", "doc_type_label": "Quyết định",
                      "status": "con-hieu-luc", "status_label": "Còn hiệu lực", "number": number,
                      "number_key": unaccent(number).lower(), "issuer": "UBND tỉnh",
                      "field": rng.choice(["Đất đai", "Giáo dục", "Y tế"])}
        batch.append(IndexedDocument(
            portal=portal.schema_name, portal_code=portal.code, portal_name=portal.name,
            portal_kind=portal.kind, content_type=content_type, type_label=label,
            object_id=n + 1, title=sentence(rng, rng.randint(8, 14)).capitalize(),
            summary=sentence(rng, rng.randint(25, 40)), body=sentence(rng, rng.randint(80, 160)),
            url=f"https://{portal.code}.laichau.gov.vn/tin-tuc/{n + 1}/",
            date=now - timedelta(minutes=n), facets=facets,
        ))
        if len(batch) == 2000:
            write(batch)
            batch = []
    write(batch)
    if not reused:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE public.search_document")
    load_seconds = time.perf_counter() - started
    status = backend.status()
    print(f"{status['documents']} documents in {len(portals)} portals "
          f"{'reused' if reused else 'written'} in {load_seconds:.0f} s; "
          f"table + indexes {status['size']}")

    queries = []
    for _ in range(args.queries):
        text = sentence(rng, rng.choice([1, 2, 2, 3]))
        queries.append(unaccent(text).lower() if rng.random() < 0.5 else text)

    breakdowns: list[dict[str, float]] = []  # per timed row: statement kind → ms in all

    def timed(func) -> list[float]:
        for query in queries[:20]:  # warm the cache
            func(query)
        spent: dict[str, float] = {}

        def measure(execute, sql, params, many, context):
            t0 = time.perf_counter()
            try:
                return execute(sql, params, many, context)
            finally:
                kind = statement_kind(sql)
                spent[kind] = spent.get(kind, 0.0) + (time.perf_counter() - t0) * 1000

        out = []
        with connection.execute_wrapper(measure) if args.statements else nullcontext():
            for query in queries:
                t0 = time.perf_counter()
                func(query)
                out.append((time.perf_counter() - t0) * 1000)
        breakdowns.append(spent)
        return out

    home = portals[0].schema_name
    vi = "vi"  # the public pages search in the language of the page (Vietnamese here)
    rows = [
        ("in-portal search", timed(lambda q: backend.search(
            SearchQuery(text=q, portal=rng.choice(portals).schema_name, language=vi)))),
        ("cross-portal search", timed(lambda q: backend.search(
            SearchQuery(text=q, portal=None, language=vi)))),
        ("cross-portal, one type", timed(lambda q: backend.search(
            SearchQuery(text=q, portal=None, content_type="legaldocs.legaldocumentpage", language=vi)))),
        ("in-portal autocomplete", timed(lambda q: backend.autocomplete(
            q[:12], rng.choice(portals).schema_name, language=vi))),
        ("cross-portal autocomplete", timed(lambda q: backend.autocomplete(q[:12], None, language=vi))),
        ("member news (home page)", timed(lambda q: backend.latest(
            "news.newsarticlepage", home, 6))),
    ]
    # Every match counted (the search itself stops counting at COUNT_CAP).
    matches = []
    with connection.cursor() as cursor:
        for query in queries:
            cursor.execute(
                "SELECT count(*) FROM public.search_document "
                "WHERE folded @@ websearch_to_tsquery('public.vi_unaccent', %s)",
                [query],
            )
            matches.append(cursor.fetchone()[0])
    capped = sum(1 for m in matches if m > COUNT_CAP)
    print(f"cross-portal matches per query: median {statistics.median(matches):.0f}, "
          f"max {max(matches)}; {capped} of {len(matches)} past the count cap ({COUNT_CAP})")
    for name, values in rows:
        print(f"{name:28s} {percentiles(values)}")
    if args.statements:
        for (name, values), spent in zip(rows, breakdowns, strict=True):
            if "autocomplete" in name or "news" in name:
                continue
            print(f"{name}, mean ms per query:")
            spent = {**spent, "outside SQL (Python)": sum(values) - sum(spent.values())}
            for kind, total in sorted(spent.items(), key=lambda item: -item[1]):
                print(f"  {kind:32s} {total / len(values):6.2f}")

    connection.close()
    if not args.keep:
        recreate_database(url, drop_only=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
