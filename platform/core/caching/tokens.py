"""Freshness tokens in the shared cache: what every worker and node checks to know that
something it keeps (a page, its per-portal memo, its host → portal map) is still current.

A token is the time (ns) of the last change of one thing in one portal: the portal as a whole
(`PORTAL`: its settings, snippets, menus, Site, locales), one page (`page:<id>`), … A missing
token (never set, or evicted by the cache) is set to minus now: new, so whatever was kept
against an older value is stale (eviction can only cause a miss, never a stale hit), and
negative, so it is not taken for a change that happened while a page rendered
(`pages.store`). Changing a token is one `set`: O(1) whatever the portal holds.

Tokens live in the cache alias `settings.CONG_SHARED_CACHE` ("pages"), whose keys are written
here with the schema in them (the alias has no tenant key function).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches

# The whole portal: a change of it makes every page and every per-portal memo stale.
PORTAL = "portal"
# Platform-wide tokens (the portal registry) have no schema.
PLATFORM = ""


# Registered by the app that knows which schemas hold portals (tenants): nothing of the
# control plane or the template is cached or purged.
_portal_check: list[Callable[[str], bool]] = []


def register_portal_check(check: Callable[[str], bool]) -> None:
    _portal_check[:] = [check]


def is_portal(schema: str) -> bool:
    return bool(_portal_check) and _portal_check[0](schema)


def shared_cache():
    return caches[settings.CONG_SHARED_CACHE]


def key(schema: str, name: str) -> str:
    return f"tok:{schema}:{name}"


def now() -> int:
    return time.time_ns()


def read(schema: str, names: Iterable[str]) -> dict[str, int]:
    """The current tokens of `names` in `schema`; missing ones are set to now first."""
    names = list(dict.fromkeys(names))
    if not names:
        return {}
    cache = shared_cache()
    keys = {key(schema, name): name for name in names}
    found = cache.get_many(list(keys))
    for missing in [k for k in keys if k not in found]:
        cache.add(missing, -now(), timeout=None)
        found[missing] = cache.get(missing) or -now()
    return {keys[k]: value for k, value in found.items()}


def bump(schema: str, names: Iterable[str]) -> None:
    """Mark `names` of `schema` as changed now."""
    value = now()
    shared_cache().set_many({key(schema, name): value for name in names}, timeout=None)
    snapshot = _local.__dict__.get("snapshot")
    if snapshot is not None and PORTAL in names:
        snapshot[schema] = value


# --- Within one request ---------------------------------------------------------------------
# The portal token is read once per request (pages, menus and settings of one response agree
# with each other), and not at all for a portal this thread has changed in a transaction not
# yet committed: until then nothing of that portal is taken from, or put into, what is kept.

_local = threading.local()


def begin_request(in_transaction: bool) -> None:
    _local.snapshot = {}
    if not in_transaction:
        # Whatever this thread changed before has been committed or rolled back by now.
        _local.pending = set()


def end_request() -> None:
    _local.snapshot = None


def portal_token(schema: str) -> int:
    snapshot = getattr(_local, "snapshot", None)
    if snapshot is not None and schema in snapshot:
        return snapshot[schema]
    token = read(schema, [PORTAL])[PORTAL]
    if snapshot is not None:
        snapshot[schema] = token
    return token


def note_portal_token(schema: str, token: int) -> None:
    """`token` was just read for `schema`'s portal: the rest of the request uses it."""
    snapshot = getattr(_local, "snapshot", None)
    if snapshot is not None:
        snapshot.setdefault(schema, token)


def mark_pending(schema: str) -> None:
    if not hasattr(_local, "pending"):
        _local.pending = set()
    _local.pending.add(schema)


def clear_pending(schema: str | None = None) -> None:
    pending = getattr(_local, "pending", set())
    if schema is None:
        pending.clear()
    else:
        pending.discard(schema)


def is_pending(schema: str) -> bool:
    return schema in getattr(_local, "pending", ())
