"""The page-cache and query-count tests serve the showcase portal: a page of every type (the
demo content of every section), committed so that a live server can serve it, built once per
run (tests/conftest.py: `showcase_portal`, shared with the browser tests)."""

from __future__ import annotations

import pytest

from tests.support.pages import SHOWCASE_CODE

CODE = SHOWCASE_CODE


@pytest.fixture(scope="package")
def demo_portal(showcase_portal):
    """The committed portal with every page type."""
    return showcase_portal
