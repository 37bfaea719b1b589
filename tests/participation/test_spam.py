"""The spam check cannot be answered from the form: a signed, single-use, time-bound token,
a honeypot, and per-address limits counted in the shared cache for the real client behind
our proxy."""

from __future__ import annotations

import re
import time

from django_tenants.utils import schema_context

from participation import spam
from tests.support.participation import question_data, spam_fields, submit
from tests.support.portals import client_for

FORM = "/hoi-dap/gui-cau-hoi/"


def stored(portal) -> int:
    from participation.models import Question

    with schema_context(portal.schema_name):
        return Question.objects.count()


def token_in(html: str) -> str:
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def test_the_form_asks_nothing_and_carries_a_signed_token(portal_a):
    response = client_for(portal_a).get(FORM)
    html = response.content.decode()
    token = spam.read_token(token_in(html))
    assert token is not None and token.purpose == "question" and token.schema == portal_a.schema_name
    assert abs(token.issued_at - time.time()) < 30
    # One visitor's token: never kept by a shared cache.
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_token_is_used_once(portal_a):
    data = question_data(portal_a, email="")
    client = client_for(portal_a)
    assert "tracking-code" in client.post(FORM, data).content.decode()
    again = client.post(FORM, data)
    html = again.content.decode()
    assert again.status_code == 200
    assert "đã được gửi trước đó" in html
    assert "Thủ tục đăng ký hộ kinh doanh" in html  # what was typed is kept
    assert token_in(html) != data["form_token"]  # and a fresh token offered
    assert stored(portal_a) == 1


def test_a_form_sent_at_once_is_refused_until_a_moment_has_passed(portal_a):
    data = question_data(portal_a, email="", **spam_fields(portal_a, age=0))
    response = client_for(portal_a).post(FORM, data)
    html = response.content.decode()
    assert response.status_code == 200 and "quá nhanh" in html
    assert token_in(html) == data["form_token"]  # the same token works once it is old enough
    assert stored(portal_a) == 0


def test_an_old_form_is_refused_and_renewed(portal_a):
    data = question_data(portal_a, email="", **spam_fields(portal_a, age=spam.MAX_AGE_SECONDS + 5))
    html = client_for(portal_a).post(FORM, data).content.decode()
    assert "quá 2 giờ" in html and "Thủ tục đăng ký hộ kinh doanh" in html
    fresh = spam.read_token(token_in(html))
    assert fresh is not None and time.time() - fresh.issued_at < 30
    assert stored(portal_a) == 0


def test_forged_or_foreign_tokens_are_refused(portal_a, portal_b):
    forged = question_data(portal_a, email="", form_token="eyJpZCI6ImFiYyJ9:forged")
    response = client_for(portal_a).post(FORM, forged)
    assert response.status_code == 400 and "Không gửi được nội dung" in response.content.decode()
    other_portal = question_data(portal_a, email="", **spam_fields(portal_b))
    assert client_for(portal_a).post(FORM, other_portal).status_code == 400
    other_form = question_data(portal_a, email="", **spam_fields(portal_a, purpose="comment"))
    assert client_for(portal_a).post(FORM, other_form).status_code == 400
    missing = {k: v for k, v in question_data(portal_a, email="").items() if k != "form_token"}
    assert client_for(portal_a).post(FORM, missing).status_code == 400
    assert stored(portal_a) == 0


def set_limit(portal, per_hour: int) -> None:
    from wagtail.models import Site

    from participation.models import ParticipationSettings

    with schema_context(portal.schema_name):
        settings = ParticipationSettings.for_site(Site.objects.get(is_default_site=True))
        settings.submissions_per_hour = per_hour
        settings.save()


def test_twenty_citizens_behind_our_proxy_are_counted_apart(portal_a):
    set_limit(portal_a, 1)
    for n in range(20):
        response = client_for(portal_a).post(
            FORM, question_data(portal_a, email="", title=f"Câu hỏi {n}"),
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 1}",
        )
        assert response.status_code == 200 and "tracking-code" in response.content.decode(), n
    assert stored(portal_a) == 20
    # The first citizen's second question is over their own limit.
    again = client_for(portal_a).post(
        FORM, question_data(portal_a, email=""),
        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1",
    )
    assert again.status_code == 429
    assert "Thủ tục đăng ký hộ kinh doanh" in again.content.decode()  # nothing typed is lost
    with schema_context(portal_a.schema_name):
        from participation.models import Question

        addresses = set(Question.objects.values_list("submitter_ip", flat=True))
    assert addresses == {f"203.0.113.{n + 1}" for n in range(20)}


def test_a_client_that_is_not_our_proxy_cannot_choose_its_address(portal_a):
    set_limit(portal_a, 2)
    for n in range(2):
        response = client_for(portal_a).post(
            FORM, question_data(portal_a, email=""),
            REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR=f"203.0.113.{n + 50}",
        )
        assert response.status_code == 200
    # A new X-Forwarded-For each time changes nothing: the peer's own address is counted.
    response = client_for(portal_a).post(
        FORM, question_data(portal_a, email=""),
        REMOTE_ADDR="198.51.100.7", HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    assert response.status_code == 429
    # Through our proxy, a client's own X-Forwarded-For entries are ignored: only the address
    # the proxy appended (the right-most one) counts.
    for n in range(2):
        client_for(portal_a).post(
            FORM, question_data(portal_a, email=""),
            REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"10.{n}.0.1, 192.0.2.44",
        )
    spoofed = client_for(portal_a).post(
        FORM, question_data(portal_a, email=""),
        REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, 192.0.2.44",
    )
    assert spoofed.status_code == 429
    assert stored(portal_a) == 4


def test_tracking_code_lookups_are_limited_per_client(portal_a):
    from participation.views.public import LOOKUPS_PER_HOUR

    url = "/hoi-dap/tra-cuu/"
    for _n in range(LOOKUPS_PER_HOUR):
        response = client_for(portal_a).get(url, {"ma": "KHONGCOMA1"}, HTTP_X_FORWARDED_FOR="192.0.2.10")
        assert response.status_code == 200
    limited = client_for(portal_a).get(url, {"ma": "KHONGCOMA1"}, HTTP_X_FORWARDED_FOR="192.0.2.10")
    assert limited.status_code == 429
    other = client_for(portal_a).get(url, {"ma": "KHONGCOMA1"}, HTTP_X_FORWARDED_FOR="192.0.2.11")
    assert other.status_code == 200


def test_the_honeypot_still_catches_robots(portal_a):
    response = submit(portal_a, website="http://spam.example")
    assert response.status_code == 400
    assert stored(portal_a) == 0
