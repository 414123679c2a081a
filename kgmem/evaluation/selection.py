"""Which questions a run covers: a streaming scan of the split, filters, a seeded stratified
sample, and the per-question gold metadata from the sidecar file."""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgmem.evaluation.runconfig import EvalConfig, RunError

if TYPE_CHECKING:
    from kgmem.datasets.registry import SplitInfo

ABSTENTION_STRATUM = "abstention"


def load_gold_sidecar(path: Path | None) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """Per-question gold metadata (``computable``, ``template_family``) and file-level metadata.

    Accepts ``{"questions": {qid: {...}}}``, ``{"questions": [{"question_id": ...}]}`` or a
    plain ``{qid: {...}}`` mapping; file-level keys such as ``generator_version`` are returned
    as metadata.
    """
    if path is None or not path.is_file():
        return {}, {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise RunError(f"{path}: invalid JSON at line {exc.lineno}: {exc.msg}") from exc
    if not isinstance(data, dict):
        raise RunError(f"{path}: expected a JSON object (gold sidecar)")
    questions: Any = data.get("questions", None)
    meta = {k: v for k, v in data.items() if k != "questions" and not isinstance(v, (dict, list))}
    if questions is None:
        questions = {k: v for k, v in data.items() if isinstance(v, dict)}
    per_q: dict[str, dict[str, Any]] = {}
    if isinstance(questions, list):
        for i, item in enumerate(questions):
            if not isinstance(item, dict) or "question_id" not in item:
                raise RunError(f"{path}: questions[{i}] has no 'question_id'")
            per_q[str(item["question_id"])] = item
    elif isinstance(questions, dict):
        per_q = {str(k): v for k, v in questions.items() if isinstance(v, dict)}
    return per_q, meta


@dataclass
class QuestionInfo:
    """The little the selector needs about a question."""

    question_id: str
    question_type: str
    is_abstention: bool

    @property
    def stratum(self) -> str:
        # abstention questions are their own stratum so a per-type sample always holds some
        return ABSTENTION_STRATUM if self.is_abstention else self.question_type


def scan_questions(info: SplitInfo) -> list[QuestionInfo]:
    """Every question of the split, in file order (one streaming pass)."""
    from kgmem.datasets.longmemeval import iter_haystacks

    out = []
    for path in info.files:
        for h in iter_haystacks(path, tag=info.tag):
            qtype = h.labels.question_type if h.labels else "unknown"
            out.append(QuestionInfo(h.question_id, qtype, h.is_abstention))
    return out


def select_questions(questions: list[QuestionInfo], config: EvalConfig) -> list[str]:
    """Question ids to run, in file order: filter by ids, stratified sample, filter by types, then limit.

    ``per_type`` draws up to N questions per stratum (question type; abstention questions form
    their own stratum) with ``random.Random(seed)`` over the strata in sorted order. The type
    filter comes after the draw, so ``types`` with ``per_type`` picks exactly the questions of
    those types that the whole stratified run holds (a subset run is comparable with it).
    """
    pool = questions
    if config.question_ids:
        wanted = set(config.question_ids)
        unknown = wanted - {q.question_id for q in questions}
        if unknown:
            raise RunError(f"question id(s) not in the split: {', '.join(sorted(unknown))}")
        pool = [q for q in pool if q.question_id in wanted]
    if config.per_type is not None:
        rng = random.Random(config.seed)
        strata: dict[str, list[str]] = defaultdict(list)
        for q in pool:
            strata[q.stratum].append(q.question_id)
        chosen: set[str] = set()
        for name in sorted(strata):
            ids = strata[name]
            chosen.update(rng.sample(ids, min(config.per_type, len(ids))))
        pool = [q for q in pool if q.question_id in chosen]
    if config.types:
        types = set(config.types)
        known = {q.question_type for q in questions} | {ABSTENTION_STRATUM}
        if types - known:
            raise RunError(f"unknown question type(s) {', '.join(sorted(types - known))}; this "
                           f"split has: {', '.join(sorted(known))}")
        pool = [q for q in pool if q.question_type in types
                or (ABSTENTION_STRATUM in types and q.is_abstention)]
    ids = [q.question_id for q in pool]
    return ids[: config.limit] if config.limit is not None else ids
