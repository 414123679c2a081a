"""Maintainer tool: derive the committed prose corpus from CPython's own documentation.

The generator reads ONLY the committed ``data/prose.jsonl.gz``; this script is how that file was
made (``python -m kgmem.datasets.synthetic.build_corpus``), so output never depends on what is
installed. Source text: the Python Language Reference topics (``pydoc_data.topics``) and the
docstrings of the standard library, both under the PSF licence (see ``data/PROSE_LICENSE``).
"""

from __future__ import annotations

import ast
import gzip
import io
import json
import re
import sysconfig
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "prose.jsonl.gz"
_SKIP_DIRS = {"test", "tests", "idlelib", "lib2to3", "site-packages", "dist-packages", "turtledemo", "tkinter", "ensurepip", "pydoc_data"}
_WORD = re.compile(r"[A-Za-z]{2,}")


def _prose_ratio(text: str) -> float:
    """Share of characters that sit in ordinary words (filters out code and tables)."""
    letters = sum(len(w) for w in _WORD.findall(text))
    return letters / max(1, len(text))


def _paragraphs(text: str) -> list[str]:
    """Split documentation text into prose paragraphs, dropping code blocks and doctests."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.splitlines()]
        if any(ln.startswith((">>>", "...", "$ ", "+-", "==", "--", "|")) for ln in lines):
            continue
        para = " ".join(ln for ln in lines if ln)
        para = re.sub(r"\s+", " ", para).strip()
        if len(para) < 90 or len(para) > 1500:
            continue
        if _prose_ratio(para) < 0.68 or para.count("(") > 8 or "::" in para[-3:]:
            continue
        if not para[0].isupper() or para[-1] not in ".:!?)":
            continue
        out.append(para.replace("``", "'"))
    return out


def _stdlib_docs(root: Path) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root)
        if set(rel.parts) & _SKIP_DIRS or rel.name.startswith("test_"):
            continue
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # a few stdlib files are templates or use other encodings
        module = ".".join(rel.with_suffix("").parts).replace(".__init__", "")
        for node in [tree, *ast.walk(tree)]:
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if not doc:
                    continue
                name = module if isinstance(node, ast.Module) else f"{module}.{node.name}"
                for para in _paragraphs(doc):
                    items.append((name, para))
    return items


def build() -> int:
    """Write the corpus; returns the number of passages."""
    import pydoc_data.topics as topics

    passages: list[tuple[str, str]] = []
    for key in sorted(topics.topics):
        for para in _paragraphs(topics.topics[key]):
            passages.append((key, para))
    passages.extend(_stdlib_docs(Path(sysconfig.get_paths()["stdlib"])))
    seen: set[str] = set()
    buf = io.BytesIO()
    # mtime=0 keeps the gzip bytes stable across rebuilds
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=9) as gz:
        n = 0
        for title, text in passages:
            if text in seen:
                continue
            seen.add(text)
            gz.write((json.dumps({"t": title, "x": text}, ensure_ascii=False, sort_keys=True) + "\n").encode())
            n += 1
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(buf.getvalue())
    return n


if __name__ == "__main__":
    count = build()
    print(f"wrote {count} passages, {OUT.stat().st_size} bytes to {OUT}")
