"""The client's address, and what a request says about itself through a proxy.

Behind nginx every request comes from nginx's own address; the visitor's address is in the
X-Forwarded-For header nginx appends to. A client can send that header too, so it is read
only when the peer that connected to us is one of our own proxies (CONG_TRUSTED_PROXIES:
addresses or networks, loopback by default), and then from the right: each trusted proxy
appends the address it saw, so the first address from the right that is not one of our
proxies is the client's. Everything to its left is the client's own word and is ignored.

Every rate limit, lockout and audit record that counts per address uses `client_ip`.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# Headers that only mean something when our own proxy set them.
PROXY_HEADERS = ("HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST", "HTTP_X_FORWARDED_PORT")


@lru_cache(maxsize=16)
def _networks(entries: tuple[str, ...]) -> tuple[IPNetwork, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries if entry.strip())


def trusted_networks() -> tuple[IPNetwork, ...]:
    """CONG_TRUSTED_PROXIES as networks ("127.0.0.1" is 127.0.0.1/32)."""
    return _networks(tuple(getattr(settings, "CONG_TRUSTED_PROXIES", ())))


def parse_ip(value: str | None) -> IPAddress | None:
    """An address, or None for anything else (an empty string, "unknown", a port)."""
    try:
        address = ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None
    # An IPv4 client seen through an IPv6 socket: count it as the IPv4 address it is.
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def is_trusted_proxy(address: IPAddress | str | None) -> bool:
    if isinstance(address, str):
        # Every request asks this of its peer's address: kept per address and setting.
        return _text_is_trusted(address, tuple(getattr(settings, "CONG_TRUSTED_PROXIES", ())))
    return _is_trusted(address, trusted_networks())


@lru_cache(maxsize=1024)
def _text_is_trusted(address: str, entries: tuple[str, ...]) -> bool:
    return _is_trusted(parse_ip(address), _networks(entries))


def _is_trusted(address: IPAddress | None, networks: tuple[IPNetwork, ...]) -> bool:
    if address is None:
        return False
    return any(address.version == net.version and address in net for net in networks)


def client_ip(request: HttpRequest | None) -> str | None:
    """The visitor's address (see the module's docstring), or None without a request."""
    if request is None:
        return None
    peer = parse_ip(request.META.get("REMOTE_ADDR"))
    if peer is None:
        return None
    if not is_trusted_proxy(peer):
        return str(peer)
    address = peer
    for hop in reversed(request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")):
        if not hop.strip():
            continue
        hop_address = parse_ip(hop)
        if hop_address is None:
            # Garbage where our proxy would have written an address: the chain is broken
            # here, so the last address we can vouch for is the one before it.
            break
        address = hop_address
        if not is_trusted_proxy(hop_address):
            break
    return str(address)


def from_trusted_proxy(request: HttpRequest) -> bool:
    return is_trusted_proxy(request.META.get("REMOTE_ADDR"))


class ProxyHeadersMiddleware:
    """Forget the X-Forwarded-Proto/-Host/-Port headers of a peer that is not one of our
    proxies, so that Django's SECURE_PROXY_SSL_HEADER (set when DJANGO_BEHIND_TLS_PROXY is on)
    believes "this came over HTTPS" only from nginx, never from a client talking to the
    application server directly. First in MIDDLEWARE: before anything asks request.scheme.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        forget_untrusted_proxy_headers(request)
        return self.get_response(request)


def forget_untrusted_proxy_headers(request: HttpRequest) -> None:
    if not from_trusted_proxy(request):
        for header in PROXY_HEADERS:
            request.META.pop(header, None)
