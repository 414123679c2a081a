"""Reliability scenarios shared by the tests (small sizes) and the bench (full sizes).

Each returns a JSON-able dict of what it tried and what it found; the tests assert on it and
``eval/bench_reliability.py`` records it.
"""

from __future__ import annotations

import json
import random
import shutil
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kgmem.evaluation.metrics import percentile
from kgmem.store.base import FactFilter, MemoryStore

from .harness import (
    CITIES,
    HashEmbedder,
    diff_snapshots,
    ingest,
    make_haystack,
    marker,
    open_backend,
    run_child,
    snapshot,
)


def new_prefix(label: str) -> str:
    """Unique user-id prefix so runs never touch anyone else's users on a shared server."""
    return f"rel{uuid.uuid4().hex[:8]}-{label}"


def kill_points(total: int, n: int, seed: int = 0) -> list[int]:
    """``n`` distinct kill points in 1..total: evenly spread plus seeded random ones."""
    if total <= n:
        return list(range(1, total + 1))
    even = {1 + round(i * (total - 1) / max(n // 2 - 1, 1)) for i in range(n // 2)}
    rng = random.Random(seed)
    while len(even) < n:
        even.add(rng.randint(1, total))
    return sorted(even)


def _child_ingest(backend: str, root: Path | None, users: Sequence[str], sessions: int, mode: str,
                  kill_at: int) -> tuple[int, dict[str, Any] | None, str]:
    args = ["ingest", "--backend", backend, "--users", ",".join(users), "--sessions", str(sessions),
            "--mode", mode, "--kill-at", str(kill_at)]
    if root is not None:
        args += ["--root", str(root)]
    proc = run_child(args)
    out = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 and proc.stdout.strip() else None
    return proc.returncode, out, proc.stderr[-2000:]


def crash_scenario(backend: str, workdir: Path, *, n_points: int = 20, n_users: int = 2,
                   sessions: int = 4, mode: str = "batch", seed: int = 0,
                   double_kills: int = 0) -> dict[str, Any]:
    """SIGKILL ingestion at ``n_points`` write events; a re-run must converge to the graph of an
    uninterrupted run (same session/turn/entity/fact ids, invalidations, supersession pairs)."""
    prefix = new_prefix(f"crash-{backend}-{mode}")
    users = [f"{prefix}:u{i}" for i in range(n_users)]
    is_nx = backend == "networkx"

    def root(name: str) -> Path | None:
        return workdir / name if is_nx else None

    def clean(r: Path | None) -> None:
        if is_nx:
            assert r is not None
            shutil.rmtree(r, ignore_errors=True)
        else:
            st = open_backend(backend)
            for u in users:
                st.delete_user(u)
            st.close()

    ref_root = root("ref")
    rc, out, err = _child_ingest(backend, ref_root, users, sessions, mode, 0)
    if rc != 0 or out is None:
        raise RuntimeError(f"reference ingest failed (rc {rc}): {err}")
    total = int(out["ticks"])
    st = open_backend(backend, ref_root)
    ref = snapshot(st, users)
    st.close()
    clean(ref_root)
    points = kill_points(total, n_points, seed)
    rng = random.Random(seed + 1)
    trials: list[dict[str, Any]] = []
    for i, point in enumerate(points + [-(j + 1) for j in range(double_kills)]):
        r = root(f"t{i}")
        clean(r)
        kills = [point] if point > 0 else [rng.randint(1, total), rng.randint(1, total)]
        killed = []
        for k in kills:
            rc, _, err = _child_ingest(backend, r, users, sessions, mode, k)
            killed.append(rc == -9)
        st = open_backend(backend, r)
        ingest(st, [make_haystack(u, n_sessions=sessions) for u in users], mode=mode)
        got = snapshot(st, users)
        st.close()
        leftovers = sorted(p.name for p in r.glob("*.tmp")) if r is not None else []
        problems = diff_snapshots(ref, got)
        trials.append({"kill_at": kills, "killed": killed, "converged": not problems,
                       "problems": problems[:5], "temp_files_left": len(leftovers)})
        clean(r)
    return {
        "backend": backend, "mode": mode, "users": n_users, "sessions_per_user": sessions,
        "write_events": total, "trials": trials,
        # the first kill must fire; a double kill's second point may lie past the resumed run's end
        "points": len(trials), "killed": sum(t["killed"][0] for t in trials),
        "converged": sum(t["converged"] for t in trials),
        "reference": {"facts": sum(len(v["facts"]) for v in ref.values()),
                      "supersessions": sum(len(v["supersessions"]) for v in ref.values()),
                      "turns": sum(len(v["turns"]) for v in ref.values())},
    }


def eval_crash_scenario(workdir: Path, n_points: int = 24) -> dict[str, Any]:
    """SIGKILL ``run_eval`` before / in the middle of / after each prediction append and in each
    prepare; resuming must leave every question exactly once."""
    import sys

    from kgmem.evaluation.runner import EvalConfig, read_predictions, run_eval
    from kgmem.settings import Settings

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
    sys.path.insert(0, str(fixtures))
    from eval_fake_system import GOOD_ANSWERS, FakeSystem

    home = workdir / "home"
    ref_dir = workdir / "ref"
    proc = run_child(["eval", "--run-dir", str(ref_dir), "--home", str(home), "--kill-at", "0"])
    if proc.returncode != 0:
        raise RuntimeError(f"reference eval failed: {proc.stderr[-2000:]}")
    total = json.loads(proc.stdout.strip().splitlines()[-1])["ticks"]
    expected = sorted(r["question_id"] for r in read_predictions(ref_dir / "predictions.jsonl"))
    trials = []
    for k in kill_points(total, n_points):
        run_dir = workdir / f"k{k}"
        p = run_child(["eval", "--run-dir", str(run_dir), "--home", str(home), "--kill-at", str(k)])
        before = len(read_predictions(run_dir / "predictions.jsonl"))
        system = FakeSystem(GOOD_ANSWERS)
        result = run_eval(EvalConfig(split=str(fixtures / "tiny_lme.json"), run_dir=run_dir),
                          Settings.load({"home": str(home)}, env={}), system=system)
        got = [r["question_id"] for r in read_predictions(run_dir / "predictions.jsonl")]
        trials.append({"kill_at": k, "killed": p.returncode == -9, "done_before": before,
                       "redone": len(system.prepared), "duplicates": len(got) - len(set(got)),
                       "missing": sorted(set(expected) - set(got)),
                       "complete": bool(result.summary.get("complete"))})
        shutil.rmtree(run_dir, ignore_errors=True)
    ok = [t for t in trials if t["killed"] and not t["duplicates"] and not t["missing"] and t["complete"]]
    return {"questions": len(expected), "write_events": total, "points": len(trials),
            "survived": len(ok), "trials": trials}


# --------------------------------------------------------------------------- isolation


def ingest_users(store: MemoryStore, users: Sequence[str], sessions: int = 4, mode: str = "batch") -> None:
    """Ingest the standard haystack of every user."""
    ingest(store, [make_haystack(u, n_sessions=sessions) for u in users], mode=mode)


def _own_ids(snap: dict[str, Any], user_id: str) -> set[str]:
    return ({user_id} | {s[0] for s in snap["sessions"]} | {t[0] for t in snap["turns"]} | set(snap["entities"])
            | {f[0] for f in snap["facts"]})


def isolation_scenario(store: MemoryStore, users: Sequence[str], n_queries: int, seed: int = 0,
                       use_api: bool = True) -> dict[str, Any]:
    """Random queries across users sharing entity names: every result must be the asking user's
    own and non-empty; then ``delete_user`` must remove exactly one user."""
    snap = snapshot(store, users)
    own = {u: _own_ids(snap[u], u) for u in users}
    emb = HashEmbedder()
    memory = None
    if use_api:
        from kgmem.api import Memory
        from kgmem.settings import Settings

        memory = Memory(Settings.load({}, env={}), store=store, llm=False, embedder=emb)
    words = ["Mom", "Paris", "my dog", "dog park", "Where do I live?", "Mom called about my dog",
             "favourite colour", "work as a nurse"]
    rng = random.Random(seed)
    ops = ["vector", "text", "facts", "neighbours", "sessions"] + (["search"] if memory else [])
    counts = {op: 0 for op in ops}
    empty = {op: 0 for op in ops}
    leaks: list[str] = []
    latencies: list[float] = []
    for _ in range(n_queries):
        u = rng.choice(users)
        op = rng.choice(ops)
        counts[op] += 1
        t0 = time.perf_counter()
        got: list[str] = []
        if op == "vector":
            kind = rng.choice(["turn", "fact"])
            got = [h.id for h in store.vector_search(u, kind, emb.embed([rng.choice(words)])[0].tolist(), 5)]
        elif op == "text":
            kind = rng.choice(["turn", "entity"])
            q = " ".join(CITIES) if kind == "entity" else rng.choice(["Mom", "Paris", "dog", "Note", marker(u)])
            got = [h.id for h in store.text_search(u, kind, q, 5)]
        elif op == "facts":
            facts = store.facts(u, FactFilter(predicate=rng.choice([None, "lives_in"]),
                                              current_only=rng.random() < 0.5))
            got = [f.id for f in facts]
            leaks += [f"facts({u}) returned user {f.user_id}" for f in facts if f.user_id != u]
        elif op == "neighbours":
            node = rng.choice(sorted(own[u]))
            got = store.neighbours(u, node)
            if not got:
                empty[op] -= 1  # a node may legitimately have no neighbour; counted below
                got = ["<none>"]
        elif op == "sessions":
            got = [s.id for s in store.sessions(u)]
        else:
            assert memory is not None
            res = memory.search(u, rng.choice(words), question_date=make_haystack(u, 1).question_date)
            got = [f.id for f in res.facts] + [t.id for t in res.turns]
            leaks += [f"search({u}) fact of {f.user_id}" for f in res.facts if f.user_id != u]
            leaks += [f"search({u}) turn without own marker" for t in res.turns if marker(u) not in t.text
                      and t.role == "user"]
        latencies.append(time.perf_counter() - t0)
        if not got:
            empty[op] += 1
        foreign = [i for i in got if i != "<none>" and i not in own[u]]
        leaks += [f"{op}({u}) returned foreign id {i}" for i in foreign]
    # delete exactly one user
    victim = users[0]
    nodes_before = {u: len(_own_ids(snap[u], u)) for u in users}
    removed = store.delete_user(victim)
    after = snapshot(store, users)
    others_intact = all(after[u] == snap[u] for u in users[1:])
    victim_gone = not any(after[victim][k] for k in after[victim])
    return {
        "users": len(users), "queries": n_queries, "by_op": counts, "empty": empty,
        "leaks": len(leaks), "leak_examples": leaks[:5],
        "p50_ms": _pctl(latencies, 50), "p95_ms": _pctl(latencies, 95) if len(latencies) > 1 else None,
        "delete_user": {"victim_nodes": nodes_before[victim], "removed": removed,
                        "others_intact": others_intact, "victim_gone": victim_gone},
    }


# --------------------------------------------------------------------------- load


def _run_threads(threads: list[threading.Thread]) -> float:
    """Start every thread, wait for all; the seconds they took together."""
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0


def _pctl(values: list[float], q: int) -> float:
    """The ``q``-th percentile of ``values`` (seconds) in ms, by the shared nearest-rank definition."""
    return round(1000 * (percentile(values, q / 100) or 0.0), 2)


def load_scenario(make_store: Callable[[str], MemoryStore], cleanup: Callable[[MemoryStore, list[str]], None],
                  n_users: int = 8, sessions: int = 4, threads: int = 4, query_threads: int = 4,
                  queries_per_thread: int = 50, processes: int = 0,
                  process_root: Callable[[str], Path | None] | None = None,
                  backend: str = "networkx") -> dict[str, Any]:
    """Concurrent ingestion of different users (threads, optionally processes) and concurrent
    queries against one store; the graphs must equal a sequential run's."""
    prefix = new_prefix(f"load-{backend}")
    users = [f"{prefix}:u{i}" for i in range(n_users)]
    haystacks = {u: make_haystack(u, n_sessions=sessions) for u in users}
    total_sessions = n_users * sessions
    # sequential reference
    st = make_store("seq")
    t0 = time.perf_counter()
    ingest(st, [haystacks[u] for u in users])
    seq_s = time.perf_counter() - t0
    ref = snapshot(st, users)
    cleanup(st, users)
    st.close()
    # threads, one shared store
    st = make_store("threads")
    errors: list[str] = []

    def worker(chunk: list[str]) -> None:
        try:
            ingest(st, [haystacks[u] for u in chunk])
        except Exception as exc:  # noqa: BLE001 - collected and reported as a failure
            errors.append(f"{type(exc).__name__}: {exc}")

    chunks = [users[i::threads] for i in range(threads)]
    thr_s = _run_threads([threading.Thread(target=worker, args=(c,)) for c in chunks])
    thr_diff = diff_snapshots(ref, snapshot(st, users))
    # concurrent queries against the loaded store: same answers as sequential ones
    emb = HashEmbedder()
    rng = random.Random(7)
    qs = [(rng.choice(users), rng.choice(["Mom", "Paris dog", "I live in", "work at"]))
          for _ in range(query_threads * queries_per_thread)]

    def run_query(u: str, text: str) -> list[str]:
        return ([h.id for h in st.vector_search(u, "turn", emb.embed([text])[0].tolist(), 5)]
                + [h.id for h in st.text_search(u, "turn", text, 5)]
                + [f.id for f in st.facts(u, FactFilter(current_only=True))])

    expected = [run_query(u, q) for u, q in qs]
    lat: list[float] = []
    mismatches = [0]
    lock = threading.Lock()

    def qworker(part: list[int]) -> None:
        for i in part:
            t = time.perf_counter()
            got = run_query(*qs[i])
            dt = time.perf_counter() - t
            with lock:
                lat.append(dt)
                mismatches[0] += got != expected[i]

    q_s = _run_threads([threading.Thread(target=qworker, args=(list(range(i, len(qs), query_threads)),))
                        for i in range(query_threads)])
    cleanup(st, users)
    st.close()
    out: dict[str, Any] = {
        "backend": backend, "users": n_users, "sessions": total_sessions,
        "sequential": {"seconds": round(seq_s, 2), "sessions_per_s": round(total_sessions / seq_s, 1)},
        "threads": {"workers": threads, "seconds": round(thr_s, 2),
                    "sessions_per_s": round(total_sessions / thr_s, 1), "equal_to_sequential": not thr_diff,
                    "errors": errors[:3], "problems": thr_diff[:5]},
        "queries": {"threads": query_threads, "count": len(qs), "qps": round(len(qs) / q_s, 1),
                    "p50_ms": _pctl(lat, 50), "p95_ms": _pctl(lat, 95),
                    "results_equal_to_sequential": mismatches[0] == 0, "mismatches": mismatches[0]},
    }
    if processes:
        assert process_root is not None
        r = process_root("procs")
        groups = [users[i::processes] for i in range(processes)]
        t0 = time.perf_counter()
        import subprocess
        import sys

        from .harness import ROOT
        procs = []
        for g in groups:
            args = [sys.executable, str(Path(__file__).with_name("crash_child.py")), "ingest",
                    "--backend", backend, "--users", ",".join(g), "--sessions", str(sessions)]
            if r is not None:
                args += ["--root", str(r)]
            import os

            procs.append(subprocess.Popen(args, env={**os.environ, "PYTHONPATH": str(ROOT)},
                                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        rcs = [p.wait(timeout=600) for p in procs]
        p_s = time.perf_counter() - t0
        st = make_store("procs")
        p_diff = diff_snapshots(ref, snapshot(st, users))
        cleanup(st, users)
        st.close()
        out["processes"] = {"workers": processes, "seconds": round(p_s, 2),
                            "sessions_per_s": round(total_sessions / p_s, 1), "exit_codes": rcs,
                            "equal_to_sequential": not p_diff, "problems": p_diff[:5]}
    return out
