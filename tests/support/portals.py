"""The test portals and a browser pointed at one of them.

Portals are created once per test session through the real provisioning path (a portal costs
about a second; migrating one from scratch would cost twelve); every test runs in a
transaction that is rolled back, so tests can change them freely.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db import connection
from django.test import Client

from tenants.models import Portal
from tenants.provisioning import (
    DecisionSpec,
    PortalSpec,
    create_portal,
    ensure_platform_portal,
    prepare_template,
)

# code → (name, kind): the province and two members, with domains under laichau.test
TEST_PORTALS = {
    "tinhthu": ("Cổng thông tin điện tử tỉnh Thử", Portal.Kind.PROVINCE),
    "soa": ("Sở A", Portal.Kind.DEPARTMENT),
    "xab": ("Xã B", Portal.Kind.COMMUNE),
}
# Portal A also answers on a domain of its own.
OWN_DOMAINS = {"soa": ("cu-soa.example.vn",)}


def board_decision(number: str = "01/QĐ-BBT") -> DecisionSpec:
    """The province board's decision a portal is admitted by (a one-line PDF)."""
    import datetime as dt

    from django.core.files.base import ContentFile

    return DecisionSpec(
        number=number, date=dt.date(2026, 1, 5), signer="Hoàng Thị Tỉnh",
        file=ContentFile(b"%PDF-1.4 quyet dinh phe duyet", name="quyet-dinh.pdf"),
    )


def create_active_portal(spec: PortalSpec, actor: str = "") -> Portal:
    """A portal admitted by the province board, through the one path there is."""
    return create_portal(spec, actor, decision=board_decision())


def provision_test_portals() -> None:
    """The template, the platform portal and the test portals, in the test database.

    Never provisions into a real database: only pytest-django's test_* database. With
    --reuse-db, portals that exist are kept.
    """
    name = connection.settings_dict["NAME"]
    assert name.startswith("test_"), f"refusing to set up test portals in {name!r}"
    call_command("create_extensions")
    prepare_template()
    ensure_platform_portal()
    for code, (name, kind) in TEST_PORTALS.items():
        if Portal.objects.filter(code=code).exists():
            continue
        create_active_portal(
            PortalSpec(code=code, name=name, kind=kind, domains=OWN_DOMAINS.get(code, ()))
        )
    connection.set_schema_to_public()


def host_of(portal: Portal) -> str:
    return portal.primary_domain


class PortalClient(Client):
    """The test client, back in the public schema after each response, as a new request
    in a server process would be (the tenant middleware starts every request there)."""

    def request(self, **request):
        try:
            return super().request(**request)
        finally:
            connection.set_schema_to_public()


def client_for(portal: Portal | str) -> Client:
    """A browser pointed at one portal's domain (or at any host name)."""
    host = portal if isinstance(portal, str) else host_of(portal)
    return PortalClient(HTTP_HOST=host)


def home_page_id(portal: Portal) -> int:
    """The page id of the portal's Vietnamese home page (the root of its default Site)."""
    from wagtail.models import Site

    with schema_context(portal.schema_name):
        return Site.objects.get(is_default_site=True).root_page_id


def feed_titles(portal: Portal, url: str) -> list[str]:
    """The item titles of an RSS feed; fails unless it is well-formed RSS 2.0."""
    response = client_for(portal).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None and channel.findtext("title")
    return [item.findtext("title") for item in channel.findall("item")]


def remove_committed_portal(code: str) -> None:
    """Remove a portal a package of tests committed (a live server needs committed data):
    its schema, its entries in the shared search index (a public table the schema drop does
    not reach), its registry rows, and what the caches kept of it."""
    from django.core.cache import caches

    from search.indexing import remove_portal as unindex_portal
    from tenants.models import Domain, PortalEvent

    connection.set_schema_to_public()
    portal = Portal.objects.filter(code=code).first()
    if portal is None:
        return
    unindex_portal(portal)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP SCHEMA IF EXISTS "{portal.schema_name}" CASCADE')
    PortalEvent.objects.filter(portal=portal).delete()
    Domain.objects.filter(tenant=portal).delete()
    Portal.objects.filter(pk=portal.pk).delete()
    for alias in ("default", "pages"):
        caches[alias].clear()
