"""Page views counted from nginx's visits log, through the production stack
(tests/deploy/stack.py: Debian's nginx with deploy/nginx/cong.conf in front of gunicorn,
CONG_VISITS_SOURCE=access_log): a cached page is counted; one client's burst is one visitor
and N views; bots, static files, the admin and 404s are not; importing twice adds nothing; a
rotated log is followed; no address is stored.

Skipped without Debian's nginx, unless CONG_REQUIRE_NGINX is set (CI): then it fails.
"""

from __future__ import annotations

import io
import time

import pytest
from django_tenants.utils import schema_context

from django.core.management import call_command

from tests.deploy.stack import Stack, start_stack, static_manifest, stop_stack
from tests.support.portals import home_page_id

pytestmark = pytest.mark.slow

SOA = "soa.laichau.test"
XAB = "xab.laichau.test"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
BOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


def forget_visits() -> None:
    """The stack's counts are committed: none may stay for the other tests."""
    from visits.accesslog.models import LogPosition
    from visits.models import DailySalt, PageView

    for schema in ("soa", "xab"):
        with schema_context(schema):
            PageView.objects.all().delete()
            DailySalt.objects.all().delete()
    LogPosition.objects.all().delete()


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker, tmp_path_factory):
    with django_db_blocker.unblock():
        forget_visits()
    running = start_stack(tmp_path_factory.mktemp("visits-stack"), nodes=1)
    try:
        yield running
    finally:
        stop_stack(running)
        with django_db_blocker.unblock():
            forget_visits()


def lines_in(stack: Stack, name: str | None = None) -> int:
    path = stack.visits_log.with_name(name) if name else stack.visits_log
    return path.read_bytes().count(b"\n") if path.exists() else 0


def flushed(stack: Stack, expected: int, name: str | None = None) -> None:
    """nginx writes its buffered lines when asked to reopen its logs."""
    stack.reopen_logs()
    deadline = time.monotonic() + 10
    while lines_in(stack, name) < expected:
        assert time.monotonic() < deadline, f"{lines_in(stack, name)} lines, not {expected}"
        time.sleep(0.05)


def import_visits(stack: Stack, django_db_blocker) -> None:
    with django_db_blocker.unblock():
        call_command("import_visits", "--log", str(stack.visits_log), stdout=io.StringIO())


def rows(django_db_blocker, schema: str) -> list[dict]:
    from visits.models import PageView

    with django_db_blocker.unblock(), schema_context(schema):
        return list(PageView.objects.order_by("id").values())


def test_views_through_nginx_are_counted_from_its_log(db, stack: Stack, django_db_blocker):
    # `db` first: pytest-django sets up the test database (the nodes serve its committed
    # portals); what the import writes here is rolled back with the test.
    def get(host: str, path: str, agent: str = BROWSER):
        return stack.https("GET", host, path, headers={"User-Agent": agent})

    burst = [get(SOA, "/") for _ in range(5)]
    assert all(response.status == 200 for response in burst)
    assert burst[-1].header("X-Cong-Cache") == "hit"
    # The page sends no beacon: nginx's line is the count.
    head = burst[-1].text.split("</head>")[0]
    assert "visits/beacon" not in head and "visits/counter" in head, head
    assert get(SOA, "/", BOT).status == 200
    assert get(SOA, "/admin/login/").status == 200
    assert get(SOA, "/khong-co-trang-nay/").status == 404
    static = static_manifest(stack)["visits/counter.js"]
    assert get(SOA, f"/static/{static}").status == 200
    assert get(XAB, "/").status == 200
    assert stack.https("POST", SOA, "/_v?p=1&l=vi&u=/", headers={"User-Agent": BROWSER}).status == 204
    flushed(stack, 10)  # every request but the static file's (nginx logs none of those)

    import_visits(stack, django_db_blocker)
    soa = rows(django_db_blocker, "soa")
    assert len(soa) == 5
    assert len({row["visitor"] for row in soa}) == 1
    with django_db_blocker.unblock():
        from tenants.models import Portal

        home = home_page_id(Portal.objects.get(code="soa"))
    assert {(row["path"], row["page_id"], row["language"]) for row in soa} == {("/", home, "vi")}
    assert len(rows(django_db_blocker, "xab")) == 1
    # Neither the address nginx saw nor the browser is stored.
    for row in soa:
        for value in row.values():
            assert "127.0.0.1" not in str(value) and "Mozilla" not in str(value)

    # A second import finds nothing new.
    import_visits(stack, django_db_blocker)
    assert len(rows(django_db_blocker, "soa")) == 5

    # logrotate: the log is moved away, nginx goes on writing to it until told to reopen.
    stack.visits_log.rename(stack.visits_log.with_name("cong-visits.log.1"))
    get(SOA, "/")
    get(SOA, "/", agent=BROWSER + " Edg/126.0")
    flushed(stack, 10 + 2, "cong-visits.log.1")
    get(SOA, "/")
    flushed(stack, 1)

    import_visits(stack, django_db_blocker)
    soa = rows(django_db_blocker, "soa")
    assert len(soa) == 8
    assert len({row["visitor"] for row in soa}) == 2
