"""A whole split ingested end to end, cold, through the product path (issue #13's budget check).

    .venv/bin/python eval/bench_full_ingest.py --split synthetic-s [--workers 2] [--limit N]

Runs ``Memory.ingest_haystacks`` (the zero-LLM extraction tier with its meaning-based proposals,
MiniLM embeddings, the default networkx store) into a fresh ``KGMEM_HOME`` (empty extraction and
embedding caches), and reports wall time, CPU-seconds (this process and its workers), peak RSS
(the largest of this process and any worker), unique whitespace tokens of the split (each
distinct session content counted once) and throughput in unique tokens per CPU-second, with the
load average before and after (the machine is shared: compare CPU-seconds). Nothing is
extrapolated: with ``--limit`` the figures are for that many haystacks and say so.

Writes eval/results/<name>.{json,md} (default name: ingest_full_<split>).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import command_line, measured, provenance_lines, write_pair  # noqa: E402
from kgmem import ids  # noqa: E402
from kgmem.api import Memory  # noqa: E402
from kgmem.datasets.longmemeval import iter_haystacks  # noqa: E402
from kgmem.datasets.registry import resolve_split  # noqa: E402
from kgmem.settings import Settings  # noqa: E402

TARGETS = {"wall_s": 1800, "peak_rss_mb": 4096}



def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def unique_tokens(split: str, limit: int | None) -> tuple[int, int, int]:
    """(haystacks, distinct session contents, their whitespace tokens) of the split."""
    info = resolve_split(split, Settings.load())
    seen: set[str] = set()
    tokens = n = 0
    for path in info.files:
        for h in iter_haystacks(path, info.tag):
            if limit is not None and n >= limit:
                break
            n += 1
            for s in h.sessions:
                pairs = [(t.role, t.text) for t in s.turns]
                digest = ids.session_content_digest(pairs)
                if digest not in seen:
                    seen.add(digest)
                    tokens += sum(len(t.split()) for _, t in pairs)
    return n, len(seen), tokens


def run(split: str, limit: int | None, workers: int, home: Path) -> dict[str, Any]:
    settings = Settings.load({"home": str(home), "store": "networkx"})
    info = resolve_split(split, settings)

    def haystacks() -> Any:
        n = 0
        for path in info.files:
            for h in iter_haystacks(path, info.tag):
                if limit is not None and n >= limit:
                    return
                n += 1
                yield h

    cpu0, t0 = _cpu(), time.perf_counter()
    mem = Memory(settings, llm=False)
    try:
        report = mem.ingest_haystacks(haystacks(), workers=workers)
        stats = mem.stats()
    finally:
        mem.close()
    wall = time.perf_counter() - t0
    cpu = _cpu() - cpu0
    rss_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss_kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    n, contents, tokens = unique_tokens(split, limit)
    rep = report.to_dict()
    return {
        "split": split, "haystacks": n, "workers": workers, "extrapolated": False,
        "distinct_session_contents": contents, "unique_tokens": tokens,
        "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "unique_tokens_per_cpu_s": round(tokens / cpu) if cpu else None,
        "unique_tokens_per_wall_s": round(tokens / wall) if wall else None,
        "peak_rss_mb": round(max(rss_self, rss_kids), 1), "peak_rss_self_mb": round(rss_self, 1),
        "peak_rss_worker_mb": round(rss_kids, 1),
        # the processes run side by side: their sum bounds the tree's peak from above
        "peak_rss_tree_bound_mb": round(rss_self + max(workers, 1) * rss_kids if workers > 1 else max(rss_self, rss_kids), 1),
        "store": {k: getattr(stats, k) for k in ("users", "sessions", "turns", "entities", "facts", "supersessions")},
        "report": {k: rep[k] for k in ("sessions_total", "sessions_written", "sessions_failed", "facts_added",
                                       "facts_merged", "supersessions", "extraction_cache_hits",
                                       "extracted_sessions", "extracted_tokens", "embedded_texts",
                                       "seconds_extract", "seconds_embed", "seconds_store") if k in rep},
        "targets": TARGETS,
    }


def to_markdown(r: dict[str, Any]) -> str:
    ok = lambda v, t: "met" if v <= t else "NOT met"  # noqa: E731
    return "\n".join([
        f"# Full-split ingest, cold ({r['split']}, {r['haystacks']} haystacks, {r['git_sha']})", "",
        *provenance_lines(r, "shared machine: CPU-seconds are the comparable figure"), "",
        "Measured end to end, not extrapolated.", "",
        "| measure | value | target |", "|---|---|---|",
        f"| wall time | {r['wall_s']} s ({r['wall_s'] / 60:.1f} min) | ≤ 30 min: {ok(r['wall_s'], 1800)} |",
        f"| peak RSS | {r['peak_rss_mb']} MB (main {r['peak_rss_self_mb']}, worker {r['peak_rss_worker_mb']}) | "
        f"≤ 4 GB: {ok(r['peak_rss_mb'], 4096)} |",
        f"| peak RSS, all processes together (upper bound: main + workers × largest worker) | "
        f"{r.get('peak_rss_tree_bound_mb')} MB | ≤ 4 GB: {ok(r.get('peak_rss_tree_bound_mb') or 0, 4096)} |",
        f"| CPU time | {r['cpu_s']} s | |",
        f"| unique tokens | {r['unique_tokens']:,} ({r['distinct_session_contents']:,} distinct sessions) | |",
        f"| throughput | {r['unique_tokens_per_cpu_s']:,} unique tokens per CPU-second "
        f"({r['unique_tokens_per_wall_s']:,} per wall second) | before this issue: ~19k per CPU-s "
        "(eval/results/ingest.md, 50 haystacks) |",
        "", f"Ingest report: `{json.dumps(r['report'])}`", "", f"Store: `{json.dumps(r['store'])}`", ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--name", default=None)
    args = ap.parse_args()
    command = command_line()
    with measured(command, percentiles=False) as prov, tempfile.TemporaryDirectory(prefix="kgmem-full-ingest-") as tmp:
        res = run(args.split, args.limit, args.workers, Path(tmp))
    name = args.name or f"ingest_full_{args.split.replace('-', '_')}"
    print(write_pair(ROOT / "eval" / "results" / name, {**prov, **res}, to_markdown))


if __name__ == "__main__":
    main()
