"""Purging: what changed is made stale everywhere it is kept, once the change is committed.

`purge(schema, tags)` marks tags of one portal as changed; `purge_portal(schema)` the whole
portal (its settings, snippets, menus: every page and every per-portal memo). Inside a
transaction the purge waits for the commit (`transaction.on_commit`; the project's backend runs
it in the schema that registered it, and the keys here carry their schema anyway): a reader
must never fetch the old content again after the purge. Until then this thread neither reads
nor keeps anything of that portal (`tokens.mark_pending`), so a request that changes a portal
sees its own change.

Each purge reaches the shared tokens (every worker and node of the app) and the edge caches
in front (`core.caching.edge`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

from django.db import connection

from . import edge, memo, tokens

log = logging.getLogger(__name__)

_local = threading.local()


def _batch() -> dict[str, set[str]]:
    if not hasattr(_local, "batch"):
        _local.batch = {}
    return _local.batch


def purge(schema: str, tags: Iterable[str]) -> None:
    """Make every kept page of `schema` showing any of `tags` stale, after the commit."""
    tags = set(tags)
    if not tags:
        return
    if tokens.PORTAL in tags:
        memo.forget(schema)
    _batch().setdefault(schema, set()).update(tags)
    if connection.in_atomic_block:
        tokens.mark_pending(schema)
        connection.on_commit(flush)
    else:
        flush()


def purge_portal(schema: str) -> None:
    """Make everything kept of the portal in `schema` stale: pages and per-portal memos."""
    purge(schema, [tokens.PORTAL])


def flush() -> None:
    """Send what was purged: tokens first (the app), then the edge."""
    batch = _batch()
    work, _local.batch = dict(batch), {}
    for schema, tags in work.items():
        if tokens.PORTAL in tags:
            tags = {tokens.PORTAL}
            memo.forget(schema)
        try:
            tokens.bump(schema, tags)
        except Exception:  # the shared cache is down: pages expire on their own
            log.exception("page cache purge of %s failed", schema)
        tokens.clear_pending(schema)
        edge.ban(schema, None if tokens.PORTAL in tags else tags)
