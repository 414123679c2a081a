"""The zero-LLM tier on auth13's hand-written sentences, scored per category (issue #13).

``tests/fixtures/extraction/handwritten_sentences.jsonl`` (format and matching rule in that
folder's README) was written by hand before the extraction rebuild; the code was developed against
it, so these figures are reported as such, next to the synthetic held-out families nobody read.
Targets (issue #13): recall and precision >= 0.85 in every category (``negative``: no fact at
all). Not met yet in most categories; the tests hold each category to its measured floor
(:data:`FLOORS`, measured when they were set) so a regression fails, and
eval/results/extraction_sets.md reports the figures against the targets.
Run as a script to list misses and false positives per category:
``.venv/bin/python tests/unit/test_extraction_handwritten.py``.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extraction_scoring import CategoryScore  # noqa: E402

from kgmem.extraction.schema import CandidateFact  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.ids import normalise_name  # noqa: E402
from kgmem.predicates import REGISTRY  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "extraction" / "handwritten_sentences.jsonl"
TARGET = 0.85
#: measured floors per category (recall, precision): the target is TARGET; raise these as it improves
FLOORS: dict[str, tuple[float, float]] = {
    "plain": (0.85, 0.95), "question_aside": (0.85, 0.90), "task_aside": (0.75, 0.85),
    "rambling": (0.74, 0.74), "two_facts": (0.95, 0.95), "typos": (0.85, 0.90),
}
#: auth5's second set (session 5, a development set by a new hand; measured blind at 0.410 / 0.602):
#: floors measured at rules-18 (x13g, session 6), just under the figures then (one fact fewer fails most of them)
DEV2 = ROOT / "tests" / "fixtures" / "extraction" / "sentences_dev2.jsonl"
FLOORS_DEV2: dict[str, tuple[float, float]] = {
    "plain": (0.85, 0.90), "question_aside": (0.60, 0.80), "task_aside": (0.80, 0.90),
    "rambling": (0.45, 0.50), "two_facts": (0.68, 0.86), "typos": (0.60, 0.85),
}
# two_facts precision 0.88 -> 0.86 (x13k, session 9): hs2-053 "Cycled in every day this week" is now read as
# commute "by bike" (the value form the tier gives every commute), which the gold's "cycled"/"bike" does not match


def norm_value(value: str) -> str:
    """The README's normalisation: lower case, leading article, currency, thousands separators and
    surrounding punctuation stripped."""
    v = value.casefold().strip()
    v = re.sub(r"[£$€]", "", v)
    v = re.sub(r"(?<=\d),(?=\d{3}\b)", "", v)
    v = re.sub(r"^(?:the|a|an|my|our)\s+", "", v)
    v = re.sub(r"\s+", " ", v)
    return v.strip(" .,;:!?\"'()-")


def _subject_ok(expected: str, got: str) -> bool:
    if expected == "user":
        return got == "user"
    if got == "user":
        return False
    a, b = normalise_name(expected), normalise_name(got)
    return a == b or a in b.split() or b in a.split()


def _pred_ok(exp: dict[str, Any], pred: str) -> bool:
    options = [exp["predicate"], *exp.get("alt_predicates", [])]
    return pred in options or ("open" in options and pred not in REGISTRY)


def matches(exp: dict[str, Any], f: CandidateFact) -> bool:
    """An extracted fact matches an expected one (README rule)."""
    if not _subject_ok(exp["subject"], f.subject) or not _pred_ok(exp, f.predicate):
        return False
    got = norm_value(f.value)
    return any(got == norm_value(v) for v in [exp["value"], *exp.get("alt", [])])


def load_rows(path: Path = FIXTURE) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for n, row in enumerate(rows, 1):
        for key in ("id", "category", "session_date", "text", "expected"):
            if key not in row:
                raise ValueError(f"{path}:{n}: record lacks field {key!r}")
    return rows


def score(extractor: RuleExtractor, rows: list[dict[str, Any]]) -> dict[str, CategoryScore]:
    """Per-category recall (expected facts found) and precision (extracted facts that match)."""
    out: dict[str, CategoryScore] = defaultdict(CategoryScore)
    results = extractor.extract_many([([("user", r["text"])], datetime.fromisoformat(r["session_date"]))
                                      for r in rows])
    for row, res in zip(rows, results):
        s = out[row["category"]]
        facts = list(res.facts)
        free = list(facts)
        for exp in row["expected"]:
            s.expected += 1
            hit = next((f for f in free if matches(exp, f)), None)
            if hit is not None:
                s.found += 1
                free.remove(hit)
            else:
                s.misses.append(f"{row['id']} {exp['subject']}.{exp['predicate']}={exp['value']!r} <- "
                                f"{row['text'][:160]!r} got {[(f.subject, f.predicate, f.value) for f in facts]}")
        for f in facts:
            s.extracted += 1
            if any(matches(exp, f) for exp in row["expected"]):
                s.correct += 1
            else:
                s.false_positives.append(f"{row['id']} {f.subject}.{f.predicate}={f.value!r} <- {row['text'][:160]!r}")
    return dict(out)


@pytest.fixture(scope="module")
def scores() -> dict[str, CategoryScore]:
    return score(RuleExtractor(), load_rows())


CATEGORIES = ("question_aside", "task_aside", "typos", "rambling", "two_facts", "plain")


@pytest.mark.parametrize("category", CATEGORIES)
def test_recall_per_category(scores: dict[str, CategoryScore], category: str) -> None:
    s = scores[category]
    assert s.expected >= 10
    floor = min(FLOORS[category][0], TARGET)
    assert s.recall >= floor, f"{category} recall {s.recall:.3f} < {floor}\n" + "\n".join(s.misses)


@pytest.mark.parametrize("category", CATEGORIES)
def test_precision_per_category(scores: dict[str, CategoryScore], category: str) -> None:
    s = scores[category]
    floor = min(FLOORS[category][1], TARGET)
    assert s.precision >= floor, f"{category} precision {s.precision:.3f} < {floor}\n" + "\n".join(s.false_positives)


@pytest.fixture(scope="module")
def scores_dev2() -> dict[str, CategoryScore]:
    return score(RuleExtractor(), load_rows(DEV2))


@pytest.mark.parametrize("category", CATEGORIES)
def test_dev2_per_category_floors(scores_dev2: dict[str, CategoryScore], category: str) -> None:
    s = scores_dev2[category]
    assert s.expected >= 10
    rec, prec = FLOORS_DEV2[category]
    assert s.recall >= rec, f"dev2 {category} recall {s.recall:.3f} < {rec}\n" + "\n".join(s.misses)
    assert s.precision >= prec, f"dev2 {category} precision {s.precision:.3f} < {prec}\n" + "\n".join(s.false_positives)


def test_dev2_negatives_store_at_most_one_fact(scores_dev2: dict[str, CategoryScore]) -> None:
    """A measured floor: one of auth5's 12 no-fact sentences stores a fact about someone else."""
    assert scores_dev2["negative"].extracted <= 1, "\n".join(scores_dev2["negative"].false_positives)


def test_negatives_store_at_most_one_fact(scores: dict[str, CategoryScore]) -> None:
    """A measured floor, not the target: the negatives should store no fact at all; today 1 of the
    18 does ("We looked at a flat in Clapham" → visited)."""
    s = scores["negative"]
    assert s.extracted <= 1, "\n".join(s.false_positives)


if __name__ == "__main__":
    res = score(RuleExtractor(rules="--no-rules" not in sys.argv), load_rows())
    total = CategoryScore()
    for s in res.values():
        for m in s.misses:
            print("MISS", m)
        for m in s.false_positives:
            print("FP  ", m)
        total.add(s)
    for cat, s in sorted(res.items()):
        print(f"{cat:15s} recall {s.recall:.3f} ({s.found}/{s.expected})  precision {s.precision:.3f} ({s.correct}/{s.extracted})")
    print(f"{'all':15s} recall {total.recall:.3f} ({total.found}/{total.expected})  "
          f"precision {total.precision:.3f} ({total.correct}/{total.extracted})")
