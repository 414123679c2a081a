"""Perturbed copies of the hand-written extraction sets: the second set for a class of language.

    .venv/bin/python eval/bench_extraction_sets.py --transform lower      # every user turn lower-cased
    .venv/bin/python eval/bench_extraction_sets.py --transform typos      # one letter swap in some words
    .venv/bin/python eval/bench_extraction_perturb.py lower sentences_dev3.jsonl > /tmp/dev3_lower.jsonl

A change made for a class of language (names typed without capitals, a value read by its position)
is shown on the set it was found on AND on a copy nobody read in that form. The copies are made here,
deterministically, from the development sets only (tests/fixtures/extraction/*.jsonl; never its
heldout/ folder):

- ``lower``: the turn lower-cased, as many people type in chat ("moved to kyoto with noor");
- ``typos``: in about one word of three with five letters or more, two inner letters swapped
  ("restuarant"), seeded by the text; words of an expected value are kept, so that the gold still
  matches (a typo inside a name is another class: the scorer would need the misspelled value).

Expected values are left as they are: the scorers compare case-folded values.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

TRANSFORMS = ("none", "lower", "typos")
_WORD = re.compile(r"[A-Za-z]+")


def expected_words(rows: Iterable[dict[str, Any]]) -> set[str]:
    """Lower-cased words of every expected value of a set (hand-written and paraphrase records)."""
    out: set[str] = set()
    for r in rows:
        for e in r.get("expected", []):
            for v in [e.get("value", ""), *e.get("alt", [])]:
                out.update(w.lower() for w in _WORD.findall(str(v)))
        for pair in [*r.get("expect", []), *r.get("allow", [])]:
            out.update(w.lower() for w in _WORD.findall(str(pair[1])))
    return out


def _swap(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2:]


def perturb(text: str, how: str, keep: set[str] | frozenset[str] = frozenset()) -> str:
    """``text`` transformed by ``how`` (one of :data:`TRANSFORMS`); words in ``keep`` are never misspelled."""
    if how == "none":
        return text
    if how == "lower":
        return text.lower()
    if how == "typos":
        rng = random.Random(text)

        def sub(m: re.Match[str]) -> str:
            w = m.group(0)
            if len(w) < 5 or w.lower() in keep or rng.random() > 1 / 3:
                return w
            return _swap(w, rng)
        return _WORD.sub(sub, text)
    raise ValueError(f"unknown transform {how!r} (one of {', '.join(TRANSFORMS)})")


def perturb_rows(rows: list[dict[str, Any]], how: str) -> list[dict[str, Any]]:
    """Copies of ``rows`` whose user text is transformed (``role`` other than "user" is kept)."""
    keep = expected_words(rows)
    return [{**r, "text": perturb(r["text"], how, keep) if r.get("role", "user") == "user" else r["text"]}
            for r in rows]


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[0] not in TRANSFORMS:
        raise SystemExit(f"usage: bench_extraction_perturb.py {{{'|'.join(TRANSFORMS)}}} <fixture .jsonl>")
    path = Path(argv[1])
    if not path.is_absolute() and not path.exists():
        path = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "extraction" / path
    if "heldout" in path.parts:
        raise SystemExit("the held-out sentence sets are not copied (COMMON.md: do not open)")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in perturb_rows(rows, argv[0]):
        print(json.dumps(r, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
