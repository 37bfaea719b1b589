"""Work deferred to the end of a transaction runs in the portal that asked for it."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.db import connection

from wagtail.models import Page

from tenants.current import is_public

pytestmark = pytest.mark.django_db


def test_a_commit_hook_runs_in_the_schema_that_registered_it(
    portal_a, portal_b, django_capture_on_commit_callbacks
):
    seen = []
    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            connection.on_commit(lambda: seen.append(connection.schema_name))
        with schema_context(portal_b.schema_name):
            connection.on_commit(lambda: seen.append(connection.schema_name))
        assert is_public()
    assert seen == [portal_a.schema_name, portal_b.schema_name]
    assert is_public()  # and the caller's schema is back


def test_a_slug_changed_in_a_portal_gets_its_redirect_after_the_commit(
    portal_a, django_capture_on_commit_callbacks
):
    """Wagtail creates the redirect of a changed slug on commit; committed from the public
    schema (as a command that fills several portals does), it used to fail there."""
    from wagtail.contrib.redirects.models import Redirect

    with django_capture_on_commit_callbacks(execute=True):
        with schema_context(portal_a.schema_name):
            page = Page.objects.get(depth=3, slug="tin-tuc", locale__language_code="vi").specific
            page.slug = "tin-tuc-moi"
            page.save_revision().publish()
    with schema_context(portal_a.schema_name):
        assert Redirect.objects.filter(old_path="/tin-tuc").exists()
