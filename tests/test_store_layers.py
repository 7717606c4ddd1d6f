"""The package layout holds: eventwire's packages import one another in one direction only (no
cycle), the linker never imports the store, and the web reads through the store's query module."""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import eventwire

ROOT = Path(eventwire.__file__).parent


def _unit(module: str) -> str:
    """The package (or top-level module) of `eventwire.x.y`: `x`."""
    return module.split(".")[1] if module.count(".") else module


def _imported(path: Path) -> set[str]:
    """The eventwire modules a source file imports, as absolute dotted names."""
    package = "eventwire." + ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    package = package.rstrip(".")
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("eventwire.")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            if module.startswith("eventwire."):
                found.add(module)
            elif module == "eventwire":
                found |= {f"eventwire.{a.name}" for a in node.names}
    return found


def package_graph() -> dict[str, set[str]]:
    """{package: the other packages it imports} over every source file of eventwire."""
    graph: dict[str, set[str]] = {}
    for path in ROOT.rglob("*.py"):
        unit = _unit("eventwire." + ".".join(path.relative_to(ROOT).with_suffix("").parts))
        graph.setdefault(unit, set()).update(_unit(m) for m in _imported(path) if _unit(m) != unit)
    return graph


def test_packages_import_each_other_in_one_direction():
    graph = package_graph()
    assert {"store", "link", "web", "cli"} <= set(graph)  # the walk saw the packages
    try:
        list(TopologicalSorter(graph).static_order())
        cycle = None
    except CycleError as error:
        cycle = error.args[1]
    assert cycle is None, f"import cycle: {' -> '.join(cycle)}"
    assert "store" not in graph["link"]


def test_no_sql_in_the_web_package():
    for path in (ROOT / "web").rglob("*.py"):
        calls = [
            n
            for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr.startswith("execute")
        ]
        assert not calls, f"{path.name} runs SQL itself: use eventwire/store/queries.py"
