"""What counting a page view costs, against serving the page from the page cache.

For each page view a browser makes two requests of the application: the page (answered by
the page cache: X-Cong-Cache: hit) and the beacon (`POST /_v`, one INSERT). This measures,
interleaved in one process so machine load hits both alike, through the whole middleware
stack and the real portal routing (the test client, as the test suite uses it):

- a cached page alone (the province's home page, warmed first);
- the beacon alone (a browser's user agent, a varying address);
- the beacon of a bot (the same request, not counted: what the stack costs without the hash
  and the INSERT);
- the overhead: beacon time / cached page time, as a percentage of serving the page;
- and for the production mode (CONG_VISITS_SOURCE=access_log, no beacon): how many lines of
  nginx's visits log `import_visits` reads per second (what the page costs in nginx:
  benchmarks/visits_log.py).

    .venv/bin/python benchmarks/visits_overhead.py [--views 2000] [pytest options, e.g. --reuse-db]

Runs on the test database (`test_cong`) as the test suite does; start the cluster first
(`make db`). The views are written inside the benchmark's transaction and rolled back, so a
COMMIT per beacon (autocommit in production) is not included: on the embedded cluster it
adds the WAL flush of one small row.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
VIEWS = int(os.environ.get("CONG_BENCH_VIEWS", "2000"))
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from tests.support.portals import provision_test_portals

    with django_db_blocker.unblock():
        provision_test_portals()


@pytest.mark.django_db
def test_visits_overhead():
    from tenants.models import Portal
    from tests.support.portals import client_for, home_page_id

    province = Portal.objects.get(code="tinhthu")

    client = client_for(province)
    page_id = home_page_id(province)
    warm = client.get("/")
    assert warm.status_code == 200
    assert client.get("/")["X-Cong-Cache"] == "hit"
    beacon_url = f"/_v?p={page_id}&l=vi&u=/&r=https://www.google.com/"
    page_times, beacon_times, bot_times = [], [], []
    for n in range(VIEWS):
        # The page and its beacon come from the same browser and address.
        address = f"10.1.{n // 250}.{n % 250}"
        started = time.perf_counter()
        response = client.get("/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address)
        page_times.append(time.perf_counter() - started)
        assert response["X-Cong-Cache"] == "hit"
        started = time.perf_counter()
        response = client.post(beacon_url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=address)
        beacon_times.append(time.perf_counter() - started)
        assert response.status_code == 204
        # The same request from a bot: everything but the hash and the INSERT.
        started = time.perf_counter()
        client.post(beacon_url, HTTP_USER_AGENT="Googlebot/2.1", REMOTE_ADDR=address)
        bot_times.append(time.perf_counter() - started)

    def ms(values, q=None):
        return 1000 * (statistics.median(values) if q is None else statistics.quantiles(values, n=100)[q - 1])

    if os.environ.get("CONG_BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.enable()
        for n in range(200):
            client.post(beacon_url, HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=f"10.2.0.{n % 250}")
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)
    page, beacon = ms(page_times), ms(beacon_times)
    print(
        f"\n{VIEWS} views: cached page p50 {page:.3f} ms (p95 {ms(page_times, 95):.3f}); "
        f"beacon p50 {beacon:.3f} ms (p95 {ms(beacon_times, 95):.3f}; "
        f"without the hash and INSERT, a bot's: p50 {ms(bot_times):.3f}); "
        f"total server time per page view {page + beacon:.3f} ms against {page:.3f} ms: "
        f"+{100 * beacon / page:.0f} % (goal ≤ 2 %)"
    )


@pytest.mark.django_db
def test_access_log_import_rate(tmp_path):
    """The other mode (CONG_VISITS_SOURCE=access_log): no request of the application per
    view; the cost moves to `import_visits`, every minute. Lines of nginx's visits log read
    per second, half of them page views of one portal, the rest static files, bots
    and the admin (filtered out)."""
    import json

    from django.utils import timezone

    from tenants.models import Portal
    from visits.importer import import_log

    host = Portal.objects.get(code="tinhthu").primary_domain
    now = timezone.localtime().isoformat(timespec="seconds")
    lines = []
    for n in range(VIEWS * 10):
        entry = {"t": now, "h": host, "m": "GET", "u": f"/tin-tuc/bai-{n % 50}/",
                 "s": 200, "c": "text/html; charset=utf-8", "r": "https://www.google.com/",
                 "a": BROWSER, "ip": f"10.1.{n // 250 % 250}.{n % 250}"}
        if n % 4 == 1:
            entry.update(u="/static/css/site.0123456789ab.css", c="text/css")
        elif n % 4 == 2 and n % 8 == 2:
            entry.update(a="Mozilla/5.0 (compatible; Googlebot/2.1)")
        elif n % 4 == 2:
            entry.update(u="/admin/pages/")
        lines.append(json.dumps(entry))
    log = tmp_path / "cong-visits.log"
    log.write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    result = import_log(log)
    elapsed = time.perf_counter() - started
    print(f"\nimport_visits: {result.lines:,} lines ({result.counted:,} page views) in {elapsed:.2f} s: "
          f"{result.lines / elapsed:,.0f} lines/s, {result.counted / elapsed:,.0f} views/s")
    assert result.counted == len(lines) // 2


def main() -> int:
    os.chdir(ROOT)
    sys.path.insert(0, str(ROOT))
    args = list(sys.argv[1:])
    if "--views" in args:
        index = args.index("--views")
        os.environ["CONG_BENCH_VIEWS"] = args[index + 1]
        del args[index:index + 2]
    return int(pytest.main([__file__, "-q", "-s", "-p", "no:warnings",
                            "--rootdir", str(ROOT), *args]))


if __name__ == "__main__":
    sys.exit(main())
