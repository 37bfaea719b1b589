"""What the subscription tests share: the form, the links in a mail, publishing."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from django_tenants.utils import schema_context

from django.core import mail

from tests.support.participation import spam_fields
from tests.support.portals import client_for

LINK = re.compile(r"https?://\S+/dang-ky-nhan-tin/(?:xac-nhan|huy)/\S+/")


def form_data(portal, email: str, target: str, **overrides) -> dict:
    data = {"email": email, "muc": target, "consent": "on", **spam_fields(portal, "subscription")}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def subscribe(portal, email: str, target: str, prefix: str = "", address: str = "127.0.0.1", **overrides):
    data = form_data(portal, email, target, **overrides)
    return client_for(portal).post(f"{prefix}/dang-ky-nhan-tin/", data, REMOTE_ADDR=address)


def links(message) -> dict[str, str]:
    """The confirm and unsubscribe paths of a mail."""
    found = {}
    for url in LINK.findall(message.body):
        path = urlsplit(url).path
        found["confirm" if "/xac-nhan/" in path else "unsubscribe"] = path
    return found


def mails_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def news_index_id(portal) -> int:
    from news.models import NewsIndexPage

    with schema_context(portal.schema_name):
        return NewsIndexPage.objects.filter(locale__language_code="vi").first().pk
