"""No input a visitor can send to a public page answers a server error.

Property-based (Hypothesis): a portal filled with every section's demo content, in both
languages; every public form (question, petition, consultation comment, tracking lookup,
search and its suggestions, the e-mail subscription and its confirm and unsubscribe links)
gets malformed, missing, oversized, NUL-laden and unexpected values, and every public page
(every page type, its routed views) gets query parameters: the ones its own forms and links
use and others, with hostile values. Any answer of 500, or any exception, fails, with
Hypothesis's smallest example.

The examples are derandomised (the same inputs on every run, so CI is stable); set
CONG_FUZZ_SCALE (e.g. 10) for a larger run with fresh random inputs.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import logging
import os
import time
import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django_tenants.utils import schema_context
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.participation.factories import ConsultationPageFactory
from tests.support.participation import question_data, spam_fields
from tests.support.portals import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.slow]
log = logging.getLogger(__name__)

SCALE = int(os.environ.get("CONG_FUZZ_SCALE", "1"))
# How many inputs each test generates; together at least 2,000 per run of the suite.
BUDGET = {"forms": 800 * SCALE, "query": 1200 * SCALE}
assert sum(BUDGET.values()) >= 2000


def _settings(examples: int):
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=SCALE == 1,
        database=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


# --- Values a visitor (or a robot) may send -----------------------------------------------

HOSTILE = [
    "", " ", "\x00", "a\x00b", "%00", "0", "-1", "1.5", "1e309", "NaN", "99999999999999999999999",
    "-99999999999999999999", "2026-13-45", "31/02/2026", "00/00/0000", "9999-12-31", "0001-01-01",
    "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "\"", "\\", "%", "_", "*",
    "đ", "Đ", "Giám đốc", "Ủy ban nhân dân", "😀", "\u202e", "\ufeff", "\r\n", "\t",
    "a" * 300, "ạ" * 5000, "on", "true", "individual", "organisation", "tinh", "vi", "en",
    unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Lai Châu"),  # decomposed Vietnamese
]
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80)
VALUE = st.one_of(
    st.sampled_from(HOSTILE),
    TEXT,
    st.integers().map(str),
    st.dates().map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates().map(dt.date.isoformat),
)
VALUES = st.one_of(VALUE.map(lambda v: [v]), st.lists(VALUE, min_size=2, max_size=3))

# Parameter names known anywhere in the portal, besides those a page's own HTML shows.
KNOWN_PARAMS = [
    "q", "trang", "pham-vi", "loai", "linh_vuc", "cap", "nam", "ma", "v", "from", "da-gui",
    "trang-thai", "tu-ngay", "den-ngay", "sap-xep", "page", "lang", "utm_source", "muc",
]


class _Params(HTMLParser):
    """Names of the fields of a page's GET forms and of the query strings of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self._in_get_form = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_get_form = (attrs.get("method") or "get").lower() == "get"
        elif tag in ("input", "select", "textarea") and self._in_get_form and attrs.get("name"):
            self.names.add(attrs["name"])
        elif tag == "a" and "?" in (attrs.get("href") or ""):
            self.names.update(k for k, _v in parse_qsl(urlsplit(attrs["href"]).query, True))

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_get_form = False


def _addresses():
    """A fresh client address per example: the forms' hourly limits are per address."""
    base = int(ipaddress.ip_address("10.0.0.0"))
    count = 0

    def next_address() -> str:
        nonlocal count
        count += 1
        return str(ipaddress.ip_address(base + count))

    return next_address


# --- The portal under test ----------------------------------------------------------------


@pytest.fixture
def filled_portal(province):
    """The province portal with every section's demo content, in both languages (rolled
    back with the test)."""
    from demo.portals import DEMO_CONTENT

    started = time.monotonic()
    with schema_context(province.schema_name):
        for load_demo_content in DEMO_CONTENT:
            load_demo_content(province)
    log.info("demo content in %.0f s", time.monotonic() - started)
    as_if_committed(province)
    return province


def as_if_committed(portal) -> None:
    """Serve the portal as a visitor would meet it: with its content committed. The content
    is made in the test's transaction, which is never committed, so without this the purges
    it caused would stay pending, and every request would rebuild what a worker keeps of a
    portal (core.caching.memo: its Site, menus, settings) instead of only the page it asks
    for. The page cache key carries the whole query string, so every new input still
    reaches its view."""
    from core.caching import tokens

    tokens.clear_pending(portal.schema_name)


