"""Who to tell about a vulnerability (`/.well-known/security.txt`, core.securitytxt): the
portal's own contact settings (Thông tin liên hệ của Cổng), else the registry's contact
address; on the platform console, the province portal's, since the province runs the
platform."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.http import HttpRequest

from core.securitytxt import email_uri, phone_uri
from tenants.current import current_portal, is_public


def _from_settings(contact_settings) -> list[str]:
    if contact_settings is None:
        return []
    return [uri for uri in (email_uri(contact_settings.email), phone_uri(contact_settings.phone)) if uri]


def _portal_contacts(portal, contact_settings) -> list[str]:
    contacts = _from_settings(contact_settings)
    if not contacts and portal is not None and portal.contact_email:
        contacts.append(email_uri(portal.contact_email))
    return contacts


def _province_contacts() -> list[str]:
    from wagtail.models import Site

    from tenants.models import Portal

    from .models import PortalContactSettings

    province = (
        Portal.objects.filter(kind=Portal.Kind.PROVINCE, status=Portal.Status.ACTIVE).order_by("pk").first()
    )
    if province is None:
        return []
    with schema_context(province.schema_name):
        site = Site.objects.filter(is_default_site=True).first()
        contact_settings = PortalContactSettings.for_site(site) if site is not None else None
        return _portal_contacts(province, contact_settings)


def security_contacts(request: HttpRequest) -> list[str]:
    if is_public():
        return _province_contacts()
    from .models import PortalContactSettings

    return _portal_contacts(current_portal(request), PortalContactSettings.for_request(request))
