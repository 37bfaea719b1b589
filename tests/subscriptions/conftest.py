"""Fixtures of the subscription tests."""

from __future__ import annotations

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The hourly and per-address limits live in the (process-wide) cache.
    cache.clear()
    yield
    cache.clear()
