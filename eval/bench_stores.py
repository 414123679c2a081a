"""Benchmark the two stores on the same synthetic data: apply throughput, search and graph
latencies (p50/p95), and — for Neo4j — server start time, server RSS, and the recall of the
shared vector index (with oversampling) against kgmem's exact per-user scoring.

    .venv/bin/python eval/bench_stores.py [--users 40 --sessions 10 --queries 60]

By default a throw-away Neo4j is started from the `kgmem neo4j install` home on spare ports
(--bolt-port/--http-port, default 7990/7991) with a fresh data directory, timed, used and stopped; `--uri` uses a running server
instead. Writes eval/results/stores.json and eval/results/stores.md.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import measured, pct, provenance_lines, write_pair  # noqa: E402
from kgmem.ids import entity_id, fact_id, turn_id  # noqa: E402
from kgmem.models import Entity, Fact, Session, SessionWrite, Supersession, Turn  # noqa: E402
from kgmem.store.base import MemoryStore  # noqa: E402

DIM = 384
WORDS = ("coffee espresso marathon passport Japan Paris bakery sister guitar lesson dentist "
         "garden tomato bike commute office promotion manager apartment lease budget recipe "
         "yoga vacation flight hotel museum concert ticket laptop phone camera puppy vet").split()
PREDICATES = ["lives_in", "works_at", "likes", "owns", "visited", "plans"]


def _unit(rng: np.random.Generator, base: np.ndarray | None = None) -> list[float]:
    vec = rng.standard_normal(DIM)
    if base is not None:
        vec = base + 0.35 * vec / np.linalg.norm(vec)
    return (vec / np.linalg.norm(vec)).astype(np.float32).tolist()


def synth_user(uid: str, n_sessions: int, turns_per: int, facts_per: int, seed: int) -> list[SessionWrite]:
    """One user's sessions: random texts from a small vocabulary, facts whose slots get
    superseded over time (a predicate's newer value supersedes the older one)."""
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    me = Entity(id=entity_id(uid, "me"), user_id=uid, name="me", type="person", aliases=["I"])
    latest: dict[str, Fact] = {}
    writes: list[SessionWrite] = []
    t0 = datetime(2023, 1, 1, 9, 0)
    for s in range(n_sessions):
        sid = f"s{s:03d}"
        started = t0 + timedelta(days=7 * s, minutes=rnd.randint(0, 600))
        turns = [Turn(id=turn_id(sid, i), session_id=sid, idx=i, role="user" if i % 2 == 0 else "assistant",
                      text=" ".join(rnd.choices(WORDS, k=12))) for i in range(turns_per)]
        entities = [me]
        facts: list[Fact] = []
        sups: list[Supersession] = []
        inval: dict[str, datetime] = {}
        for j in range(facts_per):
            pred = rnd.choice(PREDICATES)
            value = rnd.choice(WORDS)
            obj = Entity(id=entity_id(uid, value), user_id=uid, name=value, type="thing")
            if obj.id not in {e.id for e in entities}:
                entities.append(obj)
            f = Fact(id=fact_id(uid, me.id, pred, f"{value}-{j}", sid), user_id=uid, subject_id=me.id,
                     predicate=pred, object_id=obj.id, text=f"user {pred.replace('_', ' ')} {value}",
                     observed_at=started, session_id=sid, source_turn_ids=[turns[j % turns_per].id])
            old = latest.get(pred)
            if old is not None and old.session_id != sid and old.id not in inval:
                sups.append(Supersession(user_id=uid, new_fact_id=f.id, old_fact_id=old.id, at=started))
                inval[old.id] = started
            latest[pred] = f
            facts.append(f)
        topic = rng.standard_normal(DIM)
        writes.append(SessionWrite(
            user_id=uid, session=Session(id=sid, user_id=uid, started_at=started, turns=turns),
            entities=entities, facts=facts, supersessions=sups, invalidations=inval,
            turn_embeddings={t.id: _unit(rng, topic) for t in turns},
            fact_embeddings={f.id: _unit(rng, topic) for f in facts},
            entity_embeddings={e.id: _unit(rng) for e in entities},
        ))
    return writes


def timed(fn: Callable[[], Any], n: int) -> dict[str, float]:
    samples = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": round(pct(samples, 50), 2), "p95_ms": round(pct(samples, 95), 2), "n": n}


def warm_up(store: MemoryStore, seed: int) -> None:
    """Untimed: one user's writes and each query once (JIT, query plans, caches), then removed."""
    uid = "bench:warmup"
    writes = synth_user(uid, 6, 4, 3, seed + 999)
    for w in writes:
        store.apply(w)
    vec = writes[0].turn_embeddings[writes[0].session.turns[0].id]
    for _ in range(3):
        for kind in ("turn", "fact"):
            store.vector_search(uid, kind, vec, 10)  # type: ignore[arg-type]
            store.text_search(uid, kind, "coffee garden", 10)  # type: ignore[arg-type]
        fid = writes[-1].facts[0].id
        store.neighbours(uid, fid)
        store.supersession_chain(uid, fid)
        _current(store, uid)
    store.delete_user(uid)


class LazyUsers(dict):  # type: ignore[type-arg]
    """user id → that user's writes, generated on access (1,000 users' vectors as Python lists
    would not fit in memory at once)."""

    def __init__(self, users: int, sessions: int, turns: int, facts: int, seed: int) -> None:
        super().__init__({f"bench:u{i:04d}": None for i in range(users)})
        self.args = (sessions, turns, facts, seed)

    def __getitem__(self, uid: str) -> list[SessionWrite]:
        sessions, turns, facts, seed = self.args
        return synth_user(uid, sessions, turns, facts, seed + int(uid.rsplit("u", 1)[1]))

    def values(self) -> Any:  # type: ignore[override]
        return (self[u] for u in self)


def _apply_batched(store: MemoryStore, writes: list[SessionWrite]) -> None:
    """Neo4j: one transaction per ``BATCH_SESSIONS`` sessions; networkx: each user's file once."""
    many = getattr(store, "apply_many", None)
    if callable(many):
        many(writes)
        return
    by_user: dict[str, list[SessionWrite]] = {}
    for w in writes:
        by_user.setdefault(w.user_id, []).append(w)
    for uid, ws in by_user.items():
        with store.batch(uid):  # type: ignore[attr-defined]
            for w in ws:
                store.apply(w)


BATCH_SESSIONS = 200
ONE_BY_ONE_USERS = 10


def run_store(store: MemoryStore, data: dict[str, list[SessionWrite]], queries: int, seed: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    warm_up(store, seed)
    users_all = list(data)
    # the first users one session per transaction (the old way), the rest in batches
    n_one = 0
    t = time.perf_counter()
    for u in users_all[:ONE_BY_ONE_USERS]:
        for w in data[u]:
            store.apply(w)
            n_one += 1
    secs = time.perf_counter() - t
    out["apply"] = {"sessions": n_one, "seconds": round(secs, 2), "sessions_per_s": round(n_one / secs, 1)}
    n_batched, secs, pending = 0, 0.0, []
    for u in users_all[ONE_BY_ONE_USERS:]:
        pending.extend(data[u])  # generated outside the timed region
        if len(pending) >= BATCH_SESSIONS or u == users_all[-1]:
            t = time.perf_counter()
            _apply_batched(store, pending)
            secs += time.perf_counter() - t
            n_batched += len(pending)
            pending = []
    if n_batched:
        out["apply_batched"] = {"sessions": n_batched, "seconds": round(secs, 2),
                                "sessions_per_s": round(n_batched / secs, 1), "batch_sessions": BATCH_SESSIONS}
    rng = np.random.default_rng(seed)
    rnd = random.Random(seed)
    users = list(data)
    probes = [(rnd.choice(users), _unit(rng), " ".join(rnd.choices(WORDS, k=3))) for _ in range(queries)]
    it = iter(range(10**9))

    def probe() -> tuple[str, list[float], str]:
        return probes[next(it) % len(probes)]

    out["vector_turn_k10"] = timed(lambda: _vs(store, probe(), "turn"), queries)
    out["vector_fact_k10"] = timed(lambda: _vs(store, probe(), "fact"), queries)
    out["text_turn_k10"] = timed(lambda: _ts(store, probe(), "turn"), queries)
    out["text_fact_k10"] = timed(lambda: _ts(store, probe(), "fact"), queries)
    fact_ids = {u: [f.id for w in data[u] for f in w.facts] for u in users}
    picks = [(rnd.choice(users),) for _ in range(queries)]
    picks2 = [(u, rnd.choice(fact_ids[u])) for (u,) in picks]
    j = iter(range(10**9))
    out["neighbours_fact"] = timed(lambda: store.neighbours(*picks2[next(j) % len(picks2)]), queries)
    k2 = iter(range(10**9))
    out["supersession_chain"] = timed(lambda: store.supersession_chain(*picks2[next(k2) % len(picks2)]), queries)
    k3 = iter(range(10**9))
    out["facts_current_only"] = timed(
        lambda: _current(store, picks[next(k3) % len(picks)][0]), queries)
    return out


def _vs(store: MemoryStore, p: tuple[str, list[float], str], kind: str) -> Any:
    return store.vector_search(p[0], kind, p[1], 10)  # type: ignore[arg-type]


def _ts(store: MemoryStore, p: tuple[str, list[float], str], kind: str) -> Any:
    return store.text_search(p[0], kind, p[2], 10)  # type: ignore[arg-type]


def _current(store: MemoryStore, user: str) -> Any:
    from kgmem.store.base import FactFilter

    return store.facts(user, FactFilter(current_only=True))


def rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def index_recall(store: Any, data: dict[str, list[SessionWrite]], queries: int, seed: int) -> dict[str, Any]:
    """Recall@10 of the shared vector index (k*oversample candidates, then this user's nodes)
    against exact per-user scoring, and the latency of both."""
    rng = np.random.default_rng(seed + 1)
    rnd = random.Random(seed + 1)
    users = list(data)
    result: dict[str, Any] = {}
    for oversample in (10, 100):
        recalls, lat = [], []
        for _ in range(queries):
            u, v = rnd.choice(users), _unit(rng)
            exact = {h.id for h in store.vector_search(u, "turn", v, 10)}
            t = time.perf_counter()
            approx = {h.id for h in store.vector_search_index(u, "turn", v, 10, oversample=oversample)}
            lat.append((time.perf_counter() - t) * 1000)
            recalls.append(len(exact & approx) / max(1, len(exact)))
        result[f"oversample_{oversample}"] = {"recall_at_10": round(statistics.mean(recalls), 3),
                                              "p50_ms": round(pct(lat, 50), 2)}
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=40)
    ap.add_argument("--sessions", type=int, default=10)
    ap.add_argument("--turns", type=int, default=8)
    ap.add_argument("--facts", type=int, default=4)
    ap.add_argument("--queries", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--uri", default=None, help="use a running Neo4j (NEO4J_USER/NEO4J_PASSWORD from env)")
    ap.add_argument("--bolt-port", type=int, default=7990, help="throw-away server's Bolt port")
    ap.add_argument("--http-port", type=int, default=7991, help="throw-away server's HTTP port")
    ap.add_argument("--out", type=Path, default=ROOT / "eval" / "results" / "stores")
    args = ap.parse_args(argv)

    from kgmem.store.networkx_store import NetworkxStore

    data = LazyUsers(args.users, args.sessions, args.turns, args.facts, args.seed)
    with measured() as run:
        report = measure(args, data, NetworkxStore)
    print(write_pair(args.out, {"title": "Store benchmark: networkx vs Neo4j", **run, **report}, render_md))
    return 0


def measure(args: argparse.Namespace, data: Any, nx_class: Any) -> dict[str, Any]:  # long: one run, two stores
    """Run both stores on ``data``; Neo4j's failure to start is reported, not raised."""
    report: dict[str, Any] = {
        "config": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "data": {"users": args.users, "sessions": args.users * args.sessions,
                 "turns": args.users * args.sessions * args.turns,
                 "facts": args.users * args.sessions * args.facts, "embedding_dim": DIM,
                 "note": "synthetic SessionWrites with random 384-d unit vectors (topic-clustered per session)"},
        "stores": {},
    }

    with tempfile.TemporaryDirectory() as tmp:
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        nx_store = nx_class(Path(tmp) / "nx")
        res = run_store(nx_store, data, args.queries, args.seed)
        res["process_max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        res["process_rss_before_mb"] = round(rss0, 1)
        nx_store.close()
        report["stores"]["networkx"] = res
        print("networkx done", file=sys.stderr)

        neo_res: dict[str, Any] = {}
        server_home = None
        try:
            import os

            from kgmem import neo4j_server as ns
            from kgmem.store.neo4j_store import Neo4jStore

            password = os.environ.get("NEO4J_PASSWORD") or None
            user = os.environ.get("NEO4J_USER") or "neo4j"
            if args.uri:
                uri = args.uri
                pid = ns.status().pid
            else:
                if not ns.is_installed(ns.default_home()):
                    raise RuntimeError("Neo4j not installed: run `kgmem neo4j install` (or pass --uri)")
                # a second home sharing the jars, so the dev server (if any) is left alone
                server_home = Path(tmp) / "neo4j-home"
                server_home.mkdir()
                (server_home / "lib").symlink_to(ns.default_home() / "lib")
                password = "bench-password"
                st = ns.start(server_home, data_dir=Path(tmp) / "neo4j-data", bolt_port=args.bolt_port, http_port=args.http_port,
                              password=password)
                uri, pid = str(st.bolt_uri), st.pid
                neo_res["server_start_s"] = st.start_seconds
                neo_res["server_rss_idle_mb"] = rss_mb(pid) if pid else None
            neo = Neo4jStore(uri=uri, user=user, password=password)
            neo_res["server"] = neo.server_version()
            res = run_store(neo, data, args.queries, args.seed)
            neo_res.update(res)
            neo_res["vector_index_vs_exact"] = index_recall(neo, data, min(args.queries, 40), args.seed)
            neo_res["server_rss_after_mb"] = rss_mb(pid) if pid else None
            for u in data:
                neo.delete_user(u)
            neo.close()
        except Exception as exc:  # noqa: BLE001 — the benchmark reports why Neo4j was not measured
            neo_res["error"] = f"{type(exc).__name__}: {exc}"
        finally:
            if server_home is not None:
                from kgmem import neo4j_server as ns

                ns.stop(server_home)
        report["stores"]["neo4j"] = neo_res
        print("neo4j done", file=sys.stderr)

    return report


def render_md(report: dict[str, Any]) -> str:
    d = report["data"]
    lines = [
        "# Store benchmark: networkx (embedded) vs Neo4j 5.26 (server)",
        "",
        *provenance_lines(report, "shared machine: absolute latencies are inflated by other work; compare the "
                                  "two columns, run it again on a quiet machine for absolute numbers"),
        "",
        f"Data: {d['users']} users, {d['sessions']} sessions, {d['turns']} turns, {d['facts']} facts, "
        f"{d['embedding_dim']}-d vectors ({d['note']}). Vector search is exact per user on both stores "
        "(the rows above); the shared index's recall is below.",
        "",
        "| measure | networkx | neo4j |",
        "| --- | --- | --- |",
    ]
    nx, neo = report["stores"]["networkx"], report["stores"].get("neo4j", {})

    def cell(res: dict[str, Any], key: str) -> str:
        v = res.get(key)
        if isinstance(v, dict) and "p50_ms" in v:
            return f"{v['p50_ms']} / {v['p95_ms']} ms"
        return "—" if v is None else str(v)

    lines.append(f"| apply (sessions/s, one transaction each; first {ONE_BY_ONE_USERS} users) | "
                 f"{nx['apply']['sessions_per_s']} | {neo.get('apply', {}).get('sessions_per_s', '—')} |")
    if "apply_batched" in nx:
        lines.append(f"| apply batched (sessions/s; Neo4j {BATCH_SESSIONS} sessions per transaction, "
                     f"networkx one file write per user) | {nx['apply_batched']['sessions_per_s']} | "
                     f"{neo.get('apply_batched', {}).get('sessions_per_s', '—')} |")
    for key, label in [("vector_turn_k10", "vector search turns k=10 (p50 / p95)"),
                       ("vector_fact_k10", "vector search facts k=10"),
                       ("text_turn_k10", "full-text turns k=10"), ("text_fact_k10", "full-text facts k=10"),
                       ("neighbours_fact", "neighbours of a fact"), ("supersession_chain", "supersession chain"),
                       ("facts_current_only", "facts(current_only) of a user")]:
        lines.append(f"| {label} | {cell(nx, key)} | {cell(neo, key)} |")
    lines.append(f"| server start (s) | — | {cell(neo, 'server_start_s')} |")
    lines.append(f"| server RSS idle / after (MB) | — | {cell(neo, 'server_rss_idle_mb')} / {cell(neo, 'server_rss_after_mb')} |")
    lines.append(f"| bench process max RSS (MB, networkx in-process) | {nx.get('process_max_rss_mb')} | — |")
    if "vector_index_vs_exact" in neo:
        lines += ["", "Neo4j's shared vector index (5.26 cannot filter by user inside the search) vs exact "
                  "per-user scoring, recall@10 against exact:", ""]
        for k, v in neo["vector_index_vs_exact"].items():
            lines.append(f"- {k.replace('_', ' ')}: recall@10 {v['recall_at_10']}, p50 {v['p50_ms']} ms")
    if "error" in neo:
        lines += ["", f"Neo4j not measured: {neo['error']}"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
