"""How hard is retrieval on a generated file? Evidence recall of simple retrievers.

``python -m kgmem.datasets.synthetic.difficulty FILE [--haystacks N] [--embed-haystacks M]`` ranks the sessions
of each haystack for its question with (a) BM25 over whole sessions (kgmem's own
:class:`~kgmem.text.BM25Index`, the one the stores search with) and (b) all-MiniLM-L6-v2
cosine over single turns (the starter repo's RAG recipe: ``"<role>: <content>"`` per message), and
reports session-level recall_any@k and recall_all@k. A benchmark whose filler is too easy shows
recall near 1.0 here; LongMemEval's own haystacks are far from that.
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

KS = (1, 5, 10)


def _recall(ranked: list[str], gold: set[str], k: int) -> tuple[float, float]:
    top = set(ranked[:k])
    return float(bool(top & gold)), float(gold <= top)


def evaluate(path: Path, n: int, n_embed: int = 5) -> dict[str, Any]:
    """Session-level recall@k of BM25 (sessions) on ``n`` haystacks and MiniLM cosine (turns) on the first ``n_embed``."""
    from kgmem.datasets.synthetic.stats import iter_records
    from kgmem.text import BM25Index

    embedder = None
    if n_embed > 0:
        from kgmem.embeddings import load_embedder

        embedder = load_embedder()
    sums: dict[str, dict[int, list[float]]] = {"bm25_session": {k: [0, 0] for k in KS}, "minilm_turn": {k: [0, 0] for k in KS}}
    used = 0
    embedded = 0
    for rec in islice((r for r in iter_records(path) if r["answer_session_ids"]), n):
        used += 1
        ids = rec["haystack_session_ids"]
        gold = set(rec["answer_session_ids"])
        docs = [" ".join(t["content"] for t in s) for s in rec["haystack_sessions"]]
        index = BM25Index(zip(ids, docs))
        ranked = [sid for sid, _ in index.search(rec["question"], len(docs))]
        for k in KS:
            a, b = _recall(ranked, gold, k)
            sums["bm25_session"][k][0] += a
            sums["bm25_session"][k][1] += b
        if embedder is not None and embedded < n_embed:
            embedded += 1
            owners = [ids[i] for i, s in enumerate(rec["haystack_sessions"]) for _ in s]
            texts = [f"{t['role']}: {t['content']}" for s in rec["haystack_sessions"] for t in s]
            mat = embedder.embed(texts)
            q = embedder.embed([rec["question"]])[0]
            order = np.argsort(-(mat @ q), kind="stable")
            ranked_turn_sessions = [owners[i] for i in order]
            for k in KS:  # top-k turns → the sessions they belong to
                a, b = _recall(ranked_turn_sessions, gold, k)
                sums["minilm_turn"][k][0] += a
                sums["minilm_turn"][k][1] += b
        print(f"  {used}/{n} haystacks", file=sys.stderr)
    out: dict[str, Any] = {"file": str(path), "haystacks_bm25": used, "haystacks_minilm": embedded,
                           "note": "abstention questions (no evidence) skipped; recall at session level"}
    for name, by_k in sums.items():
        denom = used if name == "bm25_session" else embedded
        if denom == 0:
            continue
        out[name] = {f"recall_any@{k}": round(v[0] / denom, 3) for k, v in by_k.items()} | {
            f"recall_all@{k}": round(v[1] / denom, 3) for k, v in by_k.items()}
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--haystacks", type=int, default=20)
    ap.add_argument("--embed-haystacks", type=int, default=5, help="haystacks also ranked with MiniLM (slow on CPU)")
    args = ap.parse_args(argv)
    print(json.dumps(evaluate(args.file, args.haystacks, args.embed_haystacks), indent=2))


if __name__ == "__main__":
    main()