def _public_urls(portal) -> dict[str, set[str]]:
    """Every live page of every page type, both languages, and the routed views, each with
    the parameter names its HTML uses."""
    from wagtail.models import Page

    paths: set[str] = set()
    with schema_context(portal.schema_name):
        seen_types: dict[tuple[str, int], int] = {}
        for page in Page.objects.live().public().filter(depth__gte=2).order_by("depth", "path"):
            key = (page.locale_id, page.content_type_id)
            # Up to two pages of each type and language: enough to reach every template.
            if seen_types.get(key, 0) >= 2:
                continue
            seen_types[key] = seen_types.get(key, 0) + 1
            url = page.specific.get_url()
            if url:
                paths.add(url)
        from participation.models import QuestionIndexPage

        for index in QuestionIndexPage.objects.live():
            url = index.get_url()
            paths.update(url + suffix for suffix in ("gui-cau-hoi/", "phan-anh-kien-nghi/", "tra-cuu/"))
        from direction.models import DirectionIndexPage

        for index in DirectionIndexPage.objects.live():
            url = index.get_url()
            paths.update(url + suffix for suffix in ("lich-cong-tac/", "lich-tiep-cong-dan/"))
        for path in list(paths):
            if "/tin-tuc/" in path and path.count("/") > 3:
                paths.add(path + "in/")
                break
    paths.update({"/tim-kiem/", "/tim-kiem/goi-y/", "/en/search/", "/khong-co-trang-nay/", "/sitemap.xml",
                  "/dang-ky-nhan-tin/", "/en/dang-ky-nhan-tin/"})
    client = client_for(portal)
    urls: dict[str, set[str]] = {}
    for path in sorted(paths):
        response = client.get(path)
        assert response.status_code < 500, path
        names = set(KNOWN_PARAMS)
        if "html" in response.get("Content-Type", ""):
            parser = _Params()
            parser.feed(response.content.decode())
            names |= parser.names
        urls[path] = names
    # The open data API answers JSON: its parameters come from its own lists (opendata).
    from opendata.resources import resources

    for resource in resources().values():
        path = f"/api/v1/{resource.path}/"
        assert client.get(path).status_code == 200, path
        urls[path] = set(KNOWN_PARAMS) | {"limit", "offset", "order"} | {f.name for f in resource.filters}
    for path in ("/api/v1/", "/api/v1/openapi.json", "/api/v1/dcat.jsonld"):
        assert client.get(path).status_code == 200, path
        urls[path] = set(KNOWN_PARAMS)
    return urls


# --- Query parameters of every public page ---------------------------------------------------


def test_no_query_parameter_of_any_public_page_gives_a_server_error(filled_portal, record_property):
    urls = _public_urls(filled_portal)
    assert len(urls) >= 40, sorted(urls)  # every page type, both languages
    paths = sorted(urls)
    client = client_for(filled_portal)
    tried: list[str] = []

    @_settings(BUDGET["query"])
    @given(data=st.data())
    def check(data):
        path = data.draw(st.sampled_from(paths), label="path")
        names = sorted(urls[path])
        keys = data.draw(
            st.lists(st.one_of(st.sampled_from(names), TEXT), min_size=1, max_size=4, unique=True),
            label="names",
        )
        params = {key: data.draw(VALUES, label=key) for key in keys}
        response = client.get(path, params)
        tried.append(path)
        assert response.status_code != 500, (path, params)

    started = time.monotonic()
    check()
    record_property("generated_inputs", len(tried))
    log.info("%d query strings over %d public addresses in %.0f s, no server error",
             len(tried), len(paths), time.monotonic() - started)
    assert len(tried) >= BUDGET["query"]
    assert len(set(tried)) >= len(paths) // 2  # the draws reach most addresses


# --- Every public form ------------------------------------------------------------------


QUESTION_FIELDS = [
    "asker_type", "full_name", "position", "organisation_name", "licence_number", "address",
    "phone", "email", "topic", "title", "body", "consent",
]
SUBSCRIBE_FIELDS = ["email", "muc", "consent"]
SUBSCRIPTION_TOKENS = st.one_of(st.sampled_from(["", "a", "x" * 65, "%00", "..", "-_-"]), TEXT)
COMMENT_FIELDS = [
    "commenter_type", "full_name", "organisation_name", "address", "email", "phone", "section",
    "body", "consent",
]
UPLOADS = st.one_of(
    st.none(),
    st.builds(
        lambda name, body: SimpleUploadedFile(name, body),
        st.sampled_from(["a.pdf", "b.exe", "c.PDF", "ảnh.jpg", "x\x00.png", "....", "a" * 300]),
        st.binary(max_size=2000),
    ),
)


