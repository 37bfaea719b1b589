"""robots.txt and sitemap.xml name the host the request came to, on every portal."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.support.portals import client_for


@pytest.mark.parametrize("code", ["tinhthu", "soa", "xab"])
def test_each_portal_robots_txt_names_its_own_sitemap(db, code):
    from tenants.models import Portal

    host = Portal.objects.get(code=code).primary_domain
    response = client_for(host).get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /admin/" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert f"Sitemap: http://{host}/sitemap.xml" in lines
    assert [line for line in lines if line.startswith("Sitemap:")] == [
        f"Sitemap: http://{host}/sitemap.xml"
    ]


def test_robots_txt_keeps_the_port_and_the_scheme_of_the_request(portal_a):
    body = client_for("soa.laichau.test:8000").get("/robots.txt", secure=True).content.decode()
    assert "Sitemap: https://soa.laichau.test:8000/sitemap.xml" in body


def _locations(host: str, **extra) -> list[str]:
    response = client_for(host).get("/sitemap.xml", **extra)
    assert response.status_code == 200
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_sitemap_lists_that_portal_pages_on_that_portal_host_only(portal_a, portal_b):
    for portal in (portal_a, portal_b):
        host = portal.primary_domain
        locations = _locations(host)
        assert f"http://{host}/" in locations
        assert f"http://{host}/tin-tuc/" in locations
        assert {urlsplit(loc).netloc for loc in locations} == {host}
        assert all(loc.startswith("http://") for loc in locations)


def test_sitemap_follows_the_port_scheme_and_domain_the_portal_was_reached_by(portal_a):
    assert set(map(lambda u: urlsplit(u)[:2], _locations("soa.laichau.test:8000", secure=True))) == {
        ("https", "soa.laichau.test:8000")
    }
    # The portal's other domain: the sitemap stays on the host that serves it.
    assert {urlsplit(u).netloc for u in _locations("cu-soa.example.vn")} == {"cu-soa.example.vn"}


def test_sitemap_leaves_out_draft_and_other_portals_pages(portal_a, portal_b):
    from tests.news.factories import NewsArticlePageFactory

    NewsArticlePageFactory(portal=portal_b, title="Tin của xã B", slug="tin-cua-xa-b")
    NewsArticlePageFactory(portal=portal_b, title="Bản nháp", slug="ban-nhap", live=False)
    assert "http://xab.laichau.test/tin-tuc/tin-cua-xa-b/" in _locations("xab.laichau.test")
    assert not any("ban-nhap" in loc for loc in _locations("xab.laichau.test"))
    assert not any("tin-cua-xa-b" in loc for loc in _locations("soa.laichau.test"))
