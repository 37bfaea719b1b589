"""Which portal a host name serves, kept in each process until the registry changes.

Every request used to read its Domain and Portal rows (in the control plane's schema, so with
a `SET search_path` of its own). Here each process keeps what it has looked up, and drops it
all when the registry's token (`core.caching.tokens`, in the cache every worker and node
shares) changes: any saved or deleted Portal or Domain changes it once committed. The token is
checked at most every `CONG_REGISTRY_RECHECK_SECONDS` (1 s by default), so a suspended portal
stops being served by every worker within that time; the process that made the change drops
its own at once.
"""

from __future__ import annotations

import threading
import time

from django.conf import settings
from django.db import connection, transaction
from django.db.models import prefetch_related_objects
from django.db.models.base import ModelState

from core.caching import tokens
from tenants.models import Domain, Portal

REGISTRY = "registry"


class Directory:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._token: int | None = None
        self._checked = 0.0
        self._hosts: dict[str, Portal] = {}
        self._inactive: tuple[str, ...] | None = None

    def _refresh(self) -> None:
        now = time.monotonic()
        if self._token is not None and now - self._checked < settings.CONG_REGISTRY_RECHECK_SECONDS:
            return
        token = tokens.read(tokens.PLATFORM, [REGISTRY])[REGISTRY]
        with self._lock:
            self._checked = now
            if token != self._token:
                self._token, self._hosts, self._inactive = token, {}, None

    def forget(self) -> None:
        with self._lock:
            self._token, self._hosts, self._inactive = None, {}, None

    def portal_for_host(self, hostname: str, query: bool = True) -> Portal | None:
        """The portal serving `hostname` (any status), or None. Each caller gets its own copy.
        With `query=False`, only what this process already knows (None for the rest)."""
        self._refresh()
        portal = self._hosts.get(hostname)
        if portal is None:
            if not query:
                return None
            domain = (
                Domain.objects.select_related("tenant", "tenant__parent", "tenant__parent__parent")
                .filter(domain=hostname)
                .first()
            )
            if domain is None:
                return None  # unknown hosts are not kept: anyone can make up more of them
            portal = domain.tenant
            # Its parents' too: member pages link the province portal by its address.
            prefetch_related_objects([portal], "domains")
            parents = [p for p in (portal.parent, portal.parent and portal.parent.parent) if p]
            if parents:
                prefetch_related_objects(parents, "domains")
            with self._lock:
                self._hosts[hostname] = portal
        return _copy(portal)

    def inactive_schemas(self) -> tuple[str, ...]:
        """Schemas of the portals that are not active (requested, suspended, archived)."""
        self._refresh()
        inactive = self._inactive
        if inactive is None:
            # The registry is only in the control plane's schema: found from any search_path.
            inactive = tuple(
                Portal.objects.exclude(status=Portal.Status.ACTIVE).values_list("schema_name", flat=True)
            )
            self._inactive = inactive
        return inactive


directory = Directory()


def _copy(portal: Portal) -> Portal:
    """A copy of a kept portal for one request (which sets attributes on it), as `copy.copy`
    makes it (`Model.__getstate__`: the instance and its field cache copied, not what they
    hold), without going through the generic copy protocol every request."""
    duplicate = Portal.__new__(Portal)
    duplicate.__dict__.update(portal.__dict__)
    state = ModelState.__new__(ModelState)
    state.__dict__.update(portal._state.__dict__)
    state.fields_cache = portal._state.fields_cache.copy()
    duplicate._state = state
    return duplicate


def registry_changed(**_kwargs) -> None:
    """A Portal or Domain was saved or deleted: every process forgets its host map once the
    change is committed (this one at once)."""
    directory.forget()
    if connection.in_atomic_block:
        transaction.on_commit(_bump)
    else:
        _bump()


def _bump() -> None:
    directory.forget()
    tokens.bump(tokens.PLATFORM, [REGISTRY])
