from __future__ import annotations

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    # Lets a fixture see whether its test failed (the stack then prints its servers' logs).
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)
