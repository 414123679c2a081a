"""Benchmark the embedded networkx store: write paths and search primitives.

Builds synthetic haystacks (seeded random text and unit vectors, 384 dims) and measures
``apply`` without and with ``batch``, an idempotent replay, a cold load, ``vector_search``,
``text_search`` and ``facts``. Writes ``eval/results/store_networkx.{json,md}``.

    .venv/bin/python eval/bench_store.py [--sessions 50] [--turns 10] [--big-sessions 300]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eval._report import measured, percentile, provenance_lines, write_pair  # noqa: E402
from kgmem.models import Entity, Fact, Session, SessionWrite, Turn  # noqa: E402
from kgmem.store.networkx_store import NetworkxStore  # noqa: E402

DIM = 384
WORDS = (
    "coffee paris marathon sister passport yoga guitar garden kitchen office trip flight "
    "dentist budget laptop novel recipe bakery museum concert puppy bicycle camera"
).split()
RESULTS = Path(__file__).resolve().parent / "results"


def _unit(rng: np.random.Generator) -> list[float]:
    v = rng.standard_normal(DIM).astype(np.float32)
    return (v / np.linalg.norm(v)).tolist()


def haystack(user: str, n_sessions: int, n_turns: int, seed: int = 0) -> list[SessionWrite]:
    """Synthetic session writes: ``n_turns`` turns and 3 facts per session."""
    rng = np.random.default_rng(seed)
    me = Entity(id="e_me", user_id=user, name="me", type="person")
    me_vec = _unit(np.random.default_rng(seed + 1000))  # same entity, same embedding
    writes = []
    for s in range(n_sessions):
        sid = f"s{s:04d}"
        started = datetime(2023, 1, 1) + timedelta(days=s, hours=int(rng.integers(0, 24)))
        turns = [
            Turn(
                id=f"{sid}:{t}",
                session_id=sid,
                idx=t,
                role="user" if t % 2 == 0 else "assistant",
                text=" ".join(rng.choice(WORDS, size=60)),
            )
            for t in range(n_turns)
        ]
        facts = [
            Fact(
                id=f"f_{sid}_{j}",
                user_id=user,
                subject_id=me.id,
                predicate=f"p{j}",
                value=str(rng.choice(WORDS)),
                text=" ".join(rng.choice(WORDS, size=8)),
                observed_at=started,
                session_id=sid,
                source_turn_ids=[turns[j % n_turns].id],
            )
            for j in range(3)
        ]
        writes.append(
            SessionWrite(
                user_id=user,
                session=Session(id=sid, user_id=user, started_at=started, turns=turns),
                entities=[me],
                facts=facts,
                turn_embeddings={t.id: _unit(rng) for t in turns},
                fact_embeddings={f.id: _unit(rng) for f in facts},
                entity_embeddings={me.id: me_vec},
            )
        )
    return writes


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm the lazily built matrix / index
    return 1000 * float(percentile([_timed(fn) for _ in range(repeat)], 0.5) or 0.0)


def measure(args: argparse.Namespace) -> dict[str, Any]:
    """Time the write paths and the search primitives on synthetic haystacks."""
    writes = haystack("bench:small", args.sessions, args.turns)
    big = haystack("bench:big", args.big_sessions, args.turns, seed=1)
    rng = np.random.default_rng(7)
    query_vec = _unit(rng)
    with tempfile.TemporaryDirectory() as tmp:
        plain = NetworkxStore(Path(tmp) / "plain")
        t_plain = _timed(lambda: [plain.apply(w) for w in writes])
        batched = NetworkxStore(Path(tmp) / "batched")

        def run_batch() -> None:
            with batched.batch("bench:small"):
                for w in writes:
                    batched.apply(w)

        t_batch = _timed(run_batch)
        t_replay = _timed(lambda: [batched.apply(w) for w in writes])
        file_mb = sum(p.stat().st_size for p in (Path(tmp) / "batched").glob("*.kgnx")) / 1e6
        t_cold = _timed(lambda: NetworkxStore(Path(tmp) / "batched").sessions("bench:small"))
        with batched.batch("bench:big"):
            for w in big:
                batched.apply(w)
        n_turns = len(batched.turns("bench:big"))
        n_facts = len(batched.facts("bench:big"))
        time.sleep(2.1)  # past the fresh-file window, as in steady-state reads
        vec_ms = _median_ms(
            lambda: batched.vector_search("bench:big", "turn", query_vec, 10), args.repeat
        )
        txt_ms = _median_ms(
            lambda: batched.text_search("bench:big", "turn", "coffee passport bakery", 10),
            args.repeat,
        )
        facts_ms = _median_ms(lambda: batched.facts("bench:big"), max(args.repeat // 10, 5))
    return {
        "backend": "networkx",
        "haystack": {"sessions": args.sessions, "turns": args.sessions * args.turns},
        "apply_no_batch_s": round(t_plain, 3),
        "apply_batch_s": round(t_batch, 3),
        "replay_idempotent_s": round(t_replay, 3),
        "user_file_mb": round(file_mb, 3),
        "cold_load_s": round(t_cold, 4),
        "search_haystack": {"turns": n_turns, "facts": n_facts, "dim": DIM},
        "vector_search_turn_k10_median_ms": round(vec_ms, 3),
        "text_search_turn_k10_median_ms": round(txt_ms, 3),
        "facts_all_median_ms": round(facts_ms, 3),
        "repeat": args.repeat,
    }


def render(report: dict[str, Any]) -> str:
    """The Markdown report."""
    r = report["result"]
    sessions, turns = r["haystack"]["sessions"], r["haystack"]["turns"]
    n_turns, n_facts = r["search_haystack"]["turns"], r["search_haystack"]["facts"]
    lines = [
        "# networkx store benchmark",
        "",
        *provenance_lines(report, "shared machine; figures are upper bounds"),
        f"- medians over {r['repeat']} calls (facts(): {max(r['repeat'] // 10, 5)}) after one warm-up call",
        "",
        "| measure | value |",
        "|---|---|",
        f"| apply {sessions} sessions / {turns} turns, durable per apply | {r['apply_no_batch_s']:.3f} s |",
        f"| same inside `store.batch(user)` (one file write) | {r['apply_batch_s']:.3f} s |",
        f"| idempotent replay of all sessions (no rewrite) | {r['replay_idempotent_s']:.3f} s |",
        f"| user file size | {r['user_file_mb']:.2f} MB |",
        f"| cold load of that user | {r['cold_load_s'] * 1000:.1f} ms |",
        f"| vector_search turns (n={n_turns}, k=10), median | {r['vector_search_turn_k10_median_ms']:.3f} ms |",
        f"| text_search turns BM25 (n={n_turns}, k=10), median | {r['text_search_turn_k10_median_ms']:.3f} ms |",
        f"| facts() all {n_facts} facts, median | {r['facts_all_median_ms']:.3f} ms |",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=50)
    ap.add_argument("--turns", type=int, default=10)
    ap.add_argument("--big-sessions", type=int, default=300, help="sessions of the search haystack")
    ap.add_argument("--repeat", type=int, default=200)
    ap.add_argument("--out", type=Path, default=RESULTS / "store_networkx")
    args = ap.parse_args()
    with measured() as run:
        result = measure(args)
    print(write_pair(args.out, {"title": "networkx store benchmark", **run, "result": result},
                     render))


if __name__ == "__main__":
    main()
