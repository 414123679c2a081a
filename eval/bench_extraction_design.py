"""Meaning-stage designs side by side: fit on the synthetic dev family, check on hand-written sets.

    .venv/bin/python eval/bench_extraction_design.py --gold /work/data/synthetic/synthetic_s.gold.json \
        --config pf --config vf:0.25:0.20:0.03:0.05 [--tier full|proposals] [--name NAME]

A config is ``pf`` (predicate first: the proposer's threshold and margin, nothing when "none"
scores best), ``pf:<threshold>:<margin>`` (the same with another threshold and margin: a
calibration sweep) or ``vf:<threshold>:<margin>:<none_slack>:<extra_margin>`` (value first: see
``kgmem.extraction.zero.proposals.ValueFirst``). Each config is scored on

- the **fit** set: the synthetic-s-oracle *dev* family only (planted facts, matched as
  eval/bench_extraction.py matches them: recall, precision on planted turns). Held-out families
  are dropped before extraction, so nothing of theirs is read or printed;
- the **check** sets: sentences_dev2.jsonl and handwritten_sentences.jsonl (the 119 set), scored
  by tests/unit/test_extraction_handwritten.py's ``score``. Choose on the fit set; read the check
  sets to see whether the choice carries to language written by other hands.

``--tier proposals`` runs the meaning stage alone (no patterns or parse readers): how the design
itself generalises. spaCy parses are cached by text across configs (one process), so a sweep
costs one parse. Writes eval/results/<name>.{json,md}; aggregate figures only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

import test_extraction_handwritten as hw  # noqa: E402

from eval._report import measured, provenance_lines, write_pair  # noqa: E402
from eval.bench_extraction import _match, _price_of  # noqa: E402
from kgmem.datasets.longmemeval import iter_haystacks, strip_labels  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.embeddings import load_embedder  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.extraction.zero import extractor as extractor_module  # noqa: E402
from kgmem.extraction.zero.nlp import load_nlp  # noqa: E402
from kgmem.extraction.zero.proposals import Proposer, ValueFirst  # noqa: E402
from kgmem.settings import Settings  # noqa: E402

DEV2 = ROOT / "tests" / "fixtures" / "extraction" / "sentences_dev2.jsonl"


class _ParseCache:
    """spaCy's ``pipe`` with parses kept by text (the designs differ after parsing only)."""

    def __init__(self) -> None:
        self.nlp = load_nlp()
        self.docs: dict[str, Any] = {}

    def pipe(self, texts: Sequence[str], batch_size: int = 256) -> Iterator[Any]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.docs]
        for t, doc in zip(todo, self.nlp.pipe(todo, batch_size=batch_size)):
            self.docs[t] = doc
        return iter([self.docs[t] for t in texts])


def make_proposer(spec: str, embedder: Any) -> Proposer:
    """``pf`` (the defaults), ``pf:t:m`` (predicate first with threshold t, margin m) or
    ``vf:t:m:s:e`` (value first: ValueFirst(t, m, s, e))."""
    parts = spec.split(":")
    if parts[0] == "pf" and len(parts) in (1, 3):
        if len(parts) == 1:
            return Proposer(embedder)
        return Proposer(embedder, threshold=float(parts[1]), margin=float(parts[2]))
    if parts[0] == "vf" and len(parts) == 5:
        t, m, s, e = (float(x) for x in parts[1:])
        return Proposer(embedder, value_first=ValueFirst(t, m, s, e))
    raise SystemExit(f"--config {spec!r}: expected pf, pf:<threshold>:<margin> or "
                     "vf:<threshold>:<margin>:<none_slack>:<extra_margin>")


