"""core.clientip: the client's address from the proxy chain, only through our own proxies."""

from __future__ import annotations

import pytest

from core.clientip import client_ip


@pytest.fixture
def behind_a_balancer(settings):
    """nginx on this host, behind a load balancer network of ours."""
    settings.CONG_TRUSTED_PROXIES = ["127.0.0.1", "::1", "10.20.0.0/16"]


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("127.0.0.1", "", "127.0.0.1"),  # nginx itself, or a local script
        ("127.0.0.1", "203.0.113.5", "203.0.113.5"),
        # Walk from the right past our proxies: the balancer appended the client's address,
        # nginx appended the balancer's.
        ("127.0.0.1", "203.0.113.5, 10.20.3.4", "203.0.113.5"),
        # Whatever the client wrote itself stays on the left, and is ignored.
        ("127.0.0.1", "1.2.3.4, 198.51.100.9, 10.20.3.4", "198.51.100.9"),
        ("127.0.0.1", "unknown, 198.51.100.9", "198.51.100.9"),
        # The chain breaks where our proxy would have written an address: the last address
        # we can vouch for (our balancer) is used, not what lies to its left.
        ("127.0.0.1", "198.51.100.9, garbage, 10.20.3.4", "10.20.3.4"),
        ("::1", "2001:db8::7", "2001:db8::7"),
        ("::ffff:127.0.0.1", "203.0.113.6", "203.0.113.6"),  # IPv4 through an IPv6 socket
        # A peer that is not ours is counted by its own address, whatever it sends.
        ("198.51.100.20", "203.0.113.5", "198.51.100.20"),
        ("10.21.0.1", "203.0.113.5", "10.21.0.1"),
    ],
)
def test_client_address(rf, behind_a_balancer, peer, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=peer, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_by_default_only_loopback_is_trusted(rf, settings):
    settings.CONG_TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    request = rf.get("/", REMOTE_ADDR="10.20.3.4", HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert client_ip(request) == "10.20.3.4"
    assert client_ip(None) is None
    assert client_ip(rf.get("/", REMOTE_ADDR="")) is None


def test_a_mistyped_proxy_is_a_system_check_error(settings):
    from core.checks import check_trusted_proxies

    settings.CONG_TRUSTED_PROXIES = ["127.0.0.1", "10.0.0.0/8", "nginx.local"]
    errors = check_trusted_proxies(None)
    assert [error.id for error in errors] == ["core.E001"] and "nginx.local" in errors[0].msg
