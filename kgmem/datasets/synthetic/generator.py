"""Write LongMemEval-format files (full + oracle) and the gold sidecar from question plans.

Same (seed, generator version, options) → byte-identical files: every random choice comes from a
stream keyed by labels (:func:`rng_for`), keys are sorted, and nothing reads the clock or the
environment.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kgmem.datasets.synthetic.plan import (
    GENERATOR_VERSION,
    Families,
    QuestionPlan,
    hex_id,
    plan_questions,
    rng_for,
)
from kgmem.datasets.synthetic.render import ProseWriter, Scale, Turn, filler_pool, personal_session
from kgmem.temporal import format_dataset_date

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class SynthConfig:
    """Options of one generation run (all of them are written into the gold sidecar)."""

    haystacks: int
    sessions_per_haystack: int = 50
    seed: int = 0
    families: Families = "all"
    heldout_share: float = 0.25
    #: with families "all": share of questions in the second held-out family (the rest is dev)
    heldout2_share: float = 0.25
    scale: Scale = "full"
    #: filler pool size; None → about a third of the filler slots (LongMemEval reuses sessions)
    pool_size: int | None = None
    min_per_type: int = 0
    min_abs: int = 0

    def resolved_pool(self) -> int:
        if self.pool_size is not None:
            return self.pool_size
        return max(self.sessions_per_haystack + 4, math.ceil(self.haystacks * self.sessions_per_haystack * 0.35))


@dataclass
class Instance:
    """One generated haystack: the LongMemEval record, its oracle twin and its gold entry."""

    record: dict[str, Any]
    oracle: dict[str, Any]
    gold: dict[str, Any]


def _gold_entry(p: QuestionPlan) -> dict[str, Any]:
    return {
        "question_type": p.question_type,
        "abstention": p.abstention,
        "computable": p.computable,
        "template_family": p.family,
        "operation": p.operation,
        "answer": p.answer,
        "rubric": p.rubric,
        "facts": [f.to_gold() for f in p.facts],
        "distractor_facts": [f.to_gold() for f in p.distractor_facts],
        "background_facts": [f.to_gold() for f in p.background_facts],
    }


def iter_instances(cfg: SynthConfig, progress: Callable[[int, int], None] | None = None) -> Iterator[Instance]:
    """Generate haystacks one by one (filler pool built once, shared by all)."""
    plans = plan_questions(cfg.haystacks, cfg.seed, cfg.sessions_per_haystack, cfg.families,
                           cfg.heldout_share, cfg.min_per_type, cfg.min_abs, cfg.heldout2_share)
    prose = ProseWriter()
    pool = filler_pool(cfg.seed, cfg.resolved_pool(), cfg.scale, prose)
    for p in plans:
        r = rng_for(cfg.seed, "render", p.index)
        n = len(p.dates)
        filler_slots = [s for s in range(n) if s not in p.slots]
        picks = r.sample(range(len(pool)), min(len(filler_slots), len(pool)))
        ids: list[str] = []
        sessions: list[list[Turn]] = []
        evidence_ids: list[str] = []
        oracle_slots: list[int] = []
        fill = iter(picks)
        stem = hex_id(cfg.seed, "sess", p.index)
        for s in range(n):
            sp = p.slots.get(s)
            if sp is None:
                sid, turns = pool[next(fill)]
            else:
                turns = personal_session(r, prose, sp, cfg.scale)
                sid = f"answer_{stem}_{s}" if sp.kind == "evidence" else f"{hex_id(cfg.seed, 'dis', p.index, s)}_{s}"
                for f in sp.facts:
                    f.session_id, f.observed_at = sid, format_dataset_date(p.dates[s])
                if sp.kind == "evidence":
                    evidence_ids.append(sid)
                if sp.kind == "evidence" or (p.abstention and sp.kind == "distractor" and sp.facts):
                    oracle_slots.append(s)
            ids.append(sid)
            sessions.append(turns)
        dates = [format_dataset_date(d) for d in p.dates]
        record = {
            "question_id": p.question_id,
            "question_type": p.question_type,
            "question": p.question,
            "answer": p.answer,
            "question_date": format_dataset_date(p.question_date),
            "haystack_session_ids": ids,
            "haystack_dates": dates,
            "haystack_sessions": sessions,
            "answer_session_ids": evidence_ids,
        }
        oracle = dict(record)
        oracle["haystack_session_ids"] = [ids[s] for s in oracle_slots]
        oracle["haystack_dates"] = [dates[s] for s in oracle_slots]
        oracle["haystack_sessions"] = [sessions[s] for s in oracle_slots]
        if progress:
            progress(p.index + 1, len(plans))
        yield Instance(record=record, oracle=oracle, gold=_gold_entry(p))


def _dump(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)


def gold_document(cfg: SynthConfig, entries: dict[str, dict[str, Any]], data_file: str) -> dict[str, Any]:
    """The gold sidecar: generator metadata plus one entry per question_id."""
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": "kgmem.datasets.synthetic",
        "generator_version": GENERATOR_VERSION,
        "seed": cfg.seed,
        "config": asdict(cfg) | {"pool_size": cfg.resolved_pool()},
        "data_file": data_file,
        "fact_matching_rule": (
            "an extracted fact matches a planted one when its subject resolves to the same entity, "
            "its predicate maps to the same registry predicate and its normalised value is equal"
        ),
        "questions": dict(sorted(entries.items())),
    }


def gold_path_for(out: Path) -> Path:
    """``x.json`` → ``x.gold.json``."""
    return out.with_name(out.name[: -len(".json")] + ".gold.json" if out.name.endswith(".json") else out.name + ".gold.json")


def write_dataset(cfg: SynthConfig, out: Path, oracle_out: Path | None = None, gold_out: Path | None = None,
                  progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Generate and write the data file (a plain LongMemEval JSON array), oracle and gold sidecar.

    Records are streamed one per line so 500 full haystacks never sit in memory as one string.
    Returns a small summary (paths, counts, bytes).
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    gold_out = gold_out or gold_path_for(out)
    entries: dict[str, dict[str, Any]] = {}
    n = 0
    ofh = None
    if oracle_out is not None:
        oracle_out.parent.mkdir(parents=True, exist_ok=True)
        ofh = oracle_out.open("w", encoding="utf-8", newline="\n")
        ofh.write("[")
    try:
        with out.open("w", encoding="utf-8", newline="\n") as fh:
            fh.write("[")
            for inst in iter_instances(cfg, progress):
                sep = "\n" if n == 0 else ",\n"
                fh.write(sep + _dump(inst.record))
                if ofh is not None:
                    ofh.write(sep + _dump(inst.oracle))
                entries[inst.record["question_id"]] = inst.gold
                n += 1
            fh.write("\n]\n")
        if ofh is not None:
            ofh.write("\n]\n")
    finally:
        if ofh is not None:
            ofh.close()
    gold = gold_document(cfg, entries, out.name)
    gold_out.write_text(json.dumps(gold, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    return {
        "generator_version": GENERATOR_VERSION, "haystacks": n, "data_file": str(out),
        "oracle_file": str(oracle_out) if oracle_out else None, "gold_file": str(gold_out),
        "bytes": out.stat().st_size,
    }
