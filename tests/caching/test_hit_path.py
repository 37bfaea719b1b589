"""A page-cache hit answers with exactly the headers of the response that was kept (security
headers and policies included), is counted per portal, asks the shared cache once, and the
policies kept with a page follow the portal's settings; the development file cache keeps
Django's cache semantics."""

from __future__ import annotations

import time

import pytest

from django.core.cache.backends.base import DEFAULT_TIMEOUT

from core.caching import pages, tokens
from core.caching.filecache import FileCache
from tests.support.portals import client_for

# Headers that belong to one response, not to the page.
PER_RESPONSE = {"x-cong-cache", "age", "x-request-id", "date"}
EMC = "https://f-emc.ngsp.gov.vn"


def kept_headers(response) -> dict[str, str]:
    return {k.lower(): v for k, v in response.items() if k.lower() not in PER_RESPONSE}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/tin-tuc/", "/khong-co-trang-nay/"])
def test_a_hit_carries_the_headers_of_the_kept_response(portal_a, path):
    client = client_for(portal_a)
    miss = client.get(path)
    hit = client.get(path)
    assert (miss[pages.STATUS_HEADER], hit[pages.STATUS_HEADER]) == ("miss", "hit")
    assert kept_headers(hit) == kept_headers(miss)
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options",
                 "X-Content-Type-Options", "Referrer-Policy", "Cache-Control", "Content-Type"):
        assert hit[name], name
    assert hit["X-Request-ID"] != miss["X-Request-ID"]


@pytest.mark.django_db
def test_a_hit_is_counted_for_its_portal(portal_a):
    from prometheus_client import REGISTRY

    def answered() -> float:
        labels = {"portal": portal_a.code, "status": "2xx"}
        return REGISTRY.get_sample_value("cong_http_requests_total", labels) or 0

    client = client_for(portal_a)
    client.get("/")
    before = answered()
    assert client.get("/")[pages.STATUS_HEADER] == "hit"
    assert answered() == before + 1


@pytest.mark.django_db
def test_a_hit_asks_the_shared_cache_once(portal_a, monkeypatch, settings):
    settings.CONG_REGISTRY_RECHECK_SECONDS = 60  # the host map's own check is not the page's
    client = client_for(portal_a)
    client.get("/tin-tuc/")
    cache = tokens.shared_cache()
    calls: list[str] = []
    depth = [0]  # a backend's get_many may call its own get: one request all the same
    for name in ("get", "get_many", "add", "set", "set_many", "has_key"):
        original = getattr(cache, name)

        def counted(*args, _name=name, _original=original, **kwargs):
            if not depth[0]:
                calls.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    assert client.get("/tin-tuc/")[pages.STATUS_HEADER] == "hit"
    assert calls == ["get_many"]


@pytest.mark.django_db
def test_the_kept_policy_follows_the_portals_settings(portal_a, django_capture_on_commit_callbacks):
    client = client_for(portal_a)
    client.get("/")
    assert EMC not in client.get("/")["Content-Security-Policy"]
    with django_capture_on_commit_callbacks(execute=True):
        _configure_emc(portal_a)
    fresh = client.get("/")
    assert fresh[pages.STATUS_HEADER] == "miss"
    assert EMC in fresh["Content-Security-Policy"]
    assert EMC in client.get("/")["Content-Security-Policy"]


def _configure_emc(portal) -> None:
    from django_tenants.utils import schema_context

    from wagtail.models import Site

    from visits.models import VisitSettings

    with schema_context(portal.schema_name):
        setting = VisitSettings.for_site(Site.objects.get(is_default_site=True))
        setting.emc_site_id, setting.emc_url = "20261", EMC
        setting.full_clean()
        setting.save()


# --- The development file cache ------------------------------------------------------------


@pytest.fixture
def file_cache(tmp_path) -> FileCache:
    return FileCache(str(tmp_path), {"TIMEOUT": 300})


def test_the_file_cache_keeps_values_until_they_expire(file_cache):
    page = (2, 200, (("Content-Type", "text/html; charset=utf-8"),), "Trang chủ".encode() * 5000)
    file_cache.set("page:a", page, 1)
    file_cache.set("tok:a:portal", -123, None)
    assert file_cache.get("page:a") == page
    assert file_cache.get_many(["page:a", "tok:a:portal", "khong-co"]) == {
        "page:a": page, "tok:a:portal": -123,
    }
    assert file_cache.has_key("page:a") and not file_cache.has_key("khong-co")
    assert not file_cache.add("tok:a:portal", 5) and file_cache.add("tok:a:home", 5)
    time.sleep(1.1)
    assert file_cache.get("page:a", "het-han") == "het-han"
    assert not file_cache.has_key("page:a")
    assert file_cache.get("tok:a:portal") == -123  # no time to live: kept


