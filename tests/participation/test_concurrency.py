"""Dozens of citizens submitting at the same moment, through a real HTTP server: every
submission is stored exactly once, each with its own tracking code."""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.db import connection
from django.test.testcases import LiveServerThread

from django_tenants.utils import schema_context

from .conftest import question_data

SUBMISSIONS = 30
HOST = "xab.laichau.test"
TITLE = "Câu hỏi gửi đồng thời số"


def _post_question(base: str, number: int, results: dict, barrier: threading.Barrier) -> None:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(path: str, data: dict | None = None) -> str:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        req = urllib.request.Request(base + path, data=body, headers={"Host": HOST})
        with opener.open(req, timeout=60) as response:
            return response.read().decode()

    try:
        form = request("/hoi-dap/gui-cau-hoi/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        data = question_data(email="", title=f"{TITLE} {number}", csrfmiddlewaretoken=token)
        barrier.wait(timeout=60)  # everyone sends at once
        page = request("/hoi-dap/gui-cau-hoi/", data)
        code = re.search(r'class="tracking-code"[^>]*>\s*([A-Z0-9]+)', page)
        results[number] = code.group(1) if code else page
    except Exception as exc:  # reported by the test, not lost in the thread
        results[number] = exc


@pytest.fixture
def live_portal(django_db_setup, django_db_blocker):
    """A live server answering for the committed test portals, and the limit per IP lifted
    for the portal under test (all requests come from 127.0.0.1)."""
    from wagtail.models import Site

    from participation.models import ParticipationSettings, Question

    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"].startswith("test_")
        with schema_context("xab"):
            settings = ParticipationSettings.for_site(Site.objects.get(is_default_site=True))
            previous = settings.submissions_per_hour
            settings.submissions_per_hour = 1000
            settings.save()
        connection.set_schema_to_public()
        server = LiveServerThread("127.0.0.1", StaticFilesHandler, port=0)
        server.daemon = True
        server.start()
        server.is_ready.wait()
        try:
            yield f"http://127.0.0.1:{server.port}"
        finally:
            server.terminate()
            server.join(timeout=10)
            with schema_context("xab"):
                Question.objects.filter(title__startswith=TITLE).delete()
                settings.submissions_per_hour = previous
                settings.save()
            connection.set_schema_to_public()


def test_simultaneous_submissions_are_each_stored_exactly_once(live_portal, django_db_blocker):
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
    with django_db_blocker.unblock(), schema_context("xab"):
        stored = list(
            Question.objects.filter(title__startswith=TITLE).values_list("title", "tracking_code")
        )
    titles = sorted(title for title, _code in stored)
    assert titles == sorted(f"{TITLE} {n}" for n in range(SUBMISSIONS))  # each exactly once
    codes = {code for _title, code in stored}
    assert len(codes) == SUBMISSIONS
    assert codes == set(results.values())  # every citizen was shown their own code
