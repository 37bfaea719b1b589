"""Figures other apps add to every report, registered in their `AppConfig.ready()`.

    register_source("visits", _("Lượt truy cập"), totals, labels={"views": …, "visitors": …})

`func(start, end)` runs in the portal's schema and returns {name: number}. A report shows a
source's rows only when the source is registered; reports submitted before keep what they
had.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Source:
    key: str
    label: str
    func: Callable[[dt.date, dt.date], Mapping[str, int]]
    labels: Mapping[str, str] = field(default_factory=dict)  # figure name → row label


_sources: dict[str, Source] = {}


def register_source(key: str, label, func, labels: Mapping | None = None) -> None:
    _sources[key] = Source(key, label, func, dict(labels or {}))


def unregister_source(key: str) -> None:
    _sources.pop(key, None)


def registered_sources() -> list[Source]:
    return [_sources[key] for key in sorted(_sources)]
