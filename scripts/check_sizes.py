"""Report kgmem modules over 500 lines and functions over 80 lines (the project's size rules).

A long function is accepted when a comment saying why sits on its ``def`` line or the line
above it, starting with ``# long:``. Exit 1 when anything is over without a reason.
``python scripts/check_sizes.py [--max-module 500] [--max-function 80] [ROOT]``
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path


def _reason(lines: list[str], lineno: int) -> bool:
    """A ``# long:`` comment on the def line or in the comment block right above it."""
    if "# long:" in lines[lineno - 1]:
        return True
    i = lineno - 2
    while i >= 0 and lines[i].strip().startswith(("#", "@")):
        if lines[i].strip().startswith("# long:"):
            return True
        i -= 1
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", type=Path, default=Path(__file__).resolve().parents[1] / "kgmem")
    ap.add_argument("--max-module", type=int, default=500)
    ap.add_argument("--max-function", type=int, default=80)
    args = ap.parse_args()
    bad = 0
    for path in sorted(args.root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        rel = path.relative_to(args.root.parent)
        if len(lines) > args.max_module:
            print(f"module   {rel}: {len(lines)} lines")
            bad += 1
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno:
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                n = node.end_lineno - start + 1
                if n > args.max_function:
                    ok = _reason(lines, node.lineno)
                    print(f"function {rel}:{node.lineno} {node.name}: {n} lines" + (" (reason given)" if ok else ""))
                    bad += 0 if ok else 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
