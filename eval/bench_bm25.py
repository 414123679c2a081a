"""BM25 as kgmem runs it: a user's keyword indexes built from the texts, cached beside the user
file (``<file>.kgnx.bm25``), read back, and queried warm.

    .venv/bin/python eval/bench_bm25.py [--split synthetic-s] [--per-type 10] \
        [--seed 0] [--repeat 20] [--out eval/results/bm25]

For each haystack of the stratified selection (``--per-type 10 --seed 0``: 70 questions, the same
selection as the answer and latency benches) one user file is written with the embedded networkx
store from the haystack's sessions and turns (no extraction and no embeddings: only the turns'
texts, which are what the turn index holds and most of what the three indexes cost). Then, each
phase in a fresh ``NetworkxStore`` whose user graph is loaded first (the load is timed apart):

- ``cold``: no cache file: the first ``text_search`` builds the three indexes (turns, facts,
  entities) from the texts and writes the cache — what a store written before the cache existed,
  or with a stale cache, pays once;
- ``cache read``: the first ``text_search`` after an ingest: the indexes are read from the cache;
- ``warm``: the same query again, ``--repeat`` times (indexes in memory).

Also checks that the cached indexes rank exactly as the ones built from the texts (top 10 of every
question). Writes ``<out>.json``/``<out>.md`` with p50/p95 (nearest rank) per phase and the load
average before and after (the machine is shared). Aggregates only: the selection includes the
held-out template families, and no question or turn text is written.

This script replaced the earlier comparison with the bm25s package (issue #16, git 582668b: same
rankings, same times; kgmem kept its BM25Index and dropped bm25s). That comparison swapped the
index class of the user graph, which the postings cache has bypassed since it exists.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from eval._report import measured, provenance_lines, write_pair  # noqa: E402
from eval._report import stats as _stats  # noqa: E402
from kgmem.models import SessionWrite  # noqa: E402
from kgmem.settings import Settings  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore, user_file_name  # noqa: E402
from kgmem.store.networkx_store.postings import postings_path  # noqa: E402

PHASES = ("load", "cold", "cache read", "warm")


def _haystacks(split: str, per_type: int, seed: int) -> list[Any]:
    from kgmem.datasets.longmemeval import iter_haystacks
    from kgmem.datasets.registry import resolve_split
    from kgmem.evaluation.runner import EvalConfig
    from kgmem.evaluation.selection import scan_questions, select_questions

    info = resolve_split(split, Settings.load())
    chosen = set(select_questions(scan_questions(info), EvalConfig(split=split, per_type=per_type, seed=seed)))
    return [h for path in info.files for h in iter_haystacks(path, tag=info.tag) if h.question_id in chosen]


def _first_search(root: Path, user: str, question: str) -> tuple[float, float, list[str]]:
    """(graph load ms, first text_search ms, its top-10 turn ids) in a fresh store."""
    store = NetworkxStore(root)
    t0 = time.perf_counter()
    store.sessions(user)  # loads the user's graph: not part of the keyword-index cost
    t1 = time.perf_counter()
    hits = store.text_search(user, "turn", question, 10)
    t2 = time.perf_counter()
    store.close()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, [h.id for h in hits]


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Write one user file per haystack, then time the three phases (aggregates only)."""
    haystacks = _haystacks(args.split, args.per_type, args.seed)
    times: dict[str, list[float]] = {p: [] for p in PHASES}
    turns, same, cache_bytes = [], 0, []
    with tempfile.TemporaryDirectory(prefix="kgmem-bm25-") as tmp:
        root = Path(tmp)
        writer = NetworkxStore(root)
        for h in haystacks:
            with writer.batch(h.user_id):
                for s in h.sessions:
                    writer.apply(SessionWrite(user_id=h.user_id, session=s))
            turns.append(sum(len(s.turns) for s in h.sessions))
        writer.close()
        for h in haystacks:
            cache = postings_path(root / user_file_name(h.user_id))
            cache.unlink(missing_ok=True)
            load_ms, cold_ms, built = _first_search(root, h.user_id, h.question)
            cache_bytes.append(cache.stat().st_size)
            _, read_ms, cached = _first_search(root, h.user_id, h.question)
            same += built == cached
            store = NetworkxStore(root)
            store.text_search(h.user_id, "turn", h.question, 10)
            t0 = time.perf_counter()
            for _ in range(args.repeat):
                store.text_search(h.user_id, "turn", h.question, 10)
            warm_ms = (time.perf_counter() - t0) * 1000 / args.repeat
            store.close()
            for phase, ms in zip(PHASES, (load_ms, cold_ms, read_ms, warm_ms), strict=True):
                times[phase].append(ms)
    return {"questions": len(haystacks), "turns_per_user": _stats([float(t) for t in turns]),
            "cache_kb": _stats([b / 1024 for b in cache_bytes]), "repeat": args.repeat,
            "top10_same_from_cache": same, "phases_ms": {p: _stats(v) for p, v in times.items()}}


def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    r = report["result"]
    what = {"load": "load the user file (graph, vectors; not keyword indexes)",
            "cold": "first search, no cache: build 3 indexes from the texts + write the cache",
            "cache read": "first search after an ingest: read the 3 indexes from the cache",
            "warm": f"the same search again (mean of {r['repeat']})"}
    tpu, kb = r["turns_per_user"], r["cache_kb"]
    lines = [f"# {report['title']}", "", *provenance_lines(report), "",
             f"{r['questions']} users (one per question of the selection); turns per user p50 {tpu['p50']:.0f}, "
             f"max {tpu['max']:.0f}; cache file p50 {kb['p50']:.0f} KB. User files hold the haystacks' turns "
             "only (no extraction, no embeddings), so the fact and entity indexes are empty here: the turn "
             "index is what is measured. "
             f"Top 10 from the cached indexes identical to the ones built from the texts: "
             f"{r['top10_same_from_cache']}/{r['questions']}.", "",
             "| phase | what | n | p50 ms | p95 ms | max ms |", "|---|---|---:|---:|---:|---:|"]
    for phase in PHASES:
        d = r["phases_ms"][phase]
        lines.append(f"| {phase} | {what[phase]} | {d['n']} | {d['p50']:.2f} | {d['p95']:.2f} | {d['max']:.2f} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--per-type", type=int, default=10)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=20, help="warm queries per user (timing)")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "bm25")
    args = ap.parse_args()
    with measured() as run:
        result = measure(args)
    print(write_pair(args.out, {"title": "BM25 as kgmem runs it: build, cache read, warm", **run,
                                "result": result}, render))


if __name__ == "__main__":
    main()
