"""The walk the single-copy guards share: which of kgmem's files still write a lexicon's words out again.

Each guard (``test_*_single_copy.py``) says what a copy looks like (``find``: the file's relative path and
text -> one line per copy), which trees may keep words of their own (``exempt``), and which known copies are
still waiting for their owner (``pending``, a list that may only shrink).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "kgmem"

Finder = Callable[[str, str], list[str]]


def copies(find: Finder, exempt: tuple[str, ...], suffixes: tuple[str, ...] = (".py",)) -> dict[str, list[str]]:
    """``relative path -> copies found`` for every file under kgmem/ with one of ``suffixes``, the exempt ones left out."""
    out = {}
    for path in sorted(ROOT.rglob("*")):
        rel = path.relative_to(ROOT).as_posix()
        if path.suffix not in suffixes or rel.startswith(exempt):
            continue
        found = find(rel, path.read_text(encoding="utf-8"))
        if found:
            out[rel] = found
    return out


def assert_no_new_copy(found: dict[str, list[str]], pending: dict[str, str], advice: str) -> None:
    """Every copy found is a pending one."""
    extra = {rel: lines for rel, lines in found.items() if rel not in pending}
    assert not extra, f"{advice}: {extra}"


def assert_pending_only_shrinks(found: dict[str, list[str]], pending: dict[str, str]) -> None:
    """Every pending file still holds its copy (one that was mended leaves the list)."""
    stale = sorted(set(pending) - set(found))
    assert not stale, f"these files no longer copy the words; drop them from PENDING: {stale}"
