"""Tenancy costs next to nothing per request: the host → portal map is kept in each process
until the registry changes (and a suspended portal stops being served promptly by every
worker), no `SET search_path` the connection already has, content types kept across schemas."""

from __future__ import annotations

import time

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tenants.directory import Directory
from tenants.models import Portal
from tenants.provisioning import add_domain, change_status
from tests.support.portals import client_for

pytestmark = pytest.mark.django_db


def statements(client, path: str = "/") -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return [query["sql"] for query in queries.captured_queries]


def test_a_known_host_is_not_looked_up_again(portal_a, settings):
    settings.CONG_PAGE_CACHE = False
    client = client_for(portal_a)
    first = statements(client)
    assert any("tenants_domain" in sql for sql in first)
    again = statements(client)
    assert not any("tenants_domain" in sql or "tenants_portal" in sql for sql in again)


def test_search_path_is_set_only_when_the_portal_changes(portal_a, portal_b, settings):
    settings.CONG_PAGE_CACHE = False
    a, b = client_for(portal_a), client_for(portal_b)
    a.get("/")
    b.get("/")
    sets = [sql for sql in statements(a) if sql.startswith("SET search_path")]
    assert sets == [f'SET search_path = "{portal_a.schema_name}","public"']
    assert not [sql for sql in statements(a) if sql.startswith("SET search_path")]
    assert len([sql for sql in statements(b) if sql.startswith("SET search_path")]) == 1


def test_content_types_are_kept_across_portals(portal_a, portal_b, settings):
    settings.CONG_PAGE_CACHE = False
    a, b = client_for(portal_a), client_for(portal_b)
    for client in (a, b, a):
        client.get("/tin-tuc/")
    for client in (b, a):
        assert not [sql for sql in statements(client, "/tin-tuc/") if "django_content_type" in sql]


def test_a_suspended_portal_stops_being_served_by_every_worker(
    portal_a, settings, django_capture_on_commit_callbacks
):
    """Another worker's map follows the registry's token in the shared cache: at once when it
    checks at every request, within CONG_REGISTRY_RECHECK_SECONDS otherwise."""
    host = portal_a.primary_domain
    other_worker = Directory()
    assert other_worker.portal_for_host(host).is_active
    assert client_for(portal_a).get("/").status_code == 200

    settings.CONG_REGISTRY_RECHECK_SECONDS = 0.3
    slow_worker = Directory()
    assert slow_worker.portal_for_host(host).is_active
    with django_capture_on_commit_callbacks(execute=True):
        change_status(portal_a, Portal.Status.SUSPENDED, actor="test")
    # This process: at once.
    assert client_for(portal_a).get("/").status_code == 404
    # A worker that checked less than the interval ago still has the old answer…
    assert slow_worker.portal_for_host(host).is_active
    time.sleep(0.35)
    # …and not after it.
    assert slow_worker.portal_for_host(host).status == Portal.Status.SUSPENDED
    settings.CONG_REGISTRY_RECHECK_SECONDS = 0
    assert other_worker.portal_for_host(host).status == Portal.Status.SUSPENDED


def test_a_new_domain_is_served_once_committed(portal_a, django_capture_on_commit_callbacks):
    assert client_for("moi.example.vn").get("/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        add_domain(portal_a, "moi.example.vn")
    assert client_for("moi.example.vn").get("/").status_code == 200


def test_the_inactive_portals_are_kept_with_the_registry(
    portal_b, django_capture_on_commit_callbacks, django_assert_num_queries
):
    from tenants.directory import directory

    assert portal_b.schema_name not in directory.inactive_schemas()
    with django_assert_num_queries(0):
        directory.inactive_schemas()
    with django_capture_on_commit_callbacks(execute=True):
        change_status(portal_b, Portal.Status.SUSPENDED, actor="test")
    assert portal_b.schema_name in directory.inactive_schemas()
