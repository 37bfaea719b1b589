"""No module names the control plane's schema by hand: `tenants.current` answers which schema
and which portal (public_schema(), is_public(), in_public_schema(), current_portal())."""

from __future__ import annotations

import ast
from collections import Counter

from tests.architecture.test_layers import LAYERS, ROOT, package_dir

# The word is also a reserved portal code (PostgreSQL has a schema of that name in every
# database, whatever the control plane's is called).
ALLOWED = Counter({"tenants/models.py": 1})


def public_literals() -> Counter:
    found: Counter = Counter()
    for app in LAYERS:
        app_dir = package_dir(app)
        if app_dir is None:
            continue
        for path in app_dir.rglob("*.py"):
            if "migrations" in path.parts:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and node.value == "public":
                    found[str(path.relative_to(ROOT))] += 1
    return found


def test_no_module_writes_the_public_schema_name():
    assert public_literals() == ALLOWED, "ask tenants.current instead of writing \"public\""
