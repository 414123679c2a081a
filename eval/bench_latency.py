"""Where the time goes on kgmem's question path: embed, plan, retrieve, answer — per stage and path.

    .venv/bin/python eval/bench_latency.py --split synthetic-s --per-type 20 \
        [--seed 0] [--repeat 2] [--out eval/results/latency]

Uses haystacks already ingested into ``KGMEM_HOME`` (run ``kgmem eval --retrieval-only`` with the
same selection first; missing ones are ingested here, outside the timings). For every question it
times, in one warm process: the question embedding (shared by planner and retriever), planning
(regex paths + the intent bank), the ``retrieve`` stage (store reads, vector/BM25/graph lists,
fusion, supersession) and answering without a model (computed / extractive / preference /
abstain / fallback). The first question of a user also pays the store load and the keyword-index
builds: it is reported apart (``cold``). ``--repeat`` asks every question again right after
(``warm``: the user's store is loaded and indexed, the question vector is cached; asked in a row
because the store keeps only the 32 most recently used users in memory). Also reports the
session recall_any@5 of the ranking, so a speed change can show that recall is not lower. Writes ``<out>.json`` and ``<out>.md`` with p50/p95 per stage and per
answer path, and the load average before and after (the machine is shared).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import measured, provenance_lines, spelled_out, write_pair  # noqa: E402
from eval._report import stats as _stats  # noqa: E402


def _recall(h: Any, top: list[str]) -> float | None:
    """1.0 when any evidence session is among ``top`` (``None`` for abstention questions)."""
    gold = set(h.labels.answer_session_ids) if h.labels is not None and not h.is_abstention else set()
    return float(bool(gold & set(top))) if gold else None


def _select(path: Path, per_type: int | None, seed: int, tag: str | None = None) -> list[Any]:
    from kgmem.datasets.longmemeval import iter_haystacks

    hays = list(iter_haystacks(path, tag))
    if per_type is None:
        return hays
    strata: dict[str, list[Any]] = defaultdict(list)
    for h in hays:
        assert h.labels is not None
        strata["abstention" if h.is_abstention else h.labels.question_type].append(h)
    rng = random.Random(seed)
    chosen: set[str] = set()
    for name in sorted(strata):
        chosen.update(h.question_id for h in rng.sample(strata[name], min(per_type, len(strata[name]))))
    return [h for h in hays if h.question_id in chosen]


def _prime(user_ids: list[str]) -> tuple[int, int, float]:
    """What ingest does ahead of questions, for these stored users: embed the evidence-pool lines
    and parse the user lines a first question parses (kept in the home's caches). Returns lines
    embedded, lines read for parses, CPU seconds (lines already cached cost a read)."""
    from kgmem.answer.parse_prime import prime_parses
    from kgmem.answer.pool import prime
    from kgmem.api import Memory

    mem = Memory(llm=False)
    c0 = time.process_time()
    embedded = parsed = 0
    for uid in user_ids:
        turns = mem.store.turns(uid)
        parsed += prime_parses(turns)  # in ingest's order (kgmem.api.Memory._prime)
        embedded += prime(turns, mem.embedder.embed)
    cpu = time.process_time() - c0
    mem.close()
    return embedded, parsed, cpu


# long: one timed pass over the selection, first asks then asked again, each stage timed in order
def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Time every stage of every selected question (aggregates only leave this function)."""
    from kgmem.api import Memory
    from kgmem.datasets.longmemeval import strip_labels
    from kgmem.datasets.registry import resolve_split
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.search import Retriever
    from kgmem.settings import Settings

    settings = Settings.load()
    info = resolve_split(args.split, settings)
    hays = _select(info.files[0], args.per_type, args.seed, info.tag)
    mem = Memory(settings, llm=False)
    for h in hays:  # ingestion is not what this measures
        if not all(mem.store.has_session(h.user_id, s.id) for s in h.sessions):
            mem.ingest_haystack(strip_labels(h))
    mem.close()
    primed, parsed, prime_cpu = 0, 0, 0.0
    if not args.no_prime:  # what ingest does since #14's cold-ask work: a home stored before it gets it here
        # in another process, as ingest is: the parses it makes must reach the first asks through
        # the on-disk cache, not through this process's memory
        with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
            primed, parsed, prime_cpu = pool.submit(_prime, [h.user_id for h in hays]).result()
    if args.drop_postings:  # measure the first question of a store that has no postings cache yet
        for cache in Path(mem.store.root).glob("*.bm25") if hasattr(mem.store, "root") else []:
            cache.unlink()
    mem = Memory(settings, llm=False)  # a fresh process state: stores load on first touch
    mem.embedder.embed(["warm-up"])
    if args.legacy:
        plan_query("warm up the planner", datetime(2023, 1, 1))
    else:
        plan_query("warm up the planner", datetime(2023, 1, 1), embedder=mem.embedder)
    rows: list[dict[str, Any]] = []
    sessions = []
    for h in hays:  # each question asked --repeat times in a row: the first ask loads the store
        for rnd in range(args.repeat):
            t0 = time.perf_counter()
            if args.legacy:  # the code before issue #14: the retriever embedded the question itself
                t1 = time.perf_counter()
                plan = plan_query(h.question, h.question_date)
                t2, c2 = time.perf_counter(), time.process_time()
                result = Retriever(mem.store, mem.embedder).retrieve(h.user_id, plan)
            else:
                vec = mem._question_vector(h.question)
                t1 = time.perf_counter()
                plan = plan_query(h.question, h.question_date, embedder=mem.embedder, vector=vec)
                t2, c2 = time.perf_counter(), time.process_time()
                result = Retriever(mem.store, mem.embedder).retrieve(h.user_id, plan, vector=vec)
            t3, c3 = time.perf_counter(), time.process_time()
            ans = mem.answerer.answer(result)
            t4, c4 = time.perf_counter(), time.process_time()
            rows.append({"round": rnd, "cold": rnd == 0, "embed": (t1 - t0) * 1000, "plan": (t2 - t1) * 1000,
                         "retrieve": (t3 - t2) * 1000, "answer": (t4 - t3) * 1000, "retrieve CPU": (c3 - c2) * 1000,
                         "answer CPU": (c4 - c3) * 1000,
                         "path": str(ans.extra.get("path")), "sessions": len(result.sessions),
                         "context_tokens": float(ans.extra.get("context_tokens") or 0),
                         "recall_any@5": _recall(h, result.session_ids[:5])})
            sessions.append(len(result.sessions))
    mem.close()
    out: dict[str, Any] = {"questions": len(hays), "primed_lines": primed, "primed_parse_lines": parsed,
                           "prime_cpu_s": prime_cpu,
                           "sessions_per_haystack": {
        "min": min(sessions), "max": max(sessions), "mean": sum(sessions) / len(sessions)}}
    for label, sel in (("first ask (store loads on a user's first question)", [r for r in rows if r["cold"]]),
                       ("asked again (warm)", [r for r in rows if not r["cold"]])):
        if sel:
            out[label] = {k: _stats([r[k] for r in sel])
                          for k in ("embed", "plan", "retrieve", "retrieve CPU", "answer", "answer CPU")}
            out[label]["embed+plan+retrieve"] = _stats([r["embed"] + r["plan"] + r["retrieve"] for r in sel])
    by_path: dict[str, list[float]] = defaultdict(list)
    first_by_path: dict[str, list[float]] = defaultdict(list)
    first_cpu_by_path: dict[str, list[float]] = defaultdict(list)
    again_by_path: dict[str, list[float]] = defaultdict(list)
    ctx_by_path: dict[str, list[float]] = defaultdict(list)
    for r in rows:
        by_path[r["path"]].append(r["answer"])
        (first_by_path if r["cold"] else again_by_path)[r["path"]].append(r["answer"])
        if r["cold"]:
            first_cpu_by_path[r["path"]].append(r["answer CPU"])
            ctx_by_path[r["path"]].append(r["context_tokens"])
    out["answer_ms_by_path"] = {p: _stats(v) for p, v in sorted(by_path.items())}
    # apart: a first ask meets sentences the embedding cache has never seen; asked again, it has them
    out["answer_ms_by_path_first"] = {p: _stats(v) for p, v in sorted(first_by_path.items())}
    out["answer_ms_by_path_again"] = {p: _stats(v) for p, v in sorted(again_by_path.items())}
    # the process CPU time of the answer stage (all threads), first asks: on a loaded machine the
    # nearest proxy for an idle-machine figure
    out["answer_cpu_ms_by_path_first"] = {p: _stats(v) for p, v in sorted(first_cpu_by_path.items())}
    out["context_tokens_by_path"] = {p: _stats(v) for p, v in sorted(ctx_by_path.items())}
    hits = [r["recall_any@5"] for r in rows if r["cold"] and r["recall_any@5"] is not None]
    out["session_recall_any@5"] = {"n": len(hits), "value": sum(hits) / len(hits) if hits else None}
    return out


def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    def ms(d: dict[str, Any], k: str) -> str:
        return "–" if d.get(k) is None else f"{d[k]:,.1f}"
    lines = [f"# {report['title']}", "", report["note"], "", *provenance_lines(report),
             f"- {report['result']['questions']} questions; primed before timing in another process (as ingest "
             f"does): {report['result'].get('primed_lines', 0):,} evidence-pool lines embedded, "
             f"{report['result'].get('primed_parse_lines', 0):,} user lines read for their parses "
             f"({report['result'].get('prime_cpu_s', 0.0):.1f} CPU-s, cached lines included); sessions per haystack "
             f"{report['result']['sessions_per_haystack']}",
             f"- session recall_any@5 (retrieval, answerable questions): "
             f"{report['result']['session_recall_any@5']['value']:.3f} "
             f"(n={report['result']['session_recall_any@5']['n']})", ""]
    for label in ("first ask (store loads on a user's first question)", "asked again (warm)"):
        block = report["result"].get(label)
        if not block:
            continue
        lines += [f"## {label}", "", "| stage | n | p50 ms | p95 ms | max ms |", "|---|---:|---:|---:|---:|"]
        for k in ("embed", "plan", "retrieve", "retrieve CPU", "embed+plan+retrieve", "answer", "answer CPU"):
            if k not in block:
                continue
            d = block[k]
            lines.append(f"| {k} | {d['n']} | {ms(d, 'p50')} | {ms(d, 'p95')} | {ms(d, 'max')} |")
        lines.append("")
    lines += ["## answer stage by path (no model: computed / extractive / preference / abstain / fallback)", "",
              "Context tokens: the context the answerer built (what a model would read; counted with the "
              "approximate tokenizer, as no model is loaded), first asks.", "",
              "| path | n | p50 ms | p95 ms | context tokens p50 | context tokens p95 |", "|---|---:|---:|---:|---:|---:|"]
    ctx = report["result"].get("context_tokens_by_path", {})
    for p, d in report["result"]["answer_ms_by_path"].items():
        c = ctx.get(p, {})
        lines.append(f"| {p} | {d['n']} | {ms(d, 'p50')} | {ms(d, 'p95')} | {ms(c, 'p50')} | {ms(c, 'p95')} |")
    first, again = report["result"].get("answer_ms_by_path_first"), report["result"].get("answer_ms_by_path_again")
    if first:
        lines += ["", "### answer stage by path, first asks and asked again apart", "",
                  "First ask: the user's store loads, the question and its parses are new, the evidence "
                  "sentences' vectors and the user lines' parses are read from the caches ingest filled (unless "
                  "--no-prime); asked again: all warm.", "",
                  "| path | first n | first p50 ms | first p95 ms | first CPU p50 ms | first CPU p95 ms | again n | "
                  "again p50 ms | again p95 ms |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        cpu = report["result"].get("answer_cpu_ms_by_path_first", {})
        for p in sorted(set(first) | set(again or {})):
            f, a, c = first.get(p, {}), (again or {}).get(p, {}), cpu.get(p, {})
            lines.append(f"| {p} | {f.get('n', 0)} | {ms(f, 'p50')} | {ms(f, 'p95')} | {ms(c, 'p50')} | {ms(c, 'p95')} | "
                         f"{a.get('n', 0)} | {ms(a, 'p50')} | {ms(a, 'p95')} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--per-type", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "eval" / "results" / "latency"))
    ap.add_argument("--drop-postings", action="store_true",
                    help="delete the stores' keyword postings caches first (first asks then build the indexes)")
    ap.add_argument("--no-prime", action="store_true",
                    help="do not embed the evidence pool's sentences nor parse the user lines of stored sessions "
                         "first (a home ingested before ingest primed them then answers its first asks as it did "
                         "before)")
    ap.add_argument("--legacy", action="store_true",
                    help="measure the pre-#14 code (PYTHONPATH to its tree; its retriever embeds the question)")
    args = ap.parse_args()
    command = spelled_out("eval/bench_latency.py", args, hide={"out": ap.get_default("out")})
    with measured(command) as run:
        result = measure(args)
    report = {"title": "kgmem question-path latency", **run,
              "note": ("Embedded networkx store, ONNX MiniLM, no answer model (the embedded model's answer path is "
                       "timed by eval/bench_model_latency.py). `retrieve` is the retrieval stage alone; the question embedding and "
                       "planning are timed apart (the planner and the retriever share one embedding). Each question "
                       "is asked twice in a row: first ask = the user's store loaded from disk and its keyword "
                       "indexes read from the postings cache beside the store file (built from the texts, and "
                       "cached, when there is none: with --drop-postings every first ask does that); asked "
                       "again = warm. Before any timing, in another process, the stored sessions' evidence-pool "
                       "sentence lines are embedded and their user lines parsed as ingest does "
                       "(kgmem.answer.pool.prime, kgmem.answer.parse_prime; a home ingested before that code gets "
                       "it here; --no-prime skips it), so a first ask meets them in the on-disk caches but its "
                       "question, its parses and the store loads cold. `retrieve CPU` is the process CPU time of the retrieve stage (all threads): on "
                       "a loaded machine it is the nearest proxy for an idle-machine figure (a proxy, not a measured "
                       "idle figure); `answer CPU` the same for the answer stage."),
              "result": result}
    print(write_pair(Path(args.out), report, render))


if __name__ == "__main__":
    main()
