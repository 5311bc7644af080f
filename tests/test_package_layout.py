"""The package's layout as the house style states it, read from the source with ``ast``.

- The import graph of ``src/analysis`` at the subpackage level (``analysis.corpus``, ``analysis.topics``,
  top-level modules such as ``analysis.config`` on their own) has no cycle, counting every import: at the
  top of a module, inside functions, and under ``TYPE_CHECKING``.
- The core (corpus, text, topics, tags, extract, compare) imports no Dask module anywhere, nor the optional
  ``analysis.dask`` package.
- No module imports another module's underscore name (``from x import _y``, or ``x._y`` on a module it
  imported): what two modules share has a public name.
- No module is longer than 500 lines and no function longer than 80 (docstring included).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from analysis.config import PACKAGE_DIR

CORE = ("corpus", "text", "topics", "tags", "extract", "compare")
DASK_MODULES = ("dask", "distributed", "dask_expr", "analysis.dask")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE_DIR.rglob("*.py"))}


def _trees() -> Iterator[tuple[str, Path, ast.Module]]:
    for name, path in MODULES.items():
        yield name, path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def _imports(name: str, path: Path, tree: ast.Module) -> Iterator[tuple[ast.stmt, str, str | None]]:
    """(statement, module imported, name imported from it or None) of every import in the module."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node, alias.name, None
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                yield node, base, alias.name


def _unit(module: str) -> str:
    """The subpackage a module belongs to (``analysis.corpus.cache.store`` -> ``analysis.corpus``)."""
    return ".".join(module.split(".")[:2])


def _target(module: str, name: str | None) -> str:
    """The module an import reaches: ``from analysis import report`` reaches ``analysis.report``."""
    if name is not None and f"{module}.{name}" in MODULES:
        return f"{module}.{name}"
    return module


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, path, tree in _trees():
        for _, module, imported in _imports(name, path, tree):
            target = _target(module, imported)
            if target.split(".")[0] == "analysis" and _unit(target) != _unit(name):
                graph.setdefault(_unit(name), set()).add(_unit(target))
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    """One cycle of the graph (as a path that comes back to its start), or [] when there is none."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        path.pop()
        state[node] = 2
        return []

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return []


def test_the_cycle_finder_finds_a_cycle():
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) == []


def test_import_graph_of_subpackages_has_no_cycle():
    graph = _graph()
    assert "analysis.corpus" in graph and "analysis.report" in graph  # the graph was read
    assert _cycle(graph) == [], f"import cycle between subpackages: {' -> '.join(_cycle(graph))}"


def test_the_core_imports_no_dask_anywhere():
    found = []
    for name, path, tree in _trees():
        if name.split(".")[1:2] and name.split(".")[1] in CORE:
            for node, module, imported in _imports(name, path, tree):
                target = _target(module, imported)
                if any(target == d or target.startswith(d + ".") for d in DASK_MODULES):
                    found.append(f"{path.relative_to(PACKAGE_DIR)}:{node.lineno} imports {target}")
    assert not found, "\n".join(found)


def _module_aliases(name: str, path: Path, tree: ast.Module) -> dict[str, str]:
    """Local names bound to a module of the package (``import analysis.x as y``, ``from analysis import x``)."""
    aliases = {}
    for node, module, imported in _imports(name, path, tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname and alias.name in MODULES:
                    aliases[alias.asname] = alias.name
        elif imported is not None and f"{module}.{imported}" in MODULES:
            bound = next(a.asname or a.name for a in node.names if a.name == imported)
            aliases[bound] = f"{module}.{imported}"
    return aliases


def test_no_module_uses_another_modules_underscore_names():
    found = []
    for name, path, tree in _trees():
        where = path.relative_to(PACKAGE_DIR)
        for node, module, imported in _imports(name, path, tree):
            private = (
                imported is not None and imported.startswith("_") and not imported.startswith("__")
            )
            if private and module != name:
                found.append(f"{where}:{node.lineno}: from {module} import {imported}")
        aliases = _module_aliases(name, path, tree)
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                found.append(f"{where}:{node.lineno}: {aliases[node.value.id]}.{node.attr}")
    assert not found, "underscore names used across modules:\n" + "\n".join(found)


MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80


def test_modules_and_functions_are_short():
    """No module over 500 lines, no function over 80 (from ``def`` to its last line, docstring included)."""
    found = []
    for _, path, tree in _trees():
        where = path.relative_to(PACKAGE_DIR)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            found.append(f"{where}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{where}:{node.lineno}: {node.name} is {length} lines")
    assert not found, "\n".join(found)
