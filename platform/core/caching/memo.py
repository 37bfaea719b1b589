"""What every page of a portal needs and rarely changes (its Site, home pages, locales, menus,
settings, view restrictions), read once per portal and process and kept until the portal's
token changes (`tokens.PORTAL`).

Bounded: the most recently served `CONG_PORTAL_MEMO_SIZE` portals are kept, so a worker
serving a thousand portals round-robin holds as much as one serving a hundred. Values are
shared by every thread of the process: keep immutable data, or hand out copies.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db import connection

from . import tokens

T = TypeVar("T")

_portals: OrderedDict[str, tuple[int, dict]] = OrderedDict()
_lock = threading.Lock()


def memo(name: str, build: Callable[[], T]) -> T:
    """The value `name` of the connection's portal: kept, or built now and kept."""
    schema = connection.schema_name
    if tokens.is_pending(schema):
        # This thread changed the portal in a transaction not committed yet.
        return build()
    token = tokens.portal_token(schema)
    with _lock:
        kept = _portals.get(schema)
        if kept is not None and kept[0] == token and name in kept[1]:
            _portals.move_to_end(schema)
            return kept[1][name]
    value = build()
    with _lock:
        kept = _portals.get(schema)
        if kept is None or kept[0] < token:
            kept = (token, {})
            _portals[schema] = kept
        if kept[0] == token:
            kept[1][name] = value
            _portals.move_to_end(schema)
        while len(_portals) > settings.CONG_PORTAL_MEMO_SIZE:
            _portals.popitem(last=False)
    return value


def forget(schema: str) -> None:
    """Drop what this process keeps of `schema` (other processes follow the token)."""
    with _lock:
        _portals.pop(schema, None)


def clear() -> None:
    with _lock:
        _portals.clear()


def size() -> int:
    return len(_portals)
