"""BM25: kgmem's hand-written BM25Index vs the bm25s package, on the same synthetic-s questions.

Issue #16 asks to keep one BM25. This measures both on what the product does with it — one index
per user over that user's turns, one query per question — with the SAME tokens (kgmem.text.tokenize)
and parameters (k1 1.5, b 0.75, Lucene idf), so only the implementation differs:

- ``index``: build time (tokenising included for both), query time, top-10 agreement, and session
  recall_any@5/@10 of the top turns on the stratified selection ``--per-type 10 --seed 0``.
- ``eval`` (``--eval``): ``kgmem eval --split synthetic-s --per-type 10 --retrieval-only`` twice on one
  store, the second with the embedded store's BM25Index swapped for the bm25s adapter below. Ingest
  the store first (a run with ``--eval`` does it) and delete ``HOME/runs`` before the measured run,
  so both runs find every session stored and only retrieval differs.

Writes eval/results/bm25.json and .md (aggregates only: the selection includes held-out families).
bm25s is no longer a kgmem dependency (this measurement is why): to re-run, ``uv pip install bm25s``.
``python eval/bench_bm25.py [--split synthetic-s] [--per-type 10] [--eval] [--home DIR]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kgmem.evaluation.runner import EvalConfig, git_sha, run_eval  # noqa: E402
from kgmem.evaluation.selection import scan_questions, select_questions  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.textindex import BM25Index  # noqa: E402
from kgmem.text import tokenize  # noqa: E402


class Bm25sIndex:
    """The BM25Index interface on bm25s (Lucene BM25; its scores are ours / (k1 + 1), float32),
    with kgmem's tokens and kgmem's id tie-break, so rankings are comparable one to one."""

    def __init__(self, docs: Any, k1: float = 1.5, b: float = 0.75) -> None:
        import bm25s

        pairs = list(docs)
        self.ids = [d for d, _ in pairs]
        self._id_rank = np.argsort(np.argsort(np.asarray(self.ids, dtype=object), kind="stable"))
        self._bm25 = bm25s.BM25(k1=k1, b=b, method="lucene")
        tokens = [tokenize(text) for _, text in pairs]
        if any(tokens):
            self._bm25.index(tokens, show_progress=False)
        self._empty = not any(tokens)

    def __len__(self) -> int:
        return len(self.ids)

    def search(self, query: str, k: int) -> list[tuple[str, float]]:
        terms = tokenize(query)
        if k <= 0 or not self.ids or not terms or self._empty:
            return []
        scores = np.asarray(self._bm25.get_scores(terms), dtype=np.float64)
        matched = np.flatnonzero(scores > 0.0)
        order = matched[np.lexsort((self._id_rank[matched], -scores[matched]))][:k]
        return [(self.ids[i], float(scores[i])) for i in order]


def _haystacks(settings: Settings, split: str, per_type: int, seed: int) -> list[Any]:
    from kgmem.datasets.longmemeval import iter_haystacks
    from kgmem.datasets.registry import resolve_split

    info = resolve_split(split, settings)
    chosen = set(select_questions(scan_questions(info), EvalConfig(split=split, per_type=per_type, seed=seed)))
    return [h for path in info.files for h in iter_haystacks(path, tag=info.tag) if h.question_id in chosen]


def _recall(ranked_turns: list[str], owner: dict[str, str], gold: set[str], k: int) -> float:
    sessions: list[str] = []
    for tid in ranked_turns:
        if owner[tid] not in sessions:
            sessions.append(owner[tid])
    return float(bool(set(sessions[:k]) & gold))


def bench_index(haystacks: list[Any], repeat: int) -> dict[str, Any]:
    """Build + query times and rankings of both implementations, haystack by haystack."""
    out: dict[str, Any] = {}
    tops: dict[str, list[list[str]]] = {}
    for name, cls in (("kgmem BM25Index", BM25Index), ("bm25s", Bm25sIndex)):
        build, query, recall5, recall10, top = [], [], [], [], []
        for h in haystacks:
            docs = [(t.id, t.text) for s in h.sessions for t in s.turns]
            owner = {t.id: s.id for s in h.sessions for t in s.turns}
            t0 = time.perf_counter()
            index = cls(docs)
            build.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            for _ in range(repeat):
                hits = index.search(h.question, 50)
            query.append((time.perf_counter() - t0) * 1000 / repeat)
            ranked = [d for d, _ in hits]
            top.append(ranked[:10])
            gold = set(h.labels.answer_session_ids) if h.labels else set()
            if gold:  # abstention questions have no evidence sessions
                recall5.append(_recall(ranked, owner, gold, 5))
                recall10.append(_recall(ranked, owner, gold, 10))
        tops[name] = top
        out[name] = {"build_ms_mean": statistics.mean(build), "build_ms_p50": statistics.median(build),
                     "query_ms_mean": statistics.mean(query), "query_ms_p50": statistics.median(query),
                     "session_recall_any@5": statistics.mean(recall5) if recall5 else None,
                     "session_recall_any@10": statistics.mean(recall10) if recall10 else None,
                     "questions_with_evidence": len(recall5)}
    a, b = tops["kgmem BM25Index"], tops["bm25s"]
    out["top10_identical_share"] = sum(x == y for x, y in zip(a, b)) / len(a)
    out["top10_overlap_mean"] = statistics.mean(len(set(x) & set(y)) / max(1, len(x)) for x, y in zip(a, b))
    out["docs_per_index_mean"] = statistics.mean(sum(len(s.turns) for s in h.sessions) for h in haystacks)
    return out


def bench_eval(split: str, per_type: int, seed: int, home: Path) -> dict[str, Any]:
    """Retrieval-only eval with each implementation on one store (ingested by the first run)."""
    import kgmem.store.networkx_store.graph as nxs  # where the user graph builds its text index

    os.environ["KGMEM_HOME"] = str(home)  # read by Settings.load, the one reader
    settings = Settings.load({"store": "networkx"})
    out: dict[str, Any] = {}
    original = nxs.BM25Index
    for name, cls in (("kgmem BM25Index", BM25Index), ("bm25s", Bm25sIndex)):
        nxs.BM25Index = cls  # type: ignore[misc,assignment]
        try:
            config = EvalConfig(split=split, system="kgmem", per_type=per_type, seed=seed, retrieval_only=True,
                                run_dir=home / "runs" / name.split()[0].lower())
            t0 = time.perf_counter()
            result = run_eval(config, settings)
            seconds = time.perf_counter() - t0
        finally:
            nxs.BM25Index = original  # type: ignore[misc]
        ses = result.summary["retrieval"].get("session") or {}
        out[name] = {"seconds": round(seconds, 1), "questions": result.summary["questions"],
                     "failed": result.summary["failed"], "skipped_resumed": result.skipped,
                     **{k: ses.get(k) for k in ("recall_any@5", "recall_all@10", "ndcg@10")},
                     "retrieve_ms_p50": (result.summary.get("latency_ms", {}).get("retrieve") or {}).get("p50"),
                     "retrieve_ms_mean": (result.summary.get("latency_ms", {}).get("retrieve") or {}).get("mean")}
    return out


def _markdown(res: dict[str, Any]) -> str:
    idx = res["index"]
    names = ("kgmem BM25Index", "bm25s")
    lines = [f"# BM25: kgmem BM25Index vs bm25s ({res['split']}, --per-type {res['per_type']} --seed {res['seed']})",
             "", f"`{res['command']}` — git `{res['git_sha']}`, {res['machine']}; load average "
             f"{res['loadavg_before']} before, {res['loadavg_after']} after (a shared machine: times are "
             "what we got under that load, not idle figures).", "",
             f"{res['questions']} questions; one index per haystack over its turns "
             f"({idx['docs_per_index_mean']:.0f} turns on average), the same kgmem tokens and parameters "
             "for both.", "",
             "| | " + " | ".join(names) + " |", "|---|---:|---:|"]
    for key in ("build_ms_mean", "build_ms_p50", "query_ms_mean", "query_ms_p50", "session_recall_any@5",
                "session_recall_any@10"):
        lines.append(f"| {key} | " + " | ".join(f"{idx[n][key]:.3f}" for n in names) + " |")
    lines += ["", f"Top-10 turns identical for {100 * idx['top10_identical_share']:.1f}% of questions "
              f"(mean overlap {100 * idx['top10_overlap_mean']:.1f}%)."]
    if "eval" in res:
        ev = res["eval"]
        lines += ["", "## `kgmem eval --retrieval-only` on one ingested store", "",
                  "| | " + " | ".join(names) + " |", "|---|---:|---:|"]
        for key in ("questions", "skipped_resumed", "failed", "recall_any@5", "recall_all@10", "ndcg@10",
                    "retrieve_ms_p50", "retrieve_ms_mean", "seconds"):
            lines.append(f"| {key} | " + " | ".join(str(ev[n].get(key)) for n in names) + " |")
    lines += ["", res.get("decision", "")]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--per-type", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=20, help="queries per index (timing)")
    ap.add_argument("--eval", action="store_true", help="also run kgmem eval --retrieval-only with each")
    ap.add_argument("--home", type=Path, default=Path("/tmp/kgmem-bench-bm25"))
    ap.add_argument("--decision", default="", help="a sentence for the Markdown")
    ap.add_argument("--git-sha", default=None, help="the commit measured (default: this checkout's)")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "bm25")
    args = ap.parse_args()
    before = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    settings = Settings.load()
    haystacks = _haystacks(settings, args.split, args.per_type, args.seed)
    res: dict[str, Any] = {"split": args.split, "per_type": args.per_type, "seed": args.seed,
                           "questions": len(haystacks), "command": "python " + " ".join(sys.argv),
                           "git_sha": args.git_sha or git_sha(), "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
                           "index": bench_index(haystacks, args.repeat)}
    if args.eval:
        res["eval"] = bench_eval(args.split, args.per_type, args.seed, args.home)
    res["loadavg_before"] = " ".join(before)
    res["loadavg_after"] = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if before else ""
    res["decision"] = args.decision
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(res, indent=2) + "\n", encoding="utf-8")
    args.out.with_suffix(".md").write_text(_markdown(res), encoding="utf-8")
    print(_markdown(res))


if __name__ == "__main__":
    main()
