"""Imports flow one way: surfaces (cli, serve, api, ui) → assistant → index, with eval beside the surfaces.

Every import statement of the shipped code is read, the lazy ones inside functions included, and
each module is placed in a layer. The CLI and the API live inside the ``assistant`` package but are
surfaces: ``assistant.api`` never imports the UI (the serving entry point mounts it) and the engine's
modules never import a surface, ``eval`` or the UI.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("assistant", "index", "ui", "eval", "prompts")

# Which layer may import which; a layer may always import itself.
ALLOWED = {
    "cli": {"serve", "assistant", "index", "eval"},
    "serve": {"api", "ui", "assistant"},
    "api": {"assistant"},
    "ui": {"assistant", "index"},  # the index's records (a document's status) are read, never built
    "eval": {"assistant", "index"},
    "assistant": {"index", "prompts"},
    "prompts": set(),
    "index": set(),
}


def layer(module: str) -> str | None:
    """The layer of a module of this project, or None for a third-party module."""
    parts = module.split(".")
    if parts[0] not in PACKAGES:
        return None
    if parts[0] == "assistant" and len(parts) > 1 and parts[1] in {"cli", "serve", "api"}:
        return parts[1]
    if parts[0] == "assistant" and len(parts) > 1 and parts[1] == "serving":  # serve's worker processes
        return "serve"
    return parts[0]


def modules() -> Iterator[tuple[str, Path]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            name = ".".join(relative.parts).removesuffix(".__init__")
            yield name, path


def imported(name: str, path: Path) -> Iterator[str]:
    """Every module ``path`` imports, wherever the statement stands (top level, function, TYPE_CHECKING)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolved against this module's package
                package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
                base = package[: len(package) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.module


def arrows() -> dict[tuple[str, str], list[str]]:
    """(from layer, to layer) → the imports that make the arrow, as ``module → imported``."""
    found: dict[tuple[str, str], list[str]] = {}
    for name, path in modules():
        source = layer(name)
        assert source is not None
        for target_module in imported(name, path):
            target = layer(target_module)
            if target is not None and target != source:
                found.setdefault((source, target), []).append(f"{name} → {target_module}")
    return found


def test_no_module_imports_against_the_flow():
    forbidden = {arrow: where for arrow, where in arrows().items() if arrow[1] not in ALLOWED[arrow[0]]}
    assert not forbidden, forbidden


def test_the_layers_form_no_cycle():
    graph: dict[str, set[str]] = {}
    for source, target in arrows():
        graph.setdefault(source, set()).add(target)
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:
        raise AssertionError(f"import cycle between layers: {error.args[1]}") from None
    assert order.index("index") < order.index("assistant") < order.index("api") < order.index("serve")


def test_the_api_does_not_import_the_ui_and_the_engine_no_surface():
    found = arrows()
    assert ("api", "ui") not in found
    assert not [arrow for arrow in found if arrow[0] == "assistant" and arrow[1] in {"cli", "serve", "api", "ui", "eval"}]
    assert ("serve", "ui") in found, "the serving entry point is what mounts the UI"


def test_the_walker_sees_lazy_imports():
    """A function-level import counts: hiding an arrow inside a function does not remove it."""
    assert "eval.runner" in set(imported("assistant.cli", ROOT / "assistant" / "cli.py"))
