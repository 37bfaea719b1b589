"""The recipe “How to add a mandated section” (docs/conventions.md) names real things: every
dotted name it cites imports (or is a model's label), and every path it cites exists."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "themes" / "base" / "templates"
HEADING = "## How to add a mandated section"
CODE = re.compile(r"`([^`]+)`")
DOTTED = re.compile(r"(?<![\w./])[a-z_][a-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+")
FILE_NAME = re.compile(r"\.(py|html|po|md|toml)$")


def spans() -> list[str]:
    text = (ROOT / "docs" / "conventions.md").read_text(encoding="utf-8")
    assert HEADING in text
    recipe = text.split(HEADING, 1)[1].split("\n## ", 1)[0]
    return [" ".join(match.group(1).split()) for match in CODE.finditer(recipe)]


def paths() -> list[str]:
    """Paths cited on their own; a bare name (`apps.py`, `migrations/`) is what any app has."""
    return [s for s in spans() if " " not in s and "/" in s.rstrip("/")]


def dotted_names() -> list[str]:
    names = []
    for span in spans():
        if span in paths():
            continue
        names += [name for name in DOTTED.findall(span) if not FILE_NAME.search(name)]
    return names


def resolves(name: str) -> bool:
    """`a.b.C.d`: the longest importable module prefix, then attributes; or `app.Model`."""
    parts = name.split(".")
    if len(parts) == 2:
        try:
            apps.get_model(name)
            return True
        except (LookupError, ValueError):
            pass
    for cut in range(len(parts), 0, -1):
        try:
            target = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(target, attribute):
                return False
            target = getattr(target, attribute)
        return True
    return False


def exists(path: str) -> bool:
    return any((base / path).exists() for base in (ROOT, ROOT / "platform", TEMPLATES))


def test_every_dotted_name_the_recipe_cites_imports():
    names = dotted_names()
    assert {"core.sections.register_section", "core.listing.SectionIndexPage",
            "science.ScienceIndexPage", "demo.portals.DEMO_CONTENT"} <= set(names)
    assert [name for name in names if not resolves(name)] == []


def test_every_path_the_recipe_cites_exists():
    cited = paths()
    assert "themes/base/templates/science/science_index_page.html" in cited
    assert [path for path in cited if not exists(path)] == []
