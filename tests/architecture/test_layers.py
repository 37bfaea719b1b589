"""The layer rule (docs/architecture.md): every project module imports only its own app, apps
of lower layers, or (for section and feature apps) sibling apps of the same layer — at module
level and inside functions alike. A lower layer that needs something of a higher one gets it
by registration in the higher app's `AppConfig.ready()`, never by importing it.

The test parses the source, so it also sees imports that only run inside a function, and
names each offender with its file and line.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Bottom up. Apps of layer 3 may import one another (a direction page links to legal
# documents); every other import must point to a lower layer or to the app itself.
LAYERS: dict[str, int] = {
    "core": 0,
    "tenants": 1,
    "themes": 2,
    "search": 2,
    **{
        app: 3
        for app in (
            "accounts", "editorial", "home", "workdays", "compliance", "languages",
            "introduction", "news", "legaldocs", "direction", "planning", "projects",
            "contacts", "science", "stats", "budget", "services", "participation", "signin",
            "deadlines", "reports", "visits", "disclosure", "opendata",
            "subscriptions",
        )
    },
    "console": 4,
    "demo": 4,
    # The Django project: settings and URL configuration put everything together.
    "cong": 5,
}
SAME_LAYER_ALLOWED = {3}

# Offences that are known and being removed, as (importing app, imported app). Each must
# still occur: once it is gone, delete it here so it cannot come back unnoticed.
KNOWN_OFFENCES: set[tuple[str, str]] = set()

# Where each top-level package lives.
SOURCE_DIRS = [ROOT / "platform", ROOT]
NOT_APPS = {"tests", "benchmarks", "deploy", "docs", "locale", "var"}

# Calls that import a module named by a string.
DYNAMIC_IMPORTS = {"import_string", "import_module", "__import__"}


def package_dir(app: str, source_dirs: list[Path] = SOURCE_DIRS) -> Path | None:
    for base in source_dirs:
        candidate = base / app
        if (candidate / "__init__.py").exists():
            return candidate
    return None


@dataclass(frozen=True)
class Import:
    path: Path
    line: int
    module: str  # dotted name, or "<…>" for a name computed at run time


def module_name(path: Path, app: str, app_dir: Path) -> list[str]:
    relative = path.relative_to(app_dir).with_suffix("")
    parts = [app, *relative.parts]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return parts


def _called_name(node: ast.Call) -> str:
    func = node.func
    return getattr(func, "id", None) or getattr(func, "attr", "")


def imports_of(path: Path, app: str, app_dir: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module_name(path, app, app_dir)
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.append(Import(path, node.lineno, module))
        elif isinstance(node, ast.Call) and _called_name(node) in DYNAMIC_IMPORTS and node.args:
            argument = node.args[0]
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                found.append(Import(path, node.lineno, argument.value))
            else:
                # import_string(f"{app}.…") reaches apps by name: what registration is for.
                found.append(Import(path, node.lineno, "<a module name computed at run time>"))
    return found


def offences(layers: dict[str, int] = LAYERS, source_dirs: list[Path] = SOURCE_DIRS,
             root: Path = ROOT) -> list[tuple[str, str, str]]:
    """(importing app, imported app or "<…>", message) for every import that runs up."""
    problems = []
    for app, layer in layers.items():
        app_dir = package_dir(app, source_dirs)
        if app_dir is None:
            continue
        for path in sorted(app_dir.rglob("*.py")):
            for found in imports_of(path, app, app_dir):
                where = f"{path.relative_to(root)}:{found.line}"
                if found.module.startswith("<"):
                    problems.append((app, found.module, f"{where}: {app} imports {found.module}"))
                    continue
                target = found.module.split(".")[0]
                if target == app or target not in layers:
                    continue
                target_layer = layers[target]
                if target_layer < layer:
                    continue
                if target_layer == layer and layer in SAME_LAYER_ALLOWED:
                    continue
                problems.append((
                    app, target,
                    f"{where}: {app} (layer {layer}) imports {found.module} (layer {target_layer})",
                ))
    return problems


def test_every_app_has_a_layer():
    apps = set()
    for base in SOURCE_DIRS:
        for init in base.glob("*/__init__.py"):
            if init.parent.name not in NOT_APPS:
                apps.add(init.parent.name)
    assert apps - set(LAYERS) == set(), "give every new app a layer in LAYERS"
    assert set(LAYERS) - apps == set(), "an app in LAYERS no longer exists"


def test_no_import_runs_up_a_layer():
    problems = [message for app, target, message in offences() if (app, target) not in KNOWN_OFFENCES]
    assert problems == [], "imports that run up a layer:\n" + "\n".join(problems)


def test_known_offences_still_exist():
    still = {(app, target) for app, target, _message in offences()}
    gone = KNOWN_OFFENCES - still
    assert gone == set(), f"remove from KNOWN_OFFENCES, these imports are gone: {sorted(gone)}"


def test_the_check_finds_upward_imports_wherever_they_are(tmp_path):
    """The checker itself: imports at module level, inside functions, relative ones that stay
    home, and modules reached by a name built at run time."""
    low = tmp_path / "low"
    (low / "sub").mkdir(parents=True)
    high = tmp_path / "high"
    high.mkdir()
    (low / "__init__.py").write_text("")
    (low / "sub" / "__init__.py").write_text("from .. import helpers\nfrom . import more\n")
    (low / "helpers.py").write_text(
        "import high.models\n"
        "\n"
        "def later():\n"
        "    from high.views import page\n"
        "    from django.utils.module_loading import import_string\n"
        "    import_string(f'{name}.demo.load')\n"
        "    import_string('high.demo.load')\n"
    )
    (high / "__init__.py").write_text("import low.helpers\n")
    found = offences({"low": 0, "high": 1}, [tmp_path], tmp_path)
    assert [(app, target) for app, target, _m in found] == [
        ("low", "high"), ("low", "high"), ("low", "<a module name computed at run time>"),
        ("low", "high"),
    ]
    assert [message.split(":")[:2] for _a, _t, message in found] == [
        ["low/helpers.py", "1"], ["low/helpers.py", "4"], ["low/helpers.py", "6"],
        ["low/helpers.py", "7"],
    ]
