"""One migrated test database for all parallel workers (pytest-xdist).

Migrating the public and template schemas and provisioning the test portals is the slowest
part of a worker's start. The first worker that needs a database builds its own as usual and
then copies it into a template database (PostgreSQL `CREATE DATABASE ... TEMPLATE`); a worker
that comes later copies that template into its own test database, together with the media
files the provisioning wrote, and only checks that nothing is left to migrate. A file lock
keeps the others waiting while one builds, so a copy is never taken of a half-built database.
Without xdist, or with --reuse-db, nothing changes.
"""

from __future__ import annotations

import fcntl
import shutil
from pathlib import Path
from typing import IO

import pytest

from django.conf import settings
from django.db import connection

# The lock held from the start of this worker's database setup to its end (or None).
_held: IO[str] | None = None
# Whether this worker builds the template (True) or copied it (False); None: not shared.
_builder: bool | None = None


def _run_id(config: pytest.Config) -> str | None:
    workerinput = getattr(config, "workerinput", None)
    if not workerinput or config.getvalue("reuse_db"):
        return None
    return workerinput["testrunuid"][:12]


def _names(config: pytest.Config) -> tuple[str, str]:
    """(this worker's test database, the run's template database)."""
    own = connection.creation._get_test_db_name()
    base = own.removesuffix(f"_{config.workerinput['workerid']}")
    return own, f"{base}_tpl_{_run_id(config)}"


def _exists(cursor, name: str) -> bool:
    cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
    return cursor.fetchone() is not None


def before_setup(config: pytest.Config, shared: Path) -> bool:
    """Take the lock; copy the template into this worker's database if there is one. True
    when the database is ready to be kept (pytest-django's keepdb), else the worker builds.

    `shared` is a folder of this run that every worker sees (pytest's base temporary folder,
    which pytest cleans up): the lock file and the template's media files are kept there."""
    global _held, _builder
    if _run_id(config) is None:
        return False
    own, template = _names(config)
    _held = open(shared / f"{template}.lock", "a")  # held across fixtures, released after setup
    fcntl.flock(_held, fcntl.LOCK_EX)
    with connection._nodb_cursor() as cursor:
        if not _exists(cursor, template):
            _builder = True
            return False
        cursor.execute(f'DROP DATABASE IF EXISTS "{own}"')
        cursor.execute(f'CREATE DATABASE "{own}" TEMPLATE "{template}"')
    # The files the rows of the template refer to (the portals' board decisions).
    shutil.copytree(shared / f"{template}.media", settings.MEDIA_ROOT, dirs_exist_ok=True)
    _builder = False
    return True


def after_setup(config: pytest.Config, shared: Path) -> None:
    """The builder copies its finished database into the template; the lock is released."""
    global _held
    if _held is None:
        return
    try:
        if _builder:
            own, template = _names(config)
            connection.close()  # a database being copied must have no session
            prefix = template.rsplit("_", 1)[0] + "_"
            with connection._nodb_cursor() as cursor:
                # Templates left by runs that were killed before their end.
                cursor.execute(
                    "SELECT datname FROM pg_database WHERE starts_with(datname, %s)", [prefix]
                )
                for (stale,) in cursor.fetchall():
                    cursor.execute(f'DROP DATABASE IF EXISTS "{stale}"')
                cursor.execute(f'CREATE DATABASE "{template}" TEMPLATE "{own}"')
            # As they are now: this worker's tests will change its own media folder.
            shutil.copytree(settings.MEDIA_ROOT, shared / f"{template}.media", dirs_exist_ok=True)
    finally:
        fcntl.flock(_held, fcntl.LOCK_UN)
        _held.close()
        _held = None


def at_end(config: pytest.Config, shared: Path) -> None:
    """Drop what pytest-django does not: the template (the builder; under the lock, so never
    while another worker copies it), or the copied database this worker was told to keep."""
    if _builder is None:
        return
    own, template = _names(config)
    connection.close()
    with open(shared / f"{template}.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        with connection._nodb_cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{template if _builder else own}" WITH (FORCE)')
