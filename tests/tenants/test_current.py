"""tenants.current: which portal a request, a command or a job is in."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.conf import settings
from django.db import connection

from tenants.current import (
    current_portal,
    in_public_schema,
    is_portal_schema,
    is_public,
    public_schema,
    schema_name,
    template_schema,
)
from tenants.models import Portal
from tests.support.portals import client_for


def test_schema_names_come_from_the_settings():
    assert public_schema() == "public"
    assert template_schema() == settings.TENANT_BASE_SCHEMA == "portal_template"


def test_the_control_plane(db):
    assert schema_name() == public_schema()
    assert is_public()
    assert not is_portal_schema()
    assert current_portal() is None
    assert current_portal(active_only=False) is None
    platform = Portal.objects.get(kind=Portal.Kind.PLATFORM)
    assert platform.is_platform


def test_the_template_is_no_portal(db):
    with schema_context(template_schema()):
        assert not is_public()
        assert not is_portal_schema()
        assert current_portal() is None
        assert current_portal(active_only=False) is None


def test_a_portal_schema(portal_a, django_assert_num_queries):
    assert not portal_a.is_platform
    with schema_context(portal_a.schema_name):
        assert schema_name() == "soa"
        assert not is_public()
        assert is_portal_schema()
        assert current_portal() == portal_a
        with django_assert_num_queries(0):  # the registry row is read once per block
            assert current_portal() == portal_a
            assert current_portal().primary_domain == "soa.laichau.test"
        with in_public_schema():
            assert is_public()
            assert current_portal() is None
        assert current_portal() == portal_a  # back in the portal's schema
    assert is_public()


def test_questions_about_a_schema_by_name(db):
    assert is_public("public")
    assert not is_public("soa")
    assert is_portal_schema("soa")
    assert not is_portal_schema("public")
    assert not is_portal_schema("portal_template")


def test_an_inactive_portal(portal_b):
    portal_b.status = Portal.Status.SUSPENDED
    portal_b.save(update_fields=["status"])
    with schema_context(portal_b.schema_name):
        assert is_portal_schema()
        assert current_portal() is None
    with schema_context(portal_b.schema_name):
        found = current_portal(active_only=False)
        assert found == portal_b and found.status == Portal.Status.SUSPENDED


def test_in_a_request(portal_a, province):
    """Templates get the request's portal; the console's requests have none."""
    response = client_for(portal_a).get("/")
    assert response.status_code == 200
    assert response.context["portal"] == portal_a
    assert current_portal(response.wsgi_request) == portal_a
    assert connection.schema_name == public_schema()  # the test client went back to public

    console = client_for(settings.CONG_CONSOLE_DOMAIN).get("/dang-nhap/")
    assert console.status_code == 200
    assert console.context["portal"] is None
    assert console.wsgi_request.tenant.is_platform
    assert current_portal(console.wsgi_request) is None


@pytest.mark.parametrize("status", [Portal.Status.SUSPENDED, Portal.Status.REQUESTED])
def test_a_request_to_an_inactive_portal_has_no_portal(portal_b, status):
    portal_b.status = status
    portal_b.save(update_fields=["status"])
    response = client_for(portal_b).get("/")
    assert response.status_code == 404
    assert current_portal(response.wsgi_request) is None
    assert current_portal(response.wsgi_request, active_only=False) is None
