"""Proposer designs over the many-voice exemplar bank, scored on one synthetic family (aggregates).

    KGMEM_DATA_DIR=/work/data-dev3 .venv/bin/python eval/bench_exemplar_knn.py --family dev3 \
        --gold /work/data-dev3/synthetic/synthetic_s.gold.json --bank /tmp/bank.jsonl \
        --config hand --config pool --config knn:7:0.20:0.10 [--limit 200] [--name NAME]

Leave one voice out: build the bank without the family measured (eval/build_exemplars.py
``--sources dev,heldout,fixtures --out /tmp/bank.jsonl``) and score it on ``dev3``, so the figure
tuned on is out of bank as heldout2/heldout3 are. A config is

- ``hand``: the packaged proposer on the hand-written bank alone (the baseline);
- ``pool`` / ``pool:<threshold>:<margin>``: hand-written + mined bank, best-of-bank scoring (mean of
  the two best similarities per predicate);
- ``knn:<k>:<threshold>:<margin>[:<gate>]``: hand-written + mined bank, k-nearest-neighbour votes
  (:class:`kgmem.extraction.zero.proposals.Knn`; ``gate``: votes only where the hand-written bank's
  best-of-bank score is a predicate's, at least that, ``-`` for no gate); ``knn:<k>:<t>:<m>:<gate>:<balance>``
  also weighs each vote by (mean class size / class size) ** balance;
- any config ``@<file>``: that config's own mined bank instead of ``--bank``.

Recall of planted facts and precision on planted turns are eval/bench_extraction_design.py's
(``score_family``: the oracle split's evidence sessions); held-out families print aggregates only.
spaCy parses are shared across configs. Writes eval/results/<name>.{json,md}.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "unit"))

from eval._report import measured, provenance_lines, write_pair  # noqa: E402
from eval.bench_extraction_design import _ParseCache, score_family  # noqa: E402
from kgmem.datasets.longmemeval import iter_haystacks, strip_labels  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.embeddings import load_embedder  # noqa: E402
from kgmem.extraction.zero import RuleExtractor  # noqa: E402
from kgmem.extraction.zero import extractor as extractor_module  # noqa: E402
from kgmem.extraction.zero.proposals import Knn, Proposer, load_bank, mined_bank  # noqa: E402
from kgmem.settings import Settings  # noqa: E402


def make_proposer(spec: str, embedder: Any, bank: Path | None) -> Proposer:
    spec, _, own = spec.partition("@")  # "knn:30:0.05:0.06@/tmp/bank.jsonl": this config's own mined bank
    bank = Path(own) if own else bank
    parts = spec.split(":")
    hand = load_bank()
    both = hand + (mined_bank([bank]) if bank is not None else mined_bank())
    if parts == ["hand"]:
        return Proposer(embedder)
    if parts[0] == "pool" and len(parts) in (1, 3):
        if len(parts) == 1:
            return Proposer(embedder, both)
        return Proposer(embedder, both, threshold=float(parts[1]), margin=float(parts[2]))
    if parts[0] == "knn" and len(parts) in (4, 5, 6):
        gate = float(parts[4]) if len(parts) >= 5 and parts[4] != "-" else None
        balance = float(parts[5]) if len(parts) == 6 else 0.0
        return Proposer(embedder, both, knn=Knn(int(parts[1]), float(parts[2]), float(parts[3]), gate, balance))
    raise SystemExit(f"--config {spec!r}: expected hand, pool[:t:m] or knn:k:t:m[:gate[:balance]] (gate '-': none)")


def load_family(split: str, gold_path: Path, family: str, limit: int | None) -> tuple[list[Any], dict[str, Any]]:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))["questions"]
    questions = {q: v for q, v in gold.items() if v.get("template_family", "dev") == family}
    info = resolve_split(split, Settings.load())
    haystacks = [strip_labels(h) for f in info.files for h in iter_haystacks(f, info.tag) if h.question_id in questions]
    return haystacks[:limit] if limit else haystacks, questions


def run(args: argparse.Namespace) -> dict[str, Any]:
    cache = _ParseCache()
    extractor_module.load_nlp = lambda: cache  # type: ignore[assignment,return-value]  # same parses for every config
    embedder = load_embedder()
    haystacks, questions = load_family(args.split, Path(args.gold), args.family, args.limit)
    bank = Path(args.bank) if args.bank else None
    rows: list[dict[str, Any]] = []
    with measured(percentiles=False) as prov:
        for spec in args.config:
            t0 = time.perf_counter()
            proposer = make_proposer(spec, embedder, bank)
            ex = RuleExtractor(proposer=proposer, rules=args.tier == "full")
            row = {"config": spec, "bank_sentences": len(proposer.bank),
                   args.family: score_family(ex, haystacks, questions),
                   "seconds": round(time.perf_counter() - t0, 1)}
            print(json.dumps(row), file=sys.stderr, flush=True)
            rows.append(row)
    return {**prov, "family": args.family, "tier": args.tier, "haystacks": len(haystacks),
            "bank": args.bank or "packaged", "rows": rows}


def to_markdown(r: dict[str, Any]) -> str:
    fam = r["family"]
    out = [f"# Proposer designs over the exemplar bank: {fam} family ({r['haystacks']} haystacks, tier {r['tier']})", "",
           *provenance_lines(r), f"- mined bank: {r['bank']}", "",
           "| config | bank sentences | planted | recall | extracted | precision | seconds |", "|---|---|---|---|---|---|---|"]
    for row in r["rows"]:
        f = row[fam]
        out.append(f"| {row['config']} | {row['bank_sentences']} | {f['planted']} | {f['recall']} | {f['extracted']} | "
                   f"{f['precision']} | {row['seconds']} |")
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="synthetic-s-oracle")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--family", default="dev3")
    ap.add_argument("--bank", default=None, help="mined bank file (default: the packaged one)")
    ap.add_argument("--config", action="append", required=True)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--tier", choices=("full", "proposals"), default="full")
    ap.add_argument("--out", default=str(ROOT / "eval" / "results"))
    ap.add_argument("--name", default="exemplar_knn")
    args = ap.parse_args(argv)
    r = run(args)
    print(write_pair(Path(args.out) / args.name, r, to_markdown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
