"""/.well-known/security.txt on every portal domain and on the console (RFC 9116)."""

from __future__ import annotations

import datetime as dt

from django_tenants.utils import schema_context

from tests.support.portals import client_for

PATH = "/.well-known/security.txt"


def fields(response) -> list[tuple[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    return [tuple(line.split(": ", 1)) for line in response.content.decode().splitlines() if line]


def set_contacts(portal, email: str = "", phone: str = "") -> None:
    from wagtail.models import Site

    from contacts.models import PortalContactSettings

    with schema_context(portal.schema_name):
        contact = PortalContactSettings.for_site(Site.objects.get(is_default_site=True))
        contact.email, contact.phone = email, phone
        contact.save()


def test_each_portal_names_its_own_contacts(portal_a, portal_b):
    set_contacts(portal_a, "bbt@soa.example.vn", "0213 3876 543")
    set_contacts(portal_b, "vanphong@xab.example.vn")
    a = fields(client_for(portal_a).get(PATH))
    assert a[0] == ("Contact", "mailto:bbt@soa.example.vn")
    assert a[1] == ("Contact", "tel:+842133876543")
    assert ("Preferred-Languages", "vi, en") in a
    assert ("Canonical", f"http://{portal_a.primary_domain}{PATH}") in a
    expires = dict(a)["Expires"]
    day = dt.datetime.strptime(expires, "%Y-%m-%dT%H:%M:%SZ").date()
    assert dt.date.today() + dt.timedelta(days=30) < day < dt.date.today() + dt.timedelta(days=365)
    b = dict(fields(client_for(portal_b).get(PATH)))
    assert b["Contact"] == "mailto:vanphong@xab.example.vn"
    # Every domain of a portal serves it.
    assert dict(fields(client_for("cu-soa.example.vn").get(PATH)))["Canonical"] == f"http://cu-soa.example.vn{PATH}"


def test_without_contact_settings_the_registry_address_is_used(portal_a):
    set_contacts(portal_a)
    portal_a.contact_email = "lienhe@soa.example.vn"
    portal_a.save()
    assert dict(fields(client_for(portal_a).get(PATH)))["Contact"] == "mailto:lienhe@soa.example.vn"


def test_the_platform_contact_follows_and_the_console_has_the_province_s(province, portal_a, settings):
    settings.CONG_SECURITY_CONTACT = ["mailto:antt@laichau.example.vn"]
    set_contacts(province, "bbt@tinhthu.example.vn")
    set_contacts(portal_a, "bbt@soa.example.vn")
    contacts = [value for name, value in fields(client_for(portal_a).get(PATH)) if name == "Contact"]
    assert contacts == ["mailto:bbt@soa.example.vn", "mailto:antt@laichau.example.vn"]
    console = fields(client_for(settings.CONG_CONSOLE_DOMAIN).get(PATH))
    assert [v for n, v in console if n == "Contact"] == [
        "mailto:bbt@tinhthu.example.vn", "mailto:antt@laichau.example.vn",
    ]


def test_a_portal_with_no_contact_at_all_has_no_file(portal_b, settings):
    settings.CONG_SECURITY_CONTACT = []
    set_contacts(portal_b)
    assert client_for(portal_b).get(PATH).status_code == 404
