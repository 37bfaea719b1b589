"""Fixtures of the open data API tests."""

from __future__ import annotations

import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Rate limits and kept answers live in the (process-wide) local-memory cache.
    cache.clear()
    yield
    cache.clear()
