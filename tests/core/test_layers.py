"""The bottom layers import downward only: `core` imports no project app, and `themes` only
`core` and `tenants` (issue #11)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PROJECT_APPS = {path.name for path in (ROOT / "platform").iterdir() if (path / "__init__.py").exists()}
PROJECT_APPS |= {"tenants", "themes", "search"}


def _imported_apps(package: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names & PROJECT_APPS
    return found


@pytest.mark.parametrize(
    ("package", "allowed"),
    [
        ("platform/core", {"core"}),
        ("themes", {"core", "tenants", "themes"}),
    ],
)
def test_a_bottom_layer_imports_no_layer_above_it(package, allowed):
    upward = {
        path: names - allowed
        for path, names in _imported_apps(ROOT / package).items()
        if names - allowed
    }
    assert not upward
