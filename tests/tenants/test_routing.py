"""Requests reach the portal that owns the host name, and nothing else."""

from __future__ import annotations

import pytest

from tests.support.portals import TEST_PORTALS, client_for


@pytest.mark.django_db
@pytest.mark.parametrize("code", list(TEST_PORTALS))
def test_each_portal_serves_its_own_home_page(code):
    from tenants.models import Portal

    portal = Portal.objects.get(code=code)
    response = client_for(portal).get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{portal.name}</h1>" in html
    assert '<html lang="vi">' in html
    others = [name for other, (name, _k) in TEST_PORTALS.items() if other != code]
    assert not any(f"<h1>{name}</h1>" in html for name in others)


def test_member_portals_default_to_a_subdomain_of_the_province(province, portal_a, portal_b):
    assert province.primary_domain == "laichau.test"
    assert portal_a.primary_domain == "soa.laichau.test"
    assert portal_b.primary_domain == "xab.laichau.test"


def test_extra_domain_serves_the_same_portal(portal_a):
    response = client_for("cu-soa.example.vn").get("/")
    assert response.status_code == 200
    assert f"<h1>{portal_a.name}</h1>" in response.content.decode()


def test_host_names_are_case_insensitive(portal_a):
    response = client_for("SOA.LaiChau.Test").get("/")
    assert response.status_code == 200
    assert portal_a.name in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "host", ["khongco.laichau.test", "example.com", "laichau.test.evil.com", "portal_template"]
)
def test_unknown_hosts_get_a_plain_404_that_reveals_nothing(host):
    for path in ["/", "/admin/", "/admin/login/", "/media/soa/x.pdf", "/documents/1/x.pdf"]:
        response = client_for(host).get(path)
        assert response.status_code == 404, (host, path)
        html = response.content.decode()
        assert "Không tìm thấy trang" in html
        for code, (name, _kind) in TEST_PORTALS.items():
            assert name not in html
            assert f"{code}.laichau.test" not in html


def test_console_lives_on_the_console_domain_only(province):
    response = client_for("quantri.laichau.test").get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
    # The console is not reachable from a portal's domain.
    assert client_for(province).get("/dang-nhap/").status_code == 404