def test_the_file_cache_touch_delete_and_clear(file_cache):
    file_cache.set("tok:a:page:3", 7, 1)
    assert file_cache.touch("tok:a:page:3", None)
    time.sleep(1.1)
    assert file_cache.get("tok:a:page:3") == 7
    assert not file_cache.touch("khong-co", DEFAULT_TIMEOUT)
    assert file_cache.delete("tok:a:page:3") and file_cache.get("tok:a:page:3") is None
    file_cache.set("x", 1)
    file_cache.clear()
    assert file_cache.get("x") is None


def test_a_file_of_another_format_is_a_miss(file_cache):
    file_cache.set("page:a", "moi")
    path = file_cache._key_to_file("page:a")
    with open(path, "wb") as f:
        f.write(b"\x80\x04\x95old format")
    assert file_cache.get("page:a") is None and not file_cache.has_key("page:a")
    open(path, "wb").close()
    assert file_cache.get("page:a") is None


@pytest.mark.django_db
def test_pages_kept_in_files_are_served_and_purged(
    portal_a, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.CACHES = {**settings.CACHES, "pages": {
        "BACKEND": "core.caching.filecache.FileCache", "LOCATION": str(tmp_path), "KEY_PREFIX": "cong",
    }}
    assert isinstance(tokens.shared_cache(), FileCache)
    client = client_for(portal_a)
    miss = client.get("/")
    hit = client.get("/")
    assert (miss[pages.STATUS_HEADER], hit[pages.STATUS_HEADER]) == ("miss", "hit")
    assert hit.content == miss.content and kept_headers(hit) == kept_headers(miss)
    with django_capture_on_commit_callbacks(execute=True):
        _configure_emc(portal_a)
    fresh = client.get("/")
    assert fresh[pages.STATUS_HEADER] == "miss" and EMC in fresh["Content-Security-Policy"]


# --- Where a hit is answered ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_hit_is_answered_before_the_portal_routing(portal_a, monkeypatch):
    from tenants.middleware import PortalMiddleware

    client = client_for(portal_a)
    client.get("/tin-tuc/")
    routed: list[str] = []
    original = PortalMiddleware.process_request

    def routing(self, request):
        routed.append(request.path)
        return original(self, request)

    monkeypatch.setattr(PortalMiddleware, "process_request", routing)
    hit = client.get("/tin-tuc/")
    assert hit[pages.STATUS_HEADER] == "hit" and routed == []
    assert client.get("/tin-tuc/?trang=2").status_code == 200 and routed == ["/tin-tuc/"]


@pytest.mark.django_db
def test_a_suspended_portal_is_not_served_from_the_cache(portal_a, django_capture_on_commit_callbacks):
    client = client_for(portal_a)
    client.get("/")
    assert client.get("/")[pages.STATUS_HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        portal_a.status = portal_a.Status.SUSPENDED
        portal_a.save(update_fields=["status"])
    try:
        gone = client.get("/")
        assert gone.status_code == 404 and pages.STATUS_HEADER not in gone.headers
    finally:
        with django_capture_on_commit_callbacks(execute=True):
            portal_a.status = portal_a.Status.ACTIVE
            portal_a.save(update_fields=["status"])


@pytest.mark.django_db
def test_an_outage_while_finding_the_portal_is_the_chains_503(portal_a, monkeypatch):
    """The database unreachable when the cache asks which portal a host is: the request goes
    on down the chain, whose answer (the maintenance page) carries every security header;
    the monitoring endpoints still answer."""
    from django.db import OperationalError

    from tenants.directory import directory

    def unreachable(hostname, **_kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr(directory, "portal_for_host", unreachable)
    client = client_for(portal_a)
    client.raise_request_exception = False  # answered as a visitor sees it
    response = client.get("/tin-tuc/")
    assert response.status_code == 503 and response["Retry-After"]
    for name in ("X-Content-Type-Options", "X-Frame-Options", "Content-Security-Policy", "X-Request-ID"):
        assert response[name], name
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_a_page_cache_failure_still_answers_the_page(portal_a, monkeypatch):
    client = client_for(portal_a)

    def down(*args, **kwargs):
        raise ConnectionError("cache server unreachable")

    monkeypatch.setattr(pages, "lookup", down)
    response = client.get("/")
    assert response.status_code == 200 and pages.STATUS_HEADER not in response.headers
    assert response["Content-Security-Policy"] and response["X-Frame-Options"]
    monkeypatch.undo()
    monkeypatch.setattr(pages, "store", down)
    response = client.get("/gioi-thieu/")
    assert response.status_code == 200 and pages.STATUS_HEADER not in response.headers
