"""Shared fixtures; the helpers they use are in tests.support.

Portals are created once per test session (tests.support.portals), and every test runs
inside a transaction that is rolled back, so tests can change them freely.

The showcase portal (a page of every type, committed: tests.support.pages) is built once for
every test that needs it, and those tests run last, so that no other test meets it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from django.core.management import call_command
from django.db import connection

from tenants.models import Portal
from tests.support import shared_db
from tests.support.accounts import local_user, platform_user
from tests.support.portals import provision_test_portals


def pytest_configure(config: pytest.Config) -> None:
    """Compile the catalogues once, before any test runs: in the one process, or in the
    controller of parallel workers (pytest-xdist), so no worker reads a catalogue another
    is writing."""
    if not hasattr(config, "workerinput"):
        call_command("compile_translations", verbosity=0)


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run that every parallel worker sees (each has its own below it)."""
    return tmp_path_factory.getbasetemp().parent


@pytest.fixture(scope="session")
def django_db_keepdb(request, tmp_path_factory, django_db_modify_db_settings, django_db_blocker) -> bool:
    """Keep the test database (--reuse-db), or, in a parallel worker, the copy it made of the
    one another worker built (tests.support.shared_db)."""
    with django_db_blocker.unblock():
        copied = shared_db.before_setup(request.config, _run_folder(tmp_path_factory))
    return copied or request.config.getvalue("reuse_db")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request, tmp_path_factory):
    with django_db_blocker.unblock():
        try:
            provision_test_portals()
        finally:
            shared_db.after_setup(request.config, _run_folder(tmp_path_factory))
    yield
    with django_db_blocker.unblock():
        try:
            shared_db.at_end(request.config, _run_folder(tmp_path_factory))
        except Exception as exc:  # as pytest-django does with its own: the run's result stands
            request.node.warn(pytest.PytestWarning(f"could not drop a shared test database: {exc!r}"))


SHOWCASE_FIXTURE = "showcase_portal"


def pytest_collection_modifyitems(session, config, items):
    """The modules whose tests use the showcase portal run last (in their own order): it is
    built at the first of them and removed at the end of the session."""
    using = {
        getattr(item, "module", None) for item in items
        if SHOWCASE_FIXTURE in getattr(item, "fixturenames", ())
    }
    if using:
        last = [item for item in items if getattr(item, "module", None) in using]
        items[:] = [item for item in items if getattr(item, "module", None) not in using] + last


@pytest.fixture(scope="session")
def showcase_portal(django_db_setup, django_db_blocker) -> Portal:
    """The committed portal with a page of every type (any leftover of a crashed run
    replaced), removed at the end of the session."""
    from tests.support.pages import provision_showcase, remove_showcase

    with django_db_blocker.unblock():
        assert connection.settings_dict["NAME"].startswith("test_"), "not the test database"
        remove_showcase()
        try:
            portal = provision_showcase()
        except BaseException:
            remove_showcase()  # later tests must not meet a half-made portal
            raise
    yield portal
    with django_db_blocker.unblock():
        remove_showcase()


@pytest.fixture(autouse=True)
def _public_schema_after_each_test():
    yield
    connection.set_schema_to_public()


@pytest.fixture(autouse=True)
def _nothing_kept_between_tests():
    """Each test's data is rolled back, and its purges never committed: what the caches and
    the per-process memos kept of it must go too."""
    yield
    from django.core.cache import caches

    from core.caching import memo, tokens
    from tenants.directory import directory

    for alias in ("default", "pages"):
        caches[alias].clear()
    memo.clear()
    tokens.clear_pending()
    directory.forget()


@pytest.fixture
def province(db) -> Portal:
    return Portal.objects.get(code="tinhthu")


@pytest.fixture
def portal_a(db) -> Portal:
    return Portal.objects.get(code="soa")


@pytest.fixture
def portal_b(db) -> Portal:
    return Portal.objects.get(code="xab")


@pytest.fixture
def make_local_user():
    """Create a user inside a portal's schema, optionally in one of its role groups
    (tests.support.accounts.local_user)."""
    return local_user


@pytest.fixture
def make_platform_user(db):
    """Create a public-schema account with a platform role
    (tests.support.accounts.platform_user)."""
    return platform_user
