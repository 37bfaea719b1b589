"""What a new portal starts with comes from what the apps registered with tenants.seeding."""

from __future__ import annotations

import pytest
from django_tenants.utils import schema_context

from django.contrib.auth.models import Group
from django.db import connection

from tenants import seeding
from tenants.current import template_schema
from tenants.provisioning import PortalSpec, seed_portal_schema, sync_portal_schemas
from tests.support.portals import create_active_portal


@pytest.fixture
def registered():
    """Register seeders and customisers for one test; forgotten afterwards."""
    names = []

    def register(kind: str, name: str, func, order: int) -> None:
        names.append(name)
        if kind == "seeder":
            seeding.register_seeder(name, func, order)
        else:
            seeding.register_customiser(name, func, order)

    yield register
    for name in names:
        seeding.unregister(name)


def test_the_apps_register_in_todays_order():
    assert [step.name for step in seeding.registered_seeders()] == [
        "locales", "home", "sections", "english_tree", "roles", "workflow", "content_permissions",
        "related_portals",
    ]
    assert [step.name for step in seeding.registered_customisers()] == ["home", "english_home"]


@pytest.mark.slow
def test_a_registered_seeder_reaches_new_and_existing_portals(db, registered):
    runs = []

    def seed_a_group(state: seeding.Seeding) -> None:
        # Between the roles (40) and the workflow (50): the role groups exist already.
        runs.append((
            connection.schema_name, state.kind, state.home.title,
            Group.objects.filter(name="Biên tập viên").exists(),
        ))
        Group.objects.get_or_create(name="Nhóm thử đăng ký")

    registered("seeder", "test_group", seed_a_group, 45)
    with schema_context(template_schema()):
        seed_portal_schema()
    assert runs == [(template_schema(), None, "Trang chủ", True)]

    portal = create_active_portal(PortalSpec(code="xadangky", name="Xã Đăng Ký", kind="commune"))
    with schema_context(portal.schema_name):
        assert Group.objects.filter(name="Nhóm thử đăng ký").exists()
    assert len(runs) == 1  # a new portal is a clone: no seeder runs again

    runs.clear()
    synced = sync_portal_schemas()
    assert sorted(run[:2] for run in runs) == sorted([
        ("tinhthu", "province"), ("soa", "department"), ("xab", "commune"),
        ("xadangky", "commune"),
    ])
    assert synced == 4
    with schema_context("soa"):
        assert Group.objects.filter(name="Nhóm thử đăng ký").exists()


@pytest.mark.slow
def test_a_registered_customiser_runs_once_in_the_new_portal(db, registered):
    runs = []

    def note(portal, home) -> None:
        home.refresh_from_db()
        runs.append((portal.code, connection.schema_name, home.title))

    registered("customiser", "test_note", note, 20)
    create_active_portal(PortalSpec(code="xatuychinh", name="Xã Tùy Chỉnh", kind="commune"))
    # After the home app's rename (10): the home page already carries the portal's name.
    assert runs == [("xatuychinh", "xatuychinh", "Xã Tùy Chỉnh")]


def test_a_name_is_registered_once(registered):
    def one(state):
        pass

    def other(state):
        pass

    registered("seeder", "test_once", one, 70)
    seeding.register_seeder("test_once", one, 70)  # the same again (ready() twice) is fine
    with pytest.raises(ValueError, match="registered twice"):
        seeding.register_seeder("test_once", other, 70)