def load_dev(split: str, gold_path: Path) -> tuple[list[Any], dict[str, Any]]:
    """The dev family's haystacks and gold questions (held-out families dropped unread)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["questions"]
    questions = {q: v for q, v in gold.items() if v.get("template_family", "dev") == "dev"}
    info = resolve_split(split, Settings.load())
    haystacks = [strip_labels(h) for f in info.files for h in iter_haystacks(f, info.tag) if h.question_id in questions]
    return haystacks, questions


def score_family(ex: RuleExtractor, haystacks: list[Any], questions: dict[str, Any]) -> dict[str, Any]:
    """Recall of planted facts and precision on planted turns (eval/bench_extraction.py's matching)."""
    planted = matched = extracted = correct = 0
    for h in haystacks:
        results = ex.extract_many([([(t.role, t.text) for t in s.turns], s.started_at) for s in h.sessions])
        cands = {s.source_id or s.id: r.facts for s, r in zip(h.sessions, results)}
        q = questions[h.question_id]
        gold = [g for g in [*q.get("facts", []), *q.get("distractor_facts", [])] if g["session_id"] in cands]
        turns: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for g in gold:
            turns.setdefault((g["session_id"], int(g["turn_index"])), []).append(g)
            found = [x for x in cands[g["session_id"]] if int(g["turn_index"]) in x.source_turns]
            planted += 1
            matched += any(_match(g, x) for x in found)
        for (sid, turn), gs in turns.items():
            for x in cands[sid]:
                if turn in x.source_turns:
                    extracted += 1
                    correct += any(_match(g, x) or _price_of(g, x) for g in gs)
    return {"planted": planted, "recall": round(matched / planted, 4) if planted else None,
            "extracted": extracted, "precision": round(correct / extracted, 4) if extracted else None}


def score_set(ex: RuleExtractor, path: Path) -> dict[str, Any]:
    total = hw.CategoryScore()
    for s in hw.score(ex, hw.load_rows(path)).values():
        total.add(s)
    return {"expected": total.expected, "recall": round(total.recall, 4), "extracted": total.extracted,
            "precision": round(total.precision, 4)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    cache = _ParseCache()
    extractor_module.load_nlp = lambda: cache  # type: ignore[assignment,return-value]  # same parses for every config
    embedder = load_embedder()
    haystacks, questions = load_dev(args.split, Path(args.gold))
    rows: list[dict[str, Any]] = []
    with measured(percentiles=False) as prov:
        for spec in args.config:
            t0 = time.perf_counter()
            ex = RuleExtractor(proposer=make_proposer(spec, embedder), rules=args.tier == "full")
            row = {"config": spec, "fit_dev_family": score_family(ex, haystacks, questions),
                   "check_dev2": score_set(ex, DEV2), "check_119": score_set(ex, hw.FIXTURE),
                   "seconds": round(time.perf_counter() - t0, 1)}
            print(json.dumps(row), file=sys.stderr, flush=True)
            rows.append(row)
    return {**prov, "tier": args.tier, "haystacks": len(haystacks), "rows": rows}


def to_markdown(r: dict[str, Any]) -> str:
    lines = [f"# Meaning-stage designs, tier {r['tier']}: fit on the synthetic dev family ({r['haystacks']} haystacks), "
             "check on hand-written sets", "",
             "| config | dev family recall | precision | dev2 recall | precision | 119 set recall | precision |",
             "|---|---|---|---|---|---|---|"]
    for row in r["rows"]:
        f, d, h = row["fit_dev_family"], row["check_dev2"], row["check_119"]
        lines.append(f"| {row['config']} | {f['recall']} | {f['precision']} | {d['recall']} | {d['precision']} | "
                     f"{h['recall']} | {h['precision']} |")
    lines += ["", "pf: predicate first (threshold 0.30, margin 0.12, nothing when 'none' scores best); pf:t:m: the same "
              "with threshold t, margin m; vf:t:m:s:e: value first (threshold, margin, none slack, extra margin).", "",
              *provenance_lines(r)]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="synthetic-s-oracle")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--config", action="append", required=True)
    ap.add_argument("--tier", choices=("full", "proposals"), default="full")
    ap.add_argument("--name", default="extraction_design")
    args = ap.parse_args(argv)
    print(write_pair(ROOT / "eval" / "results" / args.name, run(args), to_markdown))


if __name__ == "__main__":
    main()
