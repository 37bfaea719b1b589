"""The template clone copies structure, names and rows exactly."""

from __future__ import annotations

import pytest

from django.db import connection

from tenants.clone import CloneError, clone_schema
from tenants.current import public_schema

SIGNATURE = """
SELECT
  (SELECT string_agg(x, ',' ORDER BY x) FROM (
     -- a partial index's predicate is compared by presence: PostgreSQL re-prints an
     -- equivalent expression with its casts in another order
     SELECT c.relname || ':' || i.relname || ':' || (ix.indpred IS NOT NULL)::text || ':'
            || replace(split_part(pg_get_indexdef(i.oid), ' WHERE ', 1),
                       %(schema)s || '.', '')
     AS x FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
     JOIN pg_class c ON c.oid = ix.indrelid WHERE i.relnamespace = %(schema)s::regnamespace) a),
  (SELECT string_agg(x, ',' ORDER BY x) FROM (
     SELECT conname || ':' || contype::text || ':'
            || replace(pg_get_constraintdef(oid), %(schema)s || '.', '')
     AS x FROM pg_constraint WHERE connamespace = %(schema)s::regnamespace) b),
  (SELECT string_agg(x, ',' ORDER BY x) FROM (
     SELECT c.relname || ':' || a.attname || ':' || format_type(a.atttypid, a.atttypmod) || ':'
            || a.attnotnull::text || ':' || a.attidentity::text || ':'
            || coalesce(pg_get_expr(d.adbin, d.adrelid), '') AS x
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE c.relnamespace = %(schema)s::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
       AND c.relkind = 'r') c)
"""


def signature(schema: str):
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('search_path', 'pg_catalog', true)")
        cursor.execute(SIGNATURE, {"schema": schema})
        row = cursor.fetchone()
        cursor.execute("SELECT set_config('search_path', %s, true)", [public_schema()])
    return row


def count(schema: str, table: str) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')
        return cursor.fetchone()[0]


def test_clone_is_identical_to_the_template(db):
    clone_schema("portal_template", "banlap")
    template, copy = signature("portal_template"), signature("banlap")
    assert all(template)
    assert copy[0] == template[0]  # every index, same name, same definition
    assert copy[1] == template[1]  # every constraint, same name, same definition
    assert copy[2] == template[2]  # every column, type, null-ness, default, identity
    for table in ("wagtailcore_page", "auth_group", "wagtailcore_grouppagepermission", "django_migrations"):
        assert count("banlap", table) == count("portal_template", table) > 0

    # Identity sequences continue after the copied rows instead of colliding with them.
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO banlap.auth_group (name) VALUES ('Nhóm mới') RETURNING id")
        new_id = cursor.fetchone()[0]
        cursor.execute("SELECT max(id) FROM portal_template.auth_group")
        assert new_id > cursor.fetchone()[0]


def test_clone_refuses_what_it_cannot_copy(db):
    with connection.cursor() as cursor:
        cursor.execute("CREATE SCHEMA mauthu")
        cursor.execute("CREATE TABLE mauthu.t (id int)")
        cursor.execute("CREATE VIEW mauthu.v AS SELECT id FROM mauthu.t")
    with pytest.raises(CloneError, match="1 views"):
        clone_schema("mauthu", "banlap2")
    with pytest.raises(CloneError, match="does not exist"):
        clone_schema("khongco", "banlap3")
