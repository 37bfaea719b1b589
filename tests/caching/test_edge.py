"""The edge: Debian's Varnish with deploy/varnish/default.vcl in front of the app (a live
server thread), purged by the app on commit: a publish makes the next request through the
edge fresh, and another portal's pages stay at the edge.

Needs varnishd (apt-get install varnish); skipped without it unless CONG_REQUIRE_EDGE is set.
"""

from __future__ import annotations

import http.client
import subprocess
import tempfile
import threading
from pathlib import Path

import pytest
from django_tenants.utils import schema_context

from django.conf import settings
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection
from django.test.testcases import LiveServerThread

from tests.caching.conftest import CODE
from tests.servers import free_port, port_open, require_binary, stop, wait_for

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"


@pytest.fixture(scope="module")
def edge(demo_portal):
    """(port of Varnish, its log) in front of a live server of the app."""
    varnishd = require_binary("/usr/sbin/varnishd", "CONG_REQUIRE_EDGE", "varnish")
    server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    with tempfile.TemporaryDirectory(prefix="cong-varnish-") as workdir:
        vcl = Path(workdir) / "default.vcl"
        vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{server.port}";'))
        port = free_port()
        process = subprocess.Popen(
            [varnishd, "-F", "-j", "none", "-n", workdir, "-a", f"127.0.0.1:{port}",
             "-f", str(vcl), "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01"],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        )
        try:
            wait_for(lambda: port_open(port), "varnishd", process, timeout=30)
            yield port
        finally:
            stop(process)
            server.terminate()
            server.join(timeout=10)


def fetch(port: int, host: str, path: str = "/", cookie: str = "") -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Host": host}
    if cookie:
        headers["Cookie"] = cookie
    conn.request("GET", path, headers=headers)
    response = conn.getresponse()
    body = response.read().decode()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


def committed_elsewhere(work) -> None:
    """Run `work` as another worker would: its own connection, committed when it returns
    (the test's own connection stays inside the test's transaction)."""
    errors = []

    def run() -> None:
        try:
            work()
        except BaseException as exc:  # reported in the test's thread
            errors.append(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=120)
    if errors:
        raise errors[0]


@pytest.fixture
def purging_edge(edge, settings):
    settings.CONG_EDGE_PURGE_URLS = [f"http://127.0.0.1:{edge}"]
    return edge


def test_a_publish_makes_the_next_request_through_the_edge_fresh(purging_edge, demo_portal, portal_b):
    port = purging_edge
    host, other = demo_portal.primary_domain, portal_b.primary_domain
    for target in (host, other):
        status, headers, _body = fetch(port, target, "/tin-tuc/")
        assert status == 200
        status, headers, _body = fetch(port, target, "/tin-tuc/")
        assert headers["x-edge-cache"] == "hit", target
        # The edge keeps its bookkeeping to itself.
        assert "x-cong-tags" not in headers and "x-cong-portal" not in headers

    # Published and committed by another worker: the app purges the edge on commit.
    from tests.news.factories import NewsArticlePageFactory

    def publish() -> None:
        with schema_context(CODE):
            NewsArticlePageFactory(title="Tin qua bộ đệm biên").save_revision().publish()

    committed_elsewhere(publish)

    status, headers, body = fetch(port, host, "/tin-tuc/")
    assert headers["x-edge-cache"] == "miss"
    assert "Tin qua bộ đệm biên" in body
    status, headers, body = fetch(port, host, "/tin-tuc/")
    assert headers["x-edge-cache"] == "hit" and "Tin qua bộ đệm biên" in body
    # The other portal's page never left the edge.
    status, headers, _body = fetch(port, other, "/tin-tuc/")
    assert headers["x-edge-cache"] == "hit"


def test_the_edge_answers_no_visitor_with_a_session(purging_edge, demo_portal):
    edge = purging_edge
    host = demo_portal.primary_domain
    fetch(edge, host, "/gioi-thieu/")
    status, headers, _body = fetch(edge, host, "/gioi-thieu/", cookie="sessionid=abc")
    assert headers["x-edge-cache"] == "miss"  # passed to the app
    status, headers, _body = fetch(edge, host, "/gioi-thieu/", cookie="csrftoken=abc")
    assert headers["x-edge-cache"] == "hit"  # the CSRF cookie changes no kept page


def test_the_edge_keeps_no_page_with_a_form(edge, demo_portal):
    host = demo_portal.primary_domain
    tokens = set()
    for _ in range(2):
        status, headers, body = fetch(edge, host, "/hoi-dap/gui-cau-hoi/")
        assert status == 200 and headers["x-edge-cache"] == "miss"
        assert "set-cookie" in headers
        tokens.add(body.split('name="csrfmiddlewaretoken" value="')[1].split('"')[0])
    assert len(tokens) == 2


def test_only_the_apps_nodes_may_purge(edge):
    conn = http.client.HTTPConnection("127.0.0.1", edge, timeout=10)
    conn.request("BAN", "/", headers={"X-Cong-Portal": "soa; rm"})
    assert conn.getresponse().status == 400
    conn.close()
