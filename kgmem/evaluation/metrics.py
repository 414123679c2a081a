"""Metrics computed from ``predictions.jsonl`` records alone, so any report can be rebuilt.

Accuracy (overall, per question type, an abstention row, per template family), latency
statistics per stage (mean, p25/p50/p75/p95 by nearest rank, IQR = p75 − p25, population variance), context
tokens, retrieval recall_any@k / recall_all@k / ndcg@k at session and turn level, context recall
and LLM usage. Records with an ``error`` are counted as failures and left out of the figures.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

K_VALUES = (5, 10, 30, 50)
STAGES = ("plan", "retrieve", "answer", "total")

Record = dict[str, Any]


# ============================================================================ primitives


PERCENTILES = "nearest rank: the sorted value at index round(q·(n−1)), no interpolation"


def percentile(values: Sequence[float], q: float) -> float | None:
    """The ``q``-quantile (0 ≤ q ≤ 1) of ``values`` by nearest rank, or ``None`` when empty.

    The one definition every kgmem report and benchmark uses, so p95s in different result files
    compare: sort, take the value at index ``round(q·(n−1))`` (Python's rounding, half to even;
    the same as numpy's ``method="nearest"``). Always an observed value, never an interpolation.
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def latency_stats(values: Sequence[float]) -> dict[str, float | int]:
    """n, mean, p25, p50, p75, p95, IQR (p75 − p25) and population variance; percentiles by
    nearest rank (:func:`percentile`)."""
    arr = np.asarray([v for v in values if v is not None], dtype=float)
    if arr.size == 0:
        return {"n": 0}
    p25, p50, p75, p95 = (float(percentile(arr.tolist(), q) or 0.0) for q in (0.25, 0.5, 0.75, 0.95))
    return {
        "n": int(arr.size),
        "mean": float(arr.mean()),
        "p25": float(p25),
        "p50": float(p50),
        "p75": float(p75),
        "p95": float(p95),
        "iqr": float(p75 - p25),
        "var": float(arr.var()),
    }


def recall_any(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """1.0 when at least one gold id is in the top k."""
    top = set(ranked[:k])
    return float(any(g in top for g in gold))


def recall_all(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """1.0 when every gold id is in the top k."""
    top = set(ranked[:k])
    gold = list(gold)
    return float(bool(gold) and all(g in top for g in gold))


def ndcg(ranked: Sequence[str], gold: Iterable[str], k: int) -> float:
    """Binary-relevance nDCG@k with the standard discount ``1 / log2(rank + 1)``."""
    gold_set = set(gold)
    if not gold_set:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 2) for i, doc in enumerate(ranked[:k]) if doc in gold_set)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(len(gold_set), k)))
    return dcg / ideal


# ============================================================================ aggregation


def latest_records(records: Iterable[Record]) -> list[Record]:
    """One record per question id (the last one written wins), in first-seen order."""
    by_id: dict[str, Record] = {}
    for rec in records:
        by_id[rec["question_id"]] = rec
    return list(by_id.values())


def _acc_row(recs: list[Record]) -> dict[str, Any]:
    judged = [r for r in recs if r.get("verdict") is not None]
    correct = sum(1 for r in judged if r["verdict"]["correct"])
    return {
        "n": len(judged),
        "correct": correct,
        "accuracy": correct / len(judged) if judged else None,
        "approximate": sum(1 for r in judged if r["verdict"].get("approximate")),
    }


def accuracy(records: list[Record]) -> dict[str, Any]:
    """Overall, per-type, abstention and per-template-family accuracy over judged records."""
    ok = [r for r in records if not r.get("error")]
    by_type: dict[str, list[Record]] = defaultdict(list)
    by_family: dict[str, list[Record]] = defaultdict(list)
    for r in ok:
        by_type[str(r.get("question_type") or "unknown")].append(r)
        if r.get("template_family"):
            by_family[str(r["template_family"])].append(r)
    return {
        "overall": _acc_row(ok),
        "per_type": {t: _acc_row(rs) for t, rs in sorted(by_type.items())},
        "abstention": _acc_row([r for r in ok if r.get("is_abstention")]),
        "non_abstention": _acc_row([r for r in ok if not r.get("is_abstention")]),
        "per_family": {f: _acc_row(rs) for f, rs in sorted(by_family.items())},
        "computable": _acc_row([r for r in ok if r.get("computable") is True]),
        "not_computable": _acc_row([r for r in ok if r.get("computable") is False]),
    }


