"""The import layers of docs/architecture.md, enforced: who may import whom, and no cycles.

Every import in kgmem/ counts, including imports inside functions (a lazy import is still a
dependency); imports under ``if TYPE_CHECKING:`` count for the layers but not for cycles (they
never run). A new top-level module or package must be added to ``ALLOWED`` below and to the
table in docs/architecture.md.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

KGMEM = Path(__file__).resolve().parents[2] / "kgmem"

#: plain data and helpers every layer may use; they import only each other
FOUNDATION = {"models", "settings", "ids", "text", "packaged", "predicates", "resources", "lexicon", "knowledge", "nlp",
              "parse_cache", "bank_cache", "embedding_cache", "predicate_bank", "api_types", "localdb", "procpool", "kgmem"}

#: unit → the units it may import besides FOUNDATION (a unit is a top-level module or package)
ALLOWED: dict[str, set[str]] = {
    "temporal": set(),
    "embeddings": set(),
    "llm": set(),
    "store": set(),
    "neo4j_homes": set(),
    "neo4j_server": {"neo4j_homes"},
    "neo4j_browser": {"neo4j_server"},
    "extraction": {"llm", "temporal", "embeddings"},
    "memory": {"extraction", "store", "embeddings", "temporal"},
    "retrieval": {"store", "embeddings", "temporal", "llm"},
    "answer": {"llm", "temporal", "retrieval"},
    "datasets": {"temporal", "embeddings"},
    "api_parts": {"retrieval", "answer", "extraction", "store", "embeddings", "llm"},
    "api": {"api_parts", "memory", "retrieval", "answer", "extraction", "store", "embeddings", "llm", "temporal"},
    "evaluation": {"api", "datasets", "memory", "retrieval", "answer", "extraction", "store",
                   "embeddings", "llm", "temporal"},
    "serve": {"api", "memory", "retrieval", "answer", "extraction", "store", "embeddings", "llm",
              "temporal"},
    "cli": {"serve", "evaluation", "api", "datasets", "memory", "retrieval", "answer", "extraction",
            "store", "embeddings", "llm", "temporal", "neo4j_server", "neo4j_homes", "neo4j_browser"},
    "__main__": {"cli"},
}


#: cycles that exist on main and are being removed by their owner; each entry names who and why
KNOWN_CYCLES: dict[frozenset[str], str] = {}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(KGMEM.rglob("*.py")):
        parts = path.relative_to(KGMEM.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path) -> list[tuple[str, bool]]:
    """(imported kgmem module or name, whether it runs) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            type_only.update(id(n) for n in ast.walk(node))
    found = []
    for node in ast.walk(tree):
        runs = id(node) not in type_only
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.split(".")[0] == "kgmem":
                found += [(f"{node.module}.{a.name}", runs) for a in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, runs) for a in node.names if a.name.split(".")[0] == "kgmem"]
    return found


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "kgmem"


def _resolve(name: str, modules: dict[str, Path]) -> str:
    """``kgmem.store.base.StoreError`` → ``kgmem.store.base`` (the module the name lives in)."""
    while name not in modules and "." in name:
        name = name.rsplit(".", 1)[0]
    return name


def test_every_unit_has_a_layer() -> None:
    units = {_unit(m) for m in _modules()}
    unknown = sorted(units - set(ALLOWED) - FOUNDATION)
    assert unknown == [], f"new top-level units {unknown}: add them to ALLOWED here and to docs/architecture.md"


def test_imports_follow_the_layers() -> None:
    modules = _modules()
    violations = []
    for name, path in modules.items():
        src = _unit(name)
        allowed = FOUNDATION if src in FOUNDATION else ALLOWED.get(src, set()) | FOUNDATION
        for imported, _ in _imports(path):
            dst = _unit(_resolve(imported, modules))
            if dst != src and dst not in allowed:
                violations.append(f"{name} imports {imported} ({src} → {dst})")
    assert violations == [], "\n".join(violations)


def test_no_import_cycles_between_modules() -> None:
    """No two modules need each other at run time; a shared piece moves to a third module
    instead of hiding the cycle behind an import inside a function."""
    modules = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules.items():
        for imported, runs in _imports(path):
            target = _resolve(imported, modules)
            # a package importing its own submodules (an __init__ re-export) is not a cycle
            if runs and target != name and not target.startswith(name + "."):
                graph[name].add(target)
    cycles = [c for c in _strongly_connected(graph, list(modules)) if frozenset(c) not in KNOWN_CYCLES]
    assert cycles == [], f"import cycles: {cycles}"


def _strongly_connected(graph: dict[str, set[str]], nodes: list[str]) -> list[list[str]]:
    """Tarjan's algorithm, iterative; returns the components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp.append(member)
                    if member == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out
