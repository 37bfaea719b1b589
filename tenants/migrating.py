"""Bringing every portal's schema up to date after a deploy, in parallel, resumable.

For each portal: apply its missing migrations (skipped at the cost of one query when it
already has every migration the template has), then run the seeders so that what was added
to the template (a new section, new role permissions) reaches it. Portals go through a pool
of N processes; each one finished is recorded (`MigrationProgress`) under the run's key,
which names the code's migrations: a run that stopped on a failure, run again with the same
code, carries on after the portals it finished. A complete run forgets its progress.
"""

from __future__ import annotations

import hashlib
import io
import multiprocessing
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django_tenants.utils import schema_context

from django.core.management import call_command
from django.db import connection, connections

from tenants.current import public_schema, template_schema
from tenants.models import MigrationProgress, Portal

# Schemas one database session works through before a new one replaces it.
SESSION_SCHEMAS = 200


def run_key() -> str:
    """The code's migrations (the graph's leaves): the same key for the same code."""
    from django.db.migrations.loader import MigrationLoader

    leaves = sorted(MigrationLoader(None, ignore_no_migrations=True).graph.leaf_nodes())
    return hashlib.sha1(repr(leaves).encode()).hexdigest()[:16]


def applied(schema: str) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')
        return set(cursor.fetchall())


def migrate_one(schema: str, kind: str, template_state: frozenset) -> float:
    """Migrate (if needed) and seed one portal; returns the seconds it took."""
    from tenants.provisioning import seed_portal_schema

    started = time.perf_counter()
    if not template_state <= applied(schema):
        call_command(
            "migrate_schemas", schema_name=schema, interactive=False, verbosity=0,
            stdout=io.StringIO(),
        )
    with schema_context(schema):
        seed_portal_schema(kind)
    connection.set_schema_to_public()
    return time.perf_counter() - started


def _in_child(args: tuple) -> tuple[str, str | None, float]:
    schema, kind, template_state = args
    try:
        return schema, None, migrate_one(schema, kind, template_state)
    except Exception as exc:  # reported by the parent; the other portals go on
        connection.set_schema_to_public()
        return schema, f"{type(exc).__name__}: {exc}", 0.0


@dataclass
class Outcome:
    key: str
    done: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # finished by an earlier, interrupted run
    failed: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def migrate_portals(
    jobs: int = 1, restart: bool = False, progress: Callable[[str, str | None], None] | None = None,
    only: list[str] | None = None,
) -> Outcome:
    """Every portal's schema (not the public one nor the template, done before)."""
    started = time.perf_counter()
    key = run_key()
    if restart:
        MigrationProgress.objects.all().delete()
    MigrationProgress.objects.exclude(run=key).delete()  # another code's unfinished run
    finished = set(MigrationProgress.objects.filter(run=key).values_list("schema_name", flat=True))
    portals = (
        Portal.objects.exclude(schema_name=public_schema()).order_by("pk").values_list("schema_name", "kind")
    )
    if only is not None:
        portals = portals.filter(schema_name__in=only)
    todo = [(schema, kind) for schema, kind in portals if schema not in finished]
    outcome = Outcome(key, skipped=sorted(finished))
    template_state = frozenset(applied(template_schema()))
    work = [(schema, kind, template_state) for schema, kind in todo]

    def record(schema: str, error: str | None) -> None:
        if error is None:
            MigrationProgress.objects.get_or_create(run=key, schema_name=schema)
            outcome.done.append(schema)
        else:
            outcome.failed[schema] = error
        if progress is not None:
            progress(schema, error)

    if jobs <= 1 or len(work) <= 1:
        for done, item in enumerate(work, 1):
            schema, error, _seconds = _in_child(item)
            record(schema, error)
            if done % SESSION_SCHEMAS == 0:
                # As the pool's children are replaced: a session's catalog cache grows with
                # every schema it touches (see provisioning.end_session_after_clone).
                connections.close_all()
    else:
        connections.close_all()  # the children open their own
        context = multiprocessing.get_context("fork")
        with context.Pool(processes=jobs, maxtasksperchild=SESSION_SCHEMAS) as pool:
            for schema, error, _seconds in pool.imap_unordered(_in_child, work):
                record(schema, error)
    if not outcome.failed:
        MigrationProgress.objects.filter(run=key).delete()
    outcome.seconds = time.perf_counter() - started
    return outcome
