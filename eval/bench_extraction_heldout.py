"""The zero-LLM tier on auth4's held-out hand-written sets (issue #13), aggregate figures only.

    .venv/bin/python eval/bench_extraction_heldout.py

Sets (tests/fixtures/extraction/heldout/, written by auth4 on 2026-12-04; implementers never open
that folder, see its README): ``handwritten_sentences.jsonl`` (first-person sentences with the user
facts a careful reader would store, plus sentences that must yield no user fact) and
``other_entity_updates.jsonl`` (statements about other entities corrected in a later session).

They are scored exactly as eval/bench_extraction_sets.py scores the development sets, with the same
functions, imported (tests/unit/test_extraction_handwritten.py's ``score`` and
tests/unit/test_other_entity_updates.py's ``run``), so the two reports compare like with like.

Writes eval/results/extraction_heldout_sets.{json,md} with aggregate figures only: no sentence,
no value, no record id ever reaches the output, so implementers may read it.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import bench_extraction_sets as sets  # noqa: E402  (also puts tests/unit on sys.path)
import test_extraction_handwritten as hw  # noqa: E402
import test_other_entity_updates as oe  # noqa: E402

from eval._report import measured, write_pair  # noqa: E402

HELDOUT = ROOT / "tests" / "fixtures" / "extraction" / "heldout"
SENTENCES = HELDOUT / "handwritten_sentences.jsonl"
UPDATES = HELDOUT / "other_entity_updates.jsonl"
NO_FACT = "negative"
TARGETS = {"sentences_recall": 0.85, "sentences_precision": 0.85, "no_fact_user_facts": 0,
           "other_entity_answered": 0.9, "other_entity_superseded": 0.9}


def make_extractor() -> Any:
    """The zero-LLM extractor the development-set bench uses (same class, same defaults)."""
    return sets.RuleExtractor()


def _run_updates(path: Path, tmp: Path) -> list[Any]:
    """test_other_entity_updates.run over ``path``: it reads its module-level FIXTURE, so point that
    at the held-out file for the call and put it back afterwards."""
    saved = oe.FIXTURE
    oe.FIXTURE = path
    try:
        return oe.run(tmp)
    finally:
        oe.FIXTURE = saved


def _rate(num: int, den: int) -> float:
    return round(num / den, 3) if den else 0.0


def run(sentences: Path = SENTENCES, updates: Path = UPDATES) -> dict[str, Any]:
    """Score both held-out files; returns the aggregate report (no per-record content)."""
    with measured("python eval/bench_extraction_heldout.py", percentiles=False) as prov:
        figures = _score(sentences, updates)
    return {**prov, **figures}


def _score(sentences: Path, updates: Path) -> dict[str, Any]:
    ex = make_extractor()
    t0 = time.perf_counter()
    rows = hw.load_rows(sentences)
    cats = hw.score(ex, rows)
    negatives = [r for r in rows if r["category"] == NO_FACT]
    neg_res = ex.extract_many([([("user", r["text"])], datetime.fromisoformat(r["session_date"]))
                               for r in negatives])
    user_counts = [sum(1 for f in res.facts if f.subject == "user") for res in neg_res]
    total = hw.CategoryScore()
    for c, s in cats.items():
        if c == NO_FACT:
            continue
        total.add(s)
    with tempfile.TemporaryDirectory() as tmp:
        outcomes = _run_updates(updates, Path(tmp))
    answered = sum(o.answered for o in outcomes)
    superseded = sum(o.superseded for o in outcomes)
    return {
        "extractor": ex.cache_key, "seconds": round(time.perf_counter() - t0, 1),
        "sentences": {c: {"sentences": sum(1 for r in rows if r["category"] == c), "expected": s.expected,
                          "recall": round(s.recall, 3), "extracted": s.extracted,
                          "precision": round(s.precision, 3)}
                      for c, s in sorted(cats.items()) if c != NO_FACT},
        "sentences_all": {"sentences": len(rows) - len(negatives), "expected": total.expected,
                          "recall": round(total.recall, 3), "extracted": total.extracted,
                          "precision": round(total.precision, 3)},
        "no_fact": {"sentences": len(negatives), "facts_any_subject": cats[NO_FACT].extracted if NO_FACT in cats else 0,
                    "user_facts": sum(user_counts),
                    "sentences_with_user_fact": sum(1 for n in user_counts if n),
                    "no_fact_precision": _rate(sum(1 for n in user_counts if n == 0), len(negatives))},
        "other_entity_updates": {"pairs": len(outcomes), "answered": answered, "superseded": superseded,
                                 "answered_share": _rate(answered, len(outcomes)),
                                 "superseded_share": _rate(superseded, len(outcomes))},
        "targets": TARGETS,
    }


def to_markdown(r: dict[str, Any]) -> str:
    ok = sets.met
    lines = [f"# Extraction on the held-out hand-written sets ({r['extractor']}, {r['git_sha']})", "",
             f"Command: `{r['command']}` ({r['seconds']} s on {r['machine']}, load average "
             f"{' '.join(r['loadavg_before'])} before, {' '.join(r['loadavg_after'])} after; the machine was "
             "shared). Sets: tests/fixtures/extraction/heldout/ (written by auth4 on 2026-12-04, never opened by "
             "the implementers). Aggregate figures only; scored with the same functions as "
             "eval/bench_extraction_sets.py (development sets).", "",
             *sets.category_table("category", r["sentences"], ("all with facts", r["sentences_all"]))]
    nf, u = r["no_fact"], r["other_entity_updates"]
    lines += ["", f"No-fact sentences ({nf['sentences']}: gossip, hypotheticals, plans, declined things, quoted "
              f"words, questions): {nf['user_facts']} user facts stored, from {nf['sentences_with_user_fact']} "
              f"sentences; no-fact precision (share storing no user fact) {nf['no_fact_precision']}; "
              f"{nf['facts_any_subject']} facts about any subject (target 0 user facts: "
              f"{'met' if nf['user_facts'] == 0 else 'not met'}).", "",
              f"Updates about other entities ({u['pairs']} pairs, zero-LLM ingest, `Memory(llm=False).answer`): "
              f"{u['answered']} answered with the corrected value ({u['answered_share']}), {u['superseded']} with "
              f"the SUPERSEDES edge ({u['superseded_share']}) (target 0.9: "
              f"{ok(min(u['answered_share'], u['superseded_share']), 0.9)})."]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    # no options: argparse only so that --help explains instead of running the bench
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    print(write_pair(ROOT / "eval" / "results" / "extraction_heldout_sets", run(), to_markdown))


if __name__ == "__main__":
    main()
