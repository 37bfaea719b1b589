"""The whole platform's backup (deploy/backup.sh) restores (deploy/restore.sh) into an empty
database: every schema's tables with their rows, and the media folder."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg2
import pytest

from tests.servers import ROOT, database_url_of_tests

pytestmark = pytest.mark.slow


def counts(url: str) -> dict[tuple[str, str], int]:
    found = {}
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT schemaname, tablename FROM pg_tables WHERE schemaname IN "
            "('public', 'portal_template', 'tinhthu', 'soa', 'xab')"
        )
        for schema, table in cursor.fetchall():
            cursor.execute(f'SELECT count(*) FROM "{schema}"."{table}"')
            found[(schema, table)] = cursor.fetchone()[0]
    conn.close()
    return found


def test_backup_sh_and_restore_sh(db, tmp_path):
    source = database_url_of_tests()
    media = tmp_path / "media"
    (media / "soa" / "images").mkdir(parents=True)
    (media / "soa" / "images" / "anh.jpg").write_bytes(b"\xff\xd8 anh")
    env = {"PATH": "/usr/bin:/bin:/usr/sbin", "DATABASE_URL": source, "DJANGO_MEDIA_ROOT": str(media)}
    done = subprocess.run([str(ROOT / "deploy" / "backup.sh"), str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    dump = Path(done.stdout.strip().splitlines()[-1])
    tarball = dump.with_name(dump.name.replace("cong-", "media-").replace(".dump", ".tar.gz"))
    assert dump.is_file() and tarball.is_file()

    name = f"test_cong_restore_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(urlunsplit(urlsplit(source)._replace(path="/postgres")))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    target = urlunsplit(urlsplit(source)._replace(path=f"/{name}"))
    try:
        restored_media = tmp_path / "media2"
        env = {**env, "DATABASE_URL": target, "DJANGO_MEDIA_ROOT": str(restored_media)}
        done = subprocess.run([str(ROOT / "deploy" / "restore.sh"), str(dump), str(tarball)],
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        before, after = counts(source), counts(target)
        assert {schema for schema, _table in before} == {"public", "portal_template", "tinhthu", "soa", "xab"}
        assert after == before
        assert (restored_media / "soa" / "images" / "anh.jpg").read_bytes() == b"\xff\xd8 anh"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.close()
