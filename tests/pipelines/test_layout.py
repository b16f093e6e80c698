"""The shape of `pipelines/` (its docstring): `definitions.py` and the CLI on top, Dagster objects in `defs/`, a library
in `lib/`; data flows one way, so nothing in `lib/` imports `defs/`, `definitions` or `cli`."""
import ast
import importlib
from pathlib import Path

import pipelines

PACKAGE = Path(pipelines.__file__).resolve().parent
TOP_LEVEL = {"__init__.py", "cli.py", "definitions.py"}
UPPER = ("pipelines.defs", "pipelines.definitions", "pipelines.cli")


def _imported(path: Path) -> set[str]:
    """Given a module's file, return every module it imports (at the top or inside functions)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_lib_never_imports_defs_definitions_or_cli():
    wrong = {str(path.relative_to(PACKAGE)): sorted(m for m in _imported(path) if m.startswith(UPPER))
             for path in sorted((PACKAGE / "lib").rglob("*.py"))}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_top_level_holds_definitions_and_cli_only():
    modules = {p.name for p in PACKAGE.glob("*.py")}
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert modules == TOP_LEVEL
    assert folders == {"defs", "lib", "event_storage"}  # event_storage: the former module path, see below


def test_former_event_storage_path_still_loads():
    """An instance home seeded before the move names `pipelines.event_storage` in its dagster.yaml."""
    from pipelines.lib.instance.event_storage import BatchingSqliteEventLogStorage

    legacy = importlib.import_module("pipelines.event_storage")
    assert legacy.BatchingSqliteEventLogStorage is BatchingSqliteEventLogStorage