def latency(records: list[Record]) -> dict[str, dict[str, float | int]]:
    """Latency statistics (ms) per stage and for the whole answer, over successful records."""
    ok = [r for r in records if not r.get("error")]
    out: dict[str, dict[str, float | int]] = {}
    for stage in STAGES:
        vals = [r["latency_ms"][stage] for r in ok
                if isinstance(r.get("latency_ms"), dict) and r["latency_ms"].get(stage) is not None]
        if vals:
            out[stage] = latency_stats(vals)
    # ingestion is reported apart: it is paid once per haystack, not per question asked
    prep = [r["prepare"]["ms"] for r in ok
            if isinstance(r.get("prepare"), dict) and r["prepare"].get("ms") is not None]
    if prep:
        out["prepare (ingest)"] = latency_stats(prep)
    return out


def retrieval(records: list[Record], ks: Sequence[int] = K_VALUES) -> dict[str, Any]:
    """recall_any/recall_all/ndcg @k at session and turn level, plus context recall.

    Only non-abstention records with gold evidence count (abstention questions have no
    evidence to find), as in the LongMemEval retrieval evaluation.
    """
    out: dict[str, Any] = {}
    eligible = [r for r in records if not r.get("error") and not r.get("is_abstention")]
    for level, ranked_key, gold_key in (("session", "retrieved_session_ids", "answer_session_ids"),
                                        ("turn", "retrieved_turn_ids", "evidence_turn_ids")):
        rows = [r for r in eligible if r.get(gold_key) and r.get(ranked_key) is not None]
        if not rows:
            continue
        level_out: dict[str, Any] = {"n": len(rows)}
        for k in ks:
            level_out[f"recall_any@{k}"] = float(np.mean(
                [recall_any(r[ranked_key], r[gold_key], k) for r in rows]))
            level_out[f"recall_all@{k}"] = float(np.mean(
                [recall_all(r[ranked_key], r[gold_key], k) for r in rows]))
            level_out[f"ndcg@{k}"] = float(np.mean([ndcg(r[ranked_key], r[gold_key], k)
                                                    for r in rows]))
        out[level] = level_out
    ctx = [r for r in eligible if r.get("answer_session_ids") and r.get("context_session_ids")
           is not None]
    if ctx:
        hits = [set(r["answer_session_ids"]) <= set(r["context_session_ids"]) for r in ctx]
        out["context_recall"] = {"n": len(ctx), "value": float(np.mean(hits))}
    return out


def usage(records: list[Record]) -> dict[str, Any]:
    """Summed LLM usage of answering and judging, and mean context tokens."""
    out: dict[str, Any] = {}
    for key in ("llm_usage", "judge_usage"):
        total: dict[str, float] = defaultdict(float)
        for r in records:
            for name, value in (r.get(key) or {}).items():
                if isinstance(value, (int, float)):
                    total[name] += value
        out[key] = dict(total)
    ok = [r for r in records if not r.get("error") and r.get("context_tokens") is not None]
    tokenizers = sorted({str(r.get("tokenizer")) for r in ok if r.get("tokenizer")})
    out["context_tokens"] = {
        **latency_stats([float(r["context_tokens"]) for r in ok]),
        "tokenizers": tokenizers,
    }
    return out


def summarise(records: Iterable[Record]) -> dict[str, Any]:
    """Every metric for a run's records (latest record per question id)."""
    recs = latest_records(records)
    failed = [r["question_id"] for r in recs if r.get("error")]
    judges = sorted({str(r["verdict"]["judge"]) for r in recs if r.get("verdict")})
    return {
        "questions": len(recs),
        "succeeded": len(recs) - len(failed),
        "failed": len(failed),
        "failed_ids": failed,
        "judges": judges,
        "accuracy": accuracy(recs),
        "latency_ms": latency(recs),
        "retrieval": retrieval(recs),
        "usage": usage(recs),
    }
