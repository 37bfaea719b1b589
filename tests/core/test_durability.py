"""The embedded cluster keeps acknowledged data across a crash (fsync, synchronous_commit
and full_page_writes on); only the test suite's own connections skip waiting for commits."""

from __future__ import annotations

import os
from pathlib import Path

import psycopg2
import pytest

from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="not the embedded cluster (DATABASE_URL is set)"
)


def show(cursor, name: str) -> str:
    cursor.execute(f"SHOW {name}")
    return cursor.fetchone()[0]


def test_the_cluster_and_the_development_database_are_durable(db):
    from cong.settings.dev import embedded_database_url

    with connection.cursor() as cursor:
        assert show(cursor, "fsync") == "on"
        assert show(cursor, "full_page_writes") == "on"
        # The tests' own connections (cong/settings/test.py), for speed.
        assert show(cursor, "synchronous_commit") == "off"
    # A connection of its own to the development database, as `make run` would open.
    with psycopg2.connect(embedded_database_url()) as own:
        with own.cursor() as cursor:
            assert show(cursor, "synchronous_commit") == "on"
            assert show(cursor, "fsync") == "on"
    own.close()


def test_the_script_writes_no_setting_that_loses_data():
    script = (Path(settings.BASE_DIR) / "deploy" / "localpg.sh").read_text()
    generated = script.split("<<CONF", 1)[1].split("\nCONF", 1)[0]
    for setting in ("fsync", "synchronous_commit", "full_page_writes"):
        assert setting not in generated
