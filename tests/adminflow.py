"""Helpers for the create → publish → render → list tests through the real Wagtail admin."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from django_tenants.utils import schema_context

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests.conftest import client_for

__all__ = [
    "admin_client", "feed_titles", "inline_formset", "nested_form_data", "publish_in_admin",
    "rich_text",
    "section_id", "streamfield",
]


def admin_client(portal, make_local_user, username: str = "bientap.quytrinh"):
    """A browser signed in to `portal`'s admin as a superuser of that portal."""
    user = make_local_user(portal, username, is_superuser=True)
    client = client_for(portal)
    with schema_context(portal.schema_name):
        client.force_login(user)
    return client


def section_id(portal, slug: str) -> int:
    from wagtail.models import Page

    with schema_context(portal.schema_name):
        return Page.objects.get(depth=3, slug=slug).pk


def publish_in_admin(client, app: str, model: str, parent_id: int, fields: dict) -> None:
    """Open the add form, then submit it with “Publish”; the admin must accept it."""
    url = f"/admin/pages/add/{app}/{model}/{parent_id}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {"comments": inline_formset([]), **fields, "action-publish": "action-publish"}
    )
    response = client.post(url, data)
    if response.status_code != 302:
        html = response.content.decode()
        errors = [line.strip() for line in html.splitlines() if "error" in line.lower()]
        raise AssertionError(f"{app}.{model} not published:\n" + "\n".join(errors[:40]))


def feed_titles(portal, url: str) -> list[str]:
    """The item titles of an RSS feed; fails unless it is well-formed RSS 2.0."""
    response = client_for(portal).get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel is not None and channel.findtext("title")
    return [item.findtext("title") for item in channel.findall("item")]
