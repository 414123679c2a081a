"""Bad input: a clear error naming the file/record/field, or a verbatim harmless store; nothing
already stored is lost; no Cypher is ever built from data."""

from __future__ import annotations

import ast
from pathlib import Path

from kgmem.store.base import MemoryStore

from .badinput import INJECTIONS, case_ok, run_all

ROOT = Path(__file__).resolve().parents[2]


def test_every_bad_input_fails_clearly_or_is_stored_verbatim(store: MemoryStore, tmp_path: Path, prefix: str) -> None:
    results = run_all(store, tmp_path, prefix)
    bad = [r for r in results if not case_ok(r)]
    assert not bad, bad
    assert len(results) >= 35
    assert {r["case"] for r in results} >= set(INJECTIONS)


def test_user_a_survives_a_cypher_injection_turn(store: MemoryStore, prefix: str) -> None:
    from .badinput import run_content_case
    from .harness import ingest, make_haystack, snapshot

    a = f"{prefix}:A"
    ingest(store, [make_haystack(a, n_sessions=2)])
    before = snapshot(store, [a])
    r = run_content_case("cypher", INJECTIONS["cypher"], store, a, f"{prefix}:B")
    assert r["outcome"] == "stored" and r["verbatim"] and r["innocent_intact"]
    assert snapshot(store, [a]) == before
    store.delete_user(a)


def _query_args(tree: ast.AST) -> list[tuple[int, ast.expr]]:
    """First arguments of every call that sends Cypher (run / execute_query / _read / _write)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args \
                and node.func.attr in {"run", "execute_query", "_read", "_write"}:
            out.append((node.lineno, node.args[0]))
    return out


def test_no_cypher_is_built_from_data() -> None:
    """Cypher text is a module constant of kgmem/store/cypher.py: call sites pass ``q.NAME``
    (or ``q.NAME[kind]``) and never an f-string, ``.format``, ``%`` or concatenation; cypher.py's
    f-strings interpolate only its own UPPER_CASE constants (labels, relationship types)."""
    store_src = (ROOT / "kgmem" / "store" / "neo4j_store.py").read_text(encoding="utf-8")
    offenders = []
    for lineno, arg in _query_args(ast.parse(store_src)):
        if isinstance(arg, (ast.JoinedStr, ast.BinOp)) or (
                isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "format"):
            offenders.append(f"neo4j_store.py:{lineno}")
    assert not offenders, f"Cypher built at call sites: {offenders}"
    cypher_src = (ROOT / "kgmem" / "store" / "cypher.py").read_text(encoding="utf-8")
    tree = ast.parse(cypher_src)
    constants = {t.id for n in tree.body if isinstance(n, (ast.Assign, ast.AnnAssign))
                 for t in (n.targets if isinstance(n, ast.Assign) else [n.target]) if isinstance(t, ast.Name)}
    in_errors = {id(n) for r in ast.walk(tree) if isinstance(r, ast.Raise) for n in ast.walk(r)}
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and id(node) not in in_errors:
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    names = {n.id for n in ast.walk(value.value) if isinstance(n, ast.Name)}
                    # comprehension variables over constant dicts (kind, label) are allowed too
                    if not all(n in constants or n in {"kind", "label", "name"} for n in names):
                        bad.append(f"cypher.py:{node.lineno} interpolates {sorted(names)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
            bad.append(f"cypher.py:{node.lineno} uses .format")
    assert not bad, bad
