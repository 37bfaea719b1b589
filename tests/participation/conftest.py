"""Fixtures of the participation tests."""

from __future__ import annotations

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    # The rate limit lives in the (process-wide) local-memory cache.
    cache.clear()
    yield
    cache.clear()
