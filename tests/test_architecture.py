"""The packages of generator/ depend one way, as docs/architecture.md draws them."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Each package may import only those before it in this order.
LAYERS = ["domain", "records", "site", "render", "integrations", "engine", "cli"]
# Scrapers turn pages into records: they may use the domain, the records and the site's text helpers.
SCRAPERS_MAY_USE = {"domain", "records", "site"}


def _imports(path: Path) -> set[str]:
    """The generator packages a module imports, at any depth of the file."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "generator" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_each_package_imports_only_the_packages_below_it():
    wrong = []
    for path in sorted((ROOT / "generator").rglob("*.py")):
        package = path.relative_to(ROOT / "generator").parts[0]
        if package not in LAYERS:
            continue
        allowed = set(LAYERS[:LAYERS.index(package) + 1])
        wrong += [f"{path.relative_to(ROOT)} imports generator.{p}" for p in _imports(path) - allowed]
    for path in sorted((ROOT / "scrapers").rglob("*.py")):
        wrong += [f"{path.relative_to(ROOT)} imports generator.{p}" for p in _imports(path) - SCRAPERS_MAY_USE]
    assert not wrong, "\n".join(wrong)


_MUTATORS = {"append", "extend", "update", "add", "clear", "pop", "popitem", "setdefault", "remove", "discard", "insert"}


def test_no_module_keeps_mutable_state_at_module_level():
    """No global statement, and no module-level list, dict or set that code changes."""
    found = []
    for path in sorted([*(ROOT / "generator").rglob("*.py"), *(ROOT / "scrapers").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        containers = set()
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            mutable = isinstance(value, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)) or (
                isinstance(value, ast.Call) and getattr(value.func, "id", "") in {"list", "dict", "set", "defaultdict"})
            if mutable:
                containers |= {t.id for t in targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: global {', '.join(node.names)}")
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in _MUTATORS
                  and isinstance(node.func.value, ast.Name) and node.func.value.id in containers):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.func.value.id}.{node.func.attr}()")
            elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
                for t in getattr(node, "targets", None) or [node.target]:
                    if isinstance(t, ast.Subscript) and isinstance(t.value, ast.Name) and t.value.id in containers:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {t.value.id}[…] changed")
    assert not found, "\n".join(found)


def test_no_module_binds_a_top_level_name_twice():
    """A second pattern under a name already used replaces the first for every caller above it,
    with no error: each name is bound once."""
    twice = []
    for path in sorted([*(ROOT / "generator").rglob("*.py"), *(ROOT / "scrapers").rglob("*.py")]):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names = [node.name]
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                names = [node.target.id]
            else:
                continue
            twice += [f"{path.relative_to(ROOT)}: {n}" for n in names if n in seen]
            seen.update(names)
    assert twice == []
