"""migrate_platform: every portal brought up to date, in parallel processes, and a run that
stopped on a failure resumes after the portals it finished."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tenants import migrating
from tenants.models import MigrationProgress
from tests.servers import ROOT, database_url_of_tests

pytestmark = pytest.mark.slow


def test_a_failed_run_resumes_after_the_portals_it_finished(db, monkeypatch, province, portal_a, portal_b):
    real = migrating.migrate_one

    def broken_for_xab(schema, kind, template_state):
        if schema == "xab":
            raise RuntimeError("mất kết nối giữa chừng")
        return real(schema, kind, template_state)

    monkeypatch.setattr(migrating, "migrate_one", broken_for_xab)
    first = migrating.migrate_portals(jobs=1)
    assert first.failed == {"xab": "RuntimeError: mất kết nối giữa chừng"}
    assert sorted(first.done) == ["soa", "tinhthu"]
    assert sorted(MigrationProgress.objects.values_list("schema_name", flat=True)) == ["soa", "tinhthu"]

    # Fixed: the next run does only what is left, then forgets its progress.
    monkeypatch.setattr(migrating, "migrate_one", real)
    second = migrating.migrate_portals(jobs=1)
    assert second.failed == {}
    assert second.done == ["xab"]
    assert second.skipped == ["soa", "tinhthu"]
    assert not MigrationProgress.objects.exists()

    # --restart: everything again.
    assert sorted(migrating.migrate_portals(jobs=1, restart=True).done) == ["soa", "tinhthu", "xab"]


def test_the_command_in_parallel_processes(django_db_setup):
    """The real command, its own process, two worker processes, against the test database."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "cong.settings.dev",
        "DATABASE_URL": database_url_of_tests(),
    }
    run = subprocess.run(
        [sys.executable, "manage.py", "migrate_platform", "--jobs", "2", "--verbosity", "2"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    for schema in ("tinhthu", "soa", "xab"):
        assert f"{schema}: xong" in run.stdout
    assert "(2 tiến trình)" in run.stdout
