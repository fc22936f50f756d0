"""The workspace imports the services; no service imports the workspace back, not even for
its types (they name `services.open_vault.OpenVault`). Read from the source with `ast`, every
import counted: at the top, inside a function, or under TYPE_CHECKING."""

from __future__ import annotations

import ast
from pathlib import Path

import casetracker.services

PACKAGE = "casetracker.services"
WORKSPACE = f"{PACKAGE}.workspace"


def _imports(path: Path) -> set[str]:
    """The modules of the services package that ``path`` imports, wherever the import is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None and not node.level:
            found.add(node.module)
            # ``from casetracker.services import cases``: a module, not a name in it
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith(f"{PACKAGE}.")}


def _graph() -> dict[str, set[str]]:
    folder = Path(casetracker.services.__file__).parent
    modules = {f"{PACKAGE}.{path.stem}": path for path in folder.glob("*.py")}
    return {name: _imports(path) & modules.keys() for name, path in modules.items()}


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen: set[str] = set()
    todo = list(graph[start])
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(graph[name])
    return seen


def test_nothing_the_workspace_imports_imports_it_back() -> None:
    graph = _graph()
    below = _reachable(graph, WORKSPACE)
    assert f"{PACKAGE}.cases" in below and f"{PACKAGE}.open_vault" in below
    back = sorted(name for name in below if WORKSPACE in graph[name])
    assert back == [], f"these import the workspace, which imports them: {back}"


def test_the_workspace_imports_its_services_at_the_top() -> None:
    """No import hidden in a function: the dependency is visible where the module begins."""
    source = Path(casetracker.services.__file__).parent / "workspace.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    nested = [
        node.lineno
        for function in ast.walk(tree)
        if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef)
        for node in ast.walk(function)
        if isinstance(node, ast.Import | ast.ImportFrom)
    ]
    assert nested == []
