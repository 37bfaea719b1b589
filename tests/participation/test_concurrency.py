"""Dozens of citizens submitting at the same moment, through a real HTTP server: every
submission is stored exactly once, each with its own tracking code."""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest
from django_tenants.utils import schema_context

from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from tests.support.participation import question_data

SUBMISSIONS = 30
HOST = "xab.laichau.test"
TITLE = "Câu hỏi gửi đồng thời số"


class _Server(ThreadedWSGIServer):
    # The standard listen backlog (5) would refuse a burst of simultaneous connections
    # before the application sees them; gunicorn's is 2048.
    request_queue_size = 128


class _LiveServer(LiveServerThread):
    server_class = _Server


def _post_question(base: str, number: int, results: dict, barrier: threading.Barrier) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(path: str, data: dict | None = None) -> str:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        headers = {"Host": HOST, "X-Forwarded-For": f"10.43.0.{number + 1}"}
        req = urllib.request.Request(base + path, data=body, headers=headers)
        with opener.open(req, timeout=60) as response:
            return response.read().decode()

    try:
        form = request("/hoi-dap/gui-cau-hoi/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = question_data("xab", email="", title=f"{TITLE} {number}", csrfmiddlewaretoken=token)
        barrier.wait(timeout=60)  # everyone sends at once
        page = request("/hoi-dap/gui-cau-hoi/", data)
        code = re.search(r'class="tracking-code"[^>]*>\s*([A-Z0-9]+)', page)
        results[number] = code.group(1) if code else page
    except Exception as exc:  # reported by the test, not lost in the thread
        results[number] = exc


def _in_own_connection(work) -> None:
    """Run `work` on a thread of its own, so it has its own database connection that
    commits at once (the test's connection is inside the test's transaction)."""
    errors = []

    def run():
        from django.db import connections

        try:
            work()
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(timeout=60)
    if errors:
        raise errors[0]


def _delete_submissions() -> None:
    from participation.models import Question

    with schema_context("xab"):
        Question.objects.filter(title__startswith=TITLE).delete()


@pytest.fixture
def live_portal(settings):
    """A live server answering for the committed test portals. It trusts X-Forwarded-For as
    behind the project's nginx, so each simulated citizen has an address of their own (the
    per-address limit stays in force)."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    server = _LiveServer("127.0.0.1", StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.terminate()
        server.join(timeout=10)
        _in_own_connection(_delete_submissions)


@pytest.mark.django_db
def test_simultaneous_submissions_are_each_stored_exactly_once(live_portal):
    from participation.models import Question

    results: dict[int, object] = {}
    barrier = threading.Barrier(SUBMISSIONS)
    threads = [
        threading.Thread(target=_post_question, args=(live_portal, n, results, barrier))
        for n in range(SUBMISSIONS)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    failures = {n: r for n, r in results.items() if not isinstance(r, str) or len(r) > 20}
    assert not failures, {n: str(r)[:300] for n, r in failures.items()}
    with schema_context("xab"):
        stored = list(
            Question.objects.filter(title__startswith=TITLE).values_list("title", "tracking_code")
        )
    titles = sorted(title for title, _code in stored)
    assert titles == sorted(f"{TITLE} {n}" for n in range(SUBMISSIONS))  # each exactly once
    codes = {code for _title, code in stored}
    assert len(codes) == SUBMISSIONS
    assert codes == set(results.values())  # every citizen was shown their own code
