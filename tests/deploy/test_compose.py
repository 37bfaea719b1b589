"""The container stack's PostgreSQL holds a whole-database dump of 1,000 portals
(docs/scaling.md): `pg_dump` locks every table in one transaction, and the lock table has
`max_locks_per_transaction` × `max_connections` slots."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from django.db import connection

COMPOSE = Path(__file__).resolve().parents[2] / "deploy" / "compose.yaml"
PORTALS = 1000
CONNECTIONS = 100  # PostgreSQL's default max_connections, which the stack keeps

pytestmark = pytest.mark.django_db


def test_the_stack_has_lock_slots_for_a_dump_of_a_thousand_portals(portal_a):
    settings = re.search(r'command: \[("postgres".*)\]', COMPOSE.read_text())
    assert settings, "the postgres service sets its options on the command line"
    locks = int(re.search(r"max_locks_per_transaction=(\d+)", settings.group(1)).group(1))
    assert "max_connections" not in settings.group(1)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE n.nspname = %s), count(*) FILTER (WHERE n.nspname = 'public') "
            "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')",
            [portal_a.schema_name],
        )
        per_portal, shared = cursor.fetchone()
    assert per_portal > 50  # a portal's own tables, counted
    assert locks * CONNECTIONS >= PORTALS * per_portal + shared