def _mutate(data, base: dict, fields: list[str]) -> dict:
    """A valid submission with some fields changed to hostile values or left out."""
    changed = data.draw(st.lists(st.sampled_from(fields), max_size=len(fields), unique=True), label="fields")
    for name in changed:
        if data.draw(st.booleans(), label=f"drop {name}"):
            base.pop(name, None)
        else:
            base[name] = data.draw(VALUES, label=name)
    if data.draw(st.integers(0, 9), label="token") == 0:
        base["form_token"] = data.draw(VALUE, label="form_token")
    if data.draw(st.integers(0, 19), label="honeypot") == 0:
        base["website"] = data.draw(VALUE, label="website")
    return base


def test_no_input_to_any_public_form_gives_a_server_error(province, record_property):
    # The forms need no content besides an open consultation: the empty portal will do.
    portal = province
    with schema_context(portal.schema_name):
        from participation.models import QuestionIndexPage

        now = timezone.now()
        consultation = ConsultationPageFactory(
            portal=portal, title="Dự thảo kiểm thử", slug="du-thao-kiem-thu",
            opens_at=now - dt.timedelta(days=1), closes_at=now + dt.timedelta(days=10),
        )
        consultation_url = consultation.get_url()
        questions_url = QuestionIndexPage.objects.live().first().get_url()
    forms = [
        "question", "petition", "comment", "lookup", "search", "suggest", "subscribe", "subscription-link",
    ]
    client = client_for(portal)
    address = _addresses()
    sent: dict[str, int] = dict.fromkeys(forms, 0)
    statuses: dict[int, int] = {}

    @_settings(BUDGET["forms"])
    @given(data=st.data())
    def check(data):
        form = data.draw(st.sampled_from(forms), label="form")
        extra = {"REMOTE_ADDR": address()}
        if form in ("question", "petition"):
            fields = _mutate(data, question_data(portal), QUESTION_FIELDS)
            upload = data.draw(UPLOADS, label="attachment")
            if upload is not None:
                fields["attachment"] = upload
            path = questions_url + ("gui-cau-hoi/" if form == "question" else "phan-anh-kien-nghi/")
            response = client.post(path, fields, **extra)
        elif form == "comment":
            base = {
                "commenter_type": "individual", "full_name": "Phạm Góp Ý", "email": "gopy@example.vn",
                "section": "Điều 1", "body": "Đề nghị làm rõ phạm vi điều chỉnh.", "consent": "on",
                **spam_fields(portal, "comment"),
            }
            response = client.post(consultation_url, _mutate(data, base, COMMENT_FIELDS), **extra)
        elif form == "subscribe":
            base = {"email": "dan@example.vn", "muc": "loai-van-ban:nghi-quyet", "consent": "on",
                    **spam_fields(portal, "subscription")}
            response = client.post("/dang-ky-nhan-tin/", _mutate(data, base, SUBSCRIBE_FIELDS), **extra)
        elif form == "subscription-link":
            token = quote(data.draw(SUBSCRIPTION_TOKENS, label="token"), safe="")
            link = data.draw(st.sampled_from(["xac-nhan", "huy"]), label="link")
            path = f"/dang-ky-nhan-tin/{link}/{token}/"
            if data.draw(st.booleans(), label="post"):
                bodies = ["List-Unsubscribe=One-Click", "hanh-dong=xoa", "", "\x00"]
                body = data.draw(st.sampled_from(bodies), label="body")
                response = client.post(path, body, content_type="application/x-www-form-urlencoded", **extra)
            else:
                response = client.get(path, **extra)
        elif form == "lookup":
            response = client.get(questions_url + "tra-cuu/", {"ma": data.draw(VALUES, label="ma")}, **extra)
        else:
            path = "/tim-kiem/" if form == "search" else "/tim-kiem/goi-y/"
            params = {"q": data.draw(VALUES, label="q"), "pham-vi": data.draw(VALUES, label="pham-vi")}
            response = client.get(path, params, **extra)
        sent[form] += 1
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        assert response.status_code != 500, (form, response.content[:500])

    started = time.monotonic()
    check()
    total = sum(sent.values())
    record_property("generated_inputs", total)
    log.info("%d form submissions %s in %.0f s; answers %s",
             total, sent, time.monotonic() - started, statuses)
    assert total >= BUDGET["forms"]
    assert all(count >= BUDGET["forms"] // 20 for count in sent.values()), sent
    # Not only refusals: the inputs reach the forms' validation and some are accepted.
    assert statuses.get(200, 0) > total // 4, statuses
