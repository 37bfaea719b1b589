"""Counting page views from nginx's visits log (visits.importer), on log files written here in
nginx's `cong_visits` format; tests/deploy/test_visits_log.py does the same through a real
nginx. And the "access_log" mode of the pages and of /_v."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest
from django_tenants.utils import schema_context

from django.core.management import call_command
from django.utils import timezone

from tests.support.portals import client_for, home_page_id

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36"
ADDRESS = "203.0.113.45"

pytestmark = pytest.mark.django_db


def line(host="soa.laichau.test", uri="/", status=200, method="GET", content="text/html; charset=utf-8",
         agent=BROWSER, ip=ADDRESS, referrer="") -> str:
    entry = {"t": timezone.localtime().isoformat(timespec="seconds"), "h": host, "m": method, "u": uri,
             "s": status, "c": content, "r": referrer, "a": agent, "ip": ip}
    return json.dumps(entry) + "\n"


def write(path, *lines: str, mode: str = "a") -> None:
    with open(path, mode) as handle:
        handle.write("".join(lines))


def views(portal) -> list[dict]:
    from visits.models import PageView

    with schema_context(portal.schema_name):
        return list(PageView.objects.order_by("id").values())


def run(path) -> None:
    call_command("import_visits", "--log", str(path), stdout=open(os.devnull, "w"))


def test_visitors_page_views_are_counted_and_nothing_else(portal_a, portal_b, tmp_path):
    log = tmp_path / "cong-visits.log"
    write(
        log,
        *[line(referrer="https://www.google.com/search?q=x") for _ in range(6)],
        line(uri="/?trang=2", ip="198.51.100.7"),
        line(uri="/en/", agent=BROWSER + " Firefox"),
        line(host="xab.laichau.test"),
        # Not counted: a bot, no browser string, static, admin, media, the beacon, feeds,
        # a 404, a redirect, a POST, JSON, an unknown host, a broken line.
        line(agent="Mozilla/5.0 (compatible; Googlebot/2.1)"), line(agent=""),
        line(uri="/static/css/site.css", content="text/css"), line(uri="/admin/login/"),
        line(uri="/media/soa/a.pdf", content="application/pdf"),
        line(uri="/_v/counts", content="application/json"),
        line(uri="/tin-tuc/rss/", content="application/rss+xml"), line(uri="/khong-co/", status=404),
        line(uri="/gioi-thieu", status=301), line(method="POST"),
        line(uri="/sitemap.xml", content="text/html"),
        line(host="khong-co.laichau.test"),
        "{not json\n",
    )
    run(log)

    rows = views(portal_a)
    assert len(rows) == 8
    home = home_page_id(portal_a)
    # One browser at one address is one visitor, however many pages it sees.
    assert len({row["visitor"] for row in rows[:6]}) == 1
    assert len({row["visitor"] for row in rows}) == 3
    assert rows[0]["page_id"] == home and rows[0]["path"] == "/" and rows[0]["language"] == "vi"
    assert rows[0]["referrer"] == "www.google.com"
    assert rows[6]["path"] == "/"  # the query string is not kept
    assert rows[7]["language"] == "en" and rows[7]["path"] == "/en/"
    assert rows[0]["day"] == timezone.localdate()
    for row in rows:
        for value in row.values():
            assert ADDRESS not in str(value) and "198.51.100.7" not in str(value)
            assert "Mozilla" not in str(value)
    assert len(views(portal_b)) == 1

    # Run again: nothing new in the log, nothing counted twice.
    run(log)
    assert len(views(portal_a)) == 8
    # A line nginx has not finished is left for the next run.
    write(log, line(), line().rstrip("\n"))
    run(log)
    assert len(views(portal_a)) == 9
    write(log, "\n")
    run(log)
    assert len(views(portal_a)) == 10


def test_a_rotated_log_is_followed(portal_a, tmp_path):
    log = tmp_path / "cong-visits.log"
    write(log, line(), line())
    run(log)
    assert len(views(portal_a)) == 2
    # logrotate moves the file away; nginx writes a little more to it, then opens a new one.
    write(log, line())
    os.rename(log, tmp_path / "cong-visits.log.1")
    write(tmp_path / "cong-visits.log.1", line())
    write(log, line(), line(), line())
    run(log)
    assert len(views(portal_a)) == 2 + 2 + 3
    # Rotated again, the old file gone (compressed): the new file from its start.
    os.rename(log, tmp_path / "cong-visits.log.1")
    os.remove(tmp_path / "cong-visits.log.1")
    write(log, line(), line())
    run(log)
    assert len(views(portal_a)) == 9
    # Copied and truncated in place (copytruncate): shorter than the position, read from 0.
    write(log, line(), mode="w")
    run(log)
    assert len(views(portal_a)) == 10


def test_a_missing_log_counts_nothing(tmp_path):
    run(tmp_path / "nothing-here.log")


def test_yesterdays_lines_count_on_their_own_day(portal_a, tmp_path):
    log = tmp_path / "cong-visits.log"
    yesterday = timezone.localtime() - dt.timedelta(days=1)
    entry = json.loads(line())
    entry["t"] = yesterday.isoformat(timespec="seconds")
    write(log, json.dumps(entry) + "\n")
    run(log)
    assert [row["day"] for row in views(portal_a)] == [yesterday.date()]


def test_in_access_log_mode_pages_send_no_beacon_and_it_counts_nothing(portal_a, settings):
    settings.CONG_VISITS_SOURCE = "access_log"
    client = client_for(portal_a)
    html = client.get("/").content.decode()
    assert "visits/beacon.js" not in html
    # The footer's counter still gets its figures.
    assert 'src="/static/visits/counter.js' in html and 'data-visit-counts="/_v/counts"' in html
    response = client.post(f"/_v?p={home_page_id(portal_a)}&l=vi&u=/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 204
    assert views(portal_a) == []
    assert client.get("/_v/counts").json()["shown"] is True


def test_the_import_runs_every_minute_in_access_log_mode_only():
    import subprocess
    import sys

    from tenants.jobs import periodic_jobs
    from tests.servers import ROOT

    # This process runs with the default ("beacon"): no import job.
    assert "visits_import" not in {job.name for job in periodic_jobs()}
    probe = (
        "import django; django.setup(); from tenants.jobs import periodic_jobs; "
        "job = next(j for j in periodic_jobs() if j.name == 'visits_import'); "
        "print(job.every.total_seconds(), job.per_portal, job.args)"
    )
    env = {**os.environ, "CONG_VISITS_SOURCE": "access_log", "DJANGO_SETTINGS_MODULE": "cong.settings.test",
           "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'platform'}"}
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=ROOT, capture_output=True, text=True)
    assert out.stdout.strip() == "60.0 False ('import_visits',)", out.stderr[-2000:]
