"""Report modules over 400 lines and functions over 80 lines (the project's size rules).

Modules listed in ``scripts/size_allowlist.txt`` (paths from the repository root) may hold up to
500 lines until they are split; an entry whose module is back under the limit, or gone, fails
too, so the list only shrinks.

A long function is accepted when a comment saying why sits on its ``def`` line or the line
above it, starting with ``# long:`` and followed by the reason (two words or more). Exit 1
when anything is over without a reason. The module limit is for kgmem/; eval/ and scripts/ are
checked for functions only (``--functions-only``: eval/ holds data modules, e.g. a dev set's source).
``python scripts/check_sizes.py [--max-module 400] [--max-listed 500] [--max-function 80] [--functions-only] [ROOT ...]``
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path


def _says_why(comment: str) -> bool:
    """A ``# long:`` comment with a reason after it (a bare ``# long:`` says nothing)."""
    return len(comment.split("# long:", 1)[1].split()) >= 2


def _reason(lines: list[str], lineno: int) -> bool:
    """A ``# long:`` comment with a reason on the def line or in the comment block right above it."""
    if "# long:" in lines[lineno - 1]:
        return _says_why(lines[lineno - 1])
    i = lineno - 2
    while i >= 0 and lines[i].strip().startswith(("#", "@")):
        if lines[i].strip().startswith("# long:"):
            return _says_why(lines[i])
        i -= 1
    return False


ALLOWLIST = Path(__file__).resolve().parent / "size_allowlist.txt"


def _allowlist(path: Path) -> set[str]:
    """The listed module paths (comments and blank lines skipped)."""
    if not path.is_file():
        return set()
    return {line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("roots", nargs="*", type=Path, default=[Path(__file__).resolve().parents[1] / "kgmem"])
    ap.add_argument("--max-module", type=int, default=400)
    ap.add_argument("--max-listed", type=int, default=500, help="limit for modules in the allowlist")
    ap.add_argument("--allowlist", type=Path, default=ALLOWLIST)
    ap.add_argument("--max-function", type=int, default=80)
    ap.add_argument("--functions-only", action="store_true", help="no module-size limit")
    args = ap.parse_args()
    bad = 0
    listed = _allowlist(args.allowlist)
    repo = args.allowlist.resolve().parent.parent
    for path in sorted(p for root in args.roots for p in root.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        rel = path.relative_to(next(r for r in args.roots if path.is_relative_to(r)).parent)
        key = path.resolve().relative_to(repo).as_posix() if path.resolve().is_relative_to(repo) else None
        if not args.functions_only:
            limit = args.max_listed if key in listed else args.max_module
            if len(lines) > limit:
                print(f"module   {rel}: {len(lines)} lines (limit {limit})")
                bad += 1
            elif key in listed and len(lines) <= args.max_module:
                print(f"allowlist {key}: {len(lines)} lines, under {args.max_module}: remove it from {args.allowlist.name}")
                bad += 1
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno:
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                n = node.end_lineno - start + 1
                if n > args.max_function:
                    ok = _reason(lines, node.lineno)
                    print(f"function {rel}:{node.lineno} {node.name}: {n} lines" + (" (reason given)" if ok else ""))
                    bad += 0 if ok else 1
    for key in sorted(listed) if not args.functions_only else []:
        target = repo / key
        if not target.is_file() and any(target.is_relative_to(r.resolve()) for r in args.roots):
            print(f"allowlist {key}: no such module: remove it from {args.allowlist.name}")
            bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
