"""Counting what one address does in a time window, in the shared Django cache.

The counters live in the cache every worker process and every node share (Redis in
production, see docs/operations.md), never in a process's memory: with four workers a limit
of 30 would otherwise let 120 through. Counting is one atomic `cache.add` + `cache.incr`, so
concurrent requests can never both take the last place.

Windows are fixed (the hour from 10:00 to 11:00, say) and named in the key, so a counter
needs no expiry bookkeeping: the next window simply starts at zero. Keys carry the portal's
schema (the cache's key function), so each portal counts its own visitors.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.core.cache import BaseCache
from django.core.cache import cache as default_cache


@dataclass(frozen=True)
class Limit:
    scope: str  # what is counted: "question", "lookup", …
    limit: int  # how many are allowed per window
    window: int  # seconds


def _key(limit: Limit, who: str, now: float | None = None) -> str:
    window_number = int((time.time() if now is None else now) // limit.window)
    return f"ratelimit:{limit.scope}:{who or '-'}:{window_number}"


def used(limit: Limit, who: str, *, cache: BaseCache | None = None) -> int:
    """How many `who` has used in the current window."""
    return int((cache or default_cache).get(_key(limit, who)) or 0)


def exhausted(limit: Limit, who: str, *, cache: BaseCache | None = None) -> bool:
    """Whether `who` has nothing left in this window (a check that uses nothing up)."""
    return used(limit, who, cache=cache) >= limit.limit


def take(limit: Limit, who: str, *, cache: BaseCache | None = None) -> bool:
    """Use one for `who`; False when the window was already used up (then nothing happens
    and the caller refuses the request)."""
    backend = cache or default_cache
    key = _key(limit, who)
    # add() creates the counter only if it does not exist yet; incr() is atomic on shared
    # backends (Redis INCR), so every concurrent caller gets its own number.
    backend.add(key, 0, limit.window + 60)
    try:
        count = backend.incr(key)
    except ValueError:  # evicted between add() and incr()
        backend.add(key, 1, limit.window + 60)
        count = 1
    return count <= limit.limit
