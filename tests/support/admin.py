"""The real Wagtail admin of a portal: a browser signed in, the add-and-publish flow, and
what a refusal looks like."""

from __future__ import annotations

from django_tenants.utils import schema_context

from django.contrib.auth.models import User
from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tenants.models import Portal

from .accounts import local_user
from .portals import client_for

__all__ = [
    "MODEL_BACKEND", "admin_client", "assert_refused", "inline_formset", "nested_form_data",
    "publish_in_admin", "refused", "rich_text", "section_id", "signed_in", "streamfield",
]

# Named explicitly: the first configured backend (the lockout) loads no users.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def signed_in(portal: Portal, user: User) -> Client:
    """A browser pointed at `portal`, signed in as `user` (a user of that portal)."""
    client = client_for(portal)
    with schema_context(portal.schema_name):
        client.force_login(user, backend=MODEL_BACKEND)
    return client


def admin_client(portal: Portal, username: str = "bientap.quytrinh") -> Client:
    """A browser signed in to `portal`'s admin as a new superuser of that portal."""
    return signed_in(portal, local_user(portal, username, is_superuser=True))


def section_id(portal: Portal, slug: str) -> int:
    """The page id of a section (a child of the home page) by its slug."""
    from wagtail.models import Page

    with schema_context(portal.schema_name):
        return Page.objects.get(depth=3, slug=slug).pk


def publish_in_admin(client: Client, app: str, model: str, parent_id: int, fields: dict) -> None:
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


def refused(response) -> bool:
    """The admin refuses a forbidden action: 403 from a plain Django view, or Wagtail's
    answer to a PermissionDenied, a redirect to the dashboard with a "no permission"
    message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    )


def assert_refused(response) -> None:
    assert refused(response), (response.status_code, response.get("Location"))
