"""The rules tier on an independent, hand-written paraphrase set (not the generator's templates).

``tests/fixtures/extraction/paraphrases.jsonl`` (and ``paraphrases_round2.jsonl``) hold natural chat sentences, one per line, with
the (predicate, value) facts they must yield (``expect``), facts that are acceptable but not
required (``allow``; value ``"*"`` accepts any value) and negatives (``expect: []``: hypotheticals,
negations, other people, questions) that must yield nothing. Run this file as a script to list
misses and false positives:  ``.venv/bin/python tests/unit/test_extraction_paraphrases.py``.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from extraction_scoring import CategoryScore as Score  # noqa: E402

from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.ids import normalise_name  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "extraction"
FIXTURE = FIXTURES / "paraphrases.jsonl"
#: written after round 1 was passing, measured blind first (recall 0.60, precision 0.84), then fixed
ROUND2 = FIXTURES / "paraphrases_round2.jsonl"
#: pronoun-less statements ("Osaka was amazing last week"), measured blind first (recall 0.17), then fixed
ROUND3 = FIXTURES / "paraphrases_round3.jsonl"
#: chatty fragments ("Tore through Demon Copperhead…"), measured blind first (recall 0.39, precision 0.83)
ROUND4 = FIXTURES / "paraphrases_round4.jsonl"
#: written by x13d (session 4) for the stages that lost most facts on synthetic-s (verbless purchase
#: notes, stays read as homes, recommendations worded without "recommend", role nouns, allergies told
#: by their effect); measured blind first (recall 0.573, precision 0.806), then fixed
ROUND5 = FIXTURES / "paraphrases_round5.jsonl"
DAY = datetime(2023, 5, 20, 11, 0)
_LEAD = re.compile(r"^(?:(?:a|an|the|my|our|new|brand new|brand-new|used)\s+)+")


def _norm(value: str) -> str:
    return _LEAD.sub("", normalise_name(value))


def _same(pred: str, gold: str, got: str) -> bool:
    a, b = _norm(gold), _norm(got)
    if pred == "event":  # a clause paraphrase: containment either way
        return bool(a) and bool(b) and (a in b or b in a)
    return a == b


def load_rows(path: Path = FIXTURE) -> list[dict[str, Any]]:
    """The fixture's records (each checked for its required fields)."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        for key in ("role", "text", "expect"):
            if key not in row:
                raise ValueError(f"{path}:{n}: record lacks field {key!r}")
        rows.append(row)
    return rows


def score(extractor: RuleExtractor, rows: list[dict[str, Any]]) -> Score:
    """Recall over ``expect`` pairs; precision over every extracted pair (``allow`` counts as right)."""
    s = Score()
    results = extractor.extract_many([([(r["role"], r["text"])], DAY) for r in rows])
    for row, res in zip(rows, results):
        # the sets state facts about the user; a fact about another person ("my sister moved to
        # Seattle" → sister lives_in Seattle) is neither expected nor wrong here
        got = [(f.predicate, f.value) for f in res.facts if f.subject == "user"]
        expect = [tuple(e) for e in row["expect"]]
        allow = [tuple(a) for a in row.get("allow", [])]
        for p, v in expect:
            s.expected += 1
            if any(gp == p and _same(p, v, gv) for gp, gv in got):
                s.found += 1
            else:
                s.misses.append(f"{p}={v!r} <- {row['text']!r} got {got}")
        for gp, gv in got:
            s.extracted += 1
            ok = any(gp == p and _same(p, v, gv) for p, v in expect) or any(
                gp == p and (v == "*" or _same(p, v, gv)) for p, v in allow)
            if ok:
                s.correct += 1
            else:
                s.false_positives.append(f"{gp}={gv!r} <- {row['text']!r}")
    return s


@pytest.fixture(scope="module")
def para_score() -> Score:
    return score(RuleExtractor(), load_rows() + load_rows(ROUND2) + load_rows(ROUND3) + load_rows(ROUND4))


def test_fixture_is_varied() -> None:
    rows = load_rows()
    preds = {p for r in rows for p, _ in r["expect"]}
    assert len(rows) >= 200 and len(preds) >= 30
    assert sum(1 for r in rows if not r["expect"]) >= 40  # negatives


def test_paraphrase_recall(para_score: Score) -> None:
    assert para_score.recall >= 0.85, "\n".join(para_score.misses)


def test_paraphrase_precision(para_score: Score) -> None:
    # issue #13's target (0.85); the inferred relationship statuses ("my husband" → married) are
    # true facts these older sets do not list, so they count against precision here
    assert para_score.precision >= 0.85, "\n".join(para_score.false_positives)


def test_round5_floors() -> None:
    """Measured floors (a regression fails): recall 0.80, precision 0.85."""
    s = score(RuleExtractor(), load_rows(ROUND5))
    assert s.recall >= 0.80, "\n".join(s.misses)
    assert s.precision >= 0.85, "\n".join(s.false_positives)


if __name__ == "__main__":
    res = score(RuleExtractor(), load_rows() + load_rows(ROUND2) + load_rows(ROUND3) + load_rows(ROUND4))
    for m in res.misses:
        print("MISS", m)
    for m in res.false_positives:
        print("FP  ", m)
    print(f"recall {res.recall:.3f} ({res.found}/{res.expected})  "
          f"precision {res.precision:.3f} ({res.correct}/{res.extracted})")
