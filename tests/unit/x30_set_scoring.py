"""Scoring of x30's invented set (``tests/fixtures/extraction/job_plans_kinds_x30.jsonl``): the README's matching rule
(:func:`test_extraction_handwritten.matches`) with three more checks that the older sets leave out:

- ``valid_from`` on an expected fact: the stored fact's ``valid_from`` is that day (the line's own time wins);
- ``ended: true`` (a held slot: :data:`kgmem.predicates.EARLIER_VALUE_SLOTS`): the fact is stored as an earlier value (``valid_to`` set, on or before the day said), never as held;
  a fact of the same slot and value stored as still held is counted as a false fact;
- ``allow`` on a row: predicates a fair reader may also store from the line (an event, a relative named), neither
  counted as right nor as wrong; ``"open"`` there allows any predicate outside the registry (an open fact).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_scoring import CategoryScore  # noqa: E402
from test_extraction_handwritten import matches  # noqa: E402

from kgmem.extraction.schema import CandidateFact  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.predicates import EARLIER_VALUE_SLOTS, REGISTRY  # noqa: E402

SET = Path(__file__).resolve().parents[1] / "fixtures" / "extraction" / "job_plans_kinds_x30.jsonl"


def load(path: Path = SET) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def fits(exp: dict[str, Any], f: CandidateFact, said: datetime) -> bool:
    """``f`` is the expected fact, with its day and its being ended where the row says so."""
    if not matches(exp, f):
        return False
    if "valid_from" in exp and (f.valid_from is None or f.valid_from.date().isoformat() != exp["valid_from"]):
        return False
    if f.predicate not in EARLIER_VALUE_SLOTS:
        return True  # an outing or a purchase carries its own day as its end: only a held slot ends
    ended = f.valid_to is not None and f.valid_to.date() <= said.date()
    return ended == bool(exp.get("ended"))


def _allowed(predicate: str, allowed: set[str]) -> bool:
    return predicate in allowed or ("open" in allowed and predicate not in REGISTRY)


def score(extractor: RuleExtractor, rows: list[dict[str, Any]]) -> dict[str, CategoryScore]:
    """Per category: expected facts found, stored facts right (allowed predicates set aside)."""
    out: dict[str, CategoryScore] = defaultdict(CategoryScore)
    said = [datetime.fromisoformat(r["session_date"]) for r in rows]
    results = extractor.extract_many([([("user", r["text"])], d) for r, d in zip(rows, said)])
    for row, day, res in zip(rows, said, results):
        s = out[row["category"]]
        allowed = set(row.get("allow", ()))
        facts = [f for f in res.facts
                 if not _allowed(f.predicate, allowed) or any(fits(e, f, day) for e in row["expected"])]
        free = list(facts)
        got = [(f.subject, f.predicate, f.value, f.valid_from and f.valid_from.date().isoformat(),
                f.valid_to and f.valid_to.date().isoformat()) for f in res.facts]
        for exp in row["expected"]:
            s.expected += 1
            hit = next((f for f in free if fits(exp, f, day)), None)
            if hit is None:
                s.misses.append(f"{row['id']} {exp['predicate']}={exp['value']!r} <- {row['text'][:100]!r} got {got}")
            else:
                s.found += 1
                free.remove(hit)
        for f in facts:
            s.extracted += 1
            if any(fits(e, f, day) for e in row["expected"]):
                s.correct += 1
            else:
                s.false_positives.append(f"{row['id']} {f.subject}.{f.predicate}={f.value!r} "
                                         f"({f.valid_from}..{f.valid_to}) <- {row['text'][:100]!r}")
    return dict(out)


def main() -> None:
    res = score(RuleExtractor(), load(Path(sys.argv[1]) if len(sys.argv) > 1 else SET))
    total = CategoryScore()
    for cat, s in sorted(res.items()):
        total.add(s)
        print(f"{cat:18} found {s.found}/{s.expected}  correct {s.correct}/{s.extracted}")
        for line in s.misses:
            print("   MISS", line)
        for line in s.false_positives:
            print("   FALSE", line)
    print(f"{'total':18} found {total.found}/{total.expected}  correct {total.correct}/{total.extracted}  "
          f"recall {total.recall:.3f} precision {total.precision:.3f}")


if __name__ == "__main__":
    main()
