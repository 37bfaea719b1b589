"""A page-cache hit answers with exactly the headers of the response that was kept (security
headers and policies included), is counted per portal, asks the shared cache once, and the
policies kept with a page follow the portal's settings."""

from __future__ import annotations

import pytest

from core.caching import pages, tokens
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
