"""Neo4j ingest at split scale: store throughput by batch size and driver, time to a clear error
for each failure mode, and the end-to-end `kgmem ingest --split … --store neo4j`.

    # store throughput (writes planned beforehand: zero-LLM rules tier, vectors precomputed)
    .venv/bin/python eval/bench_neo4j_ingest.py throughput --split synthetic-s --haystacks 20 \
        --batches 1,50,200,400 --drivers python,rust
    # seconds from a failure to the one-line error (private servers on ports 7900-7999)
    .venv/bin/python eval/bench_neo4j_ingest.py failures
    # the whole split through the CLI, timed, with peak RSS of both processes
    .venv/bin/python eval/bench_neo4j_ingest.py e2e --split synthetic-s

Each subcommand updates its section of eval/results/neo4j_ingest.json and re-renders
neo4j_ingest.md. The server is the one named by NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD (the
throughput and e2e runs use their own user-id prefix and delete what they wrote). The machine is
shared: load averages are recorded before and after each run.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import PERCENTILES, git_sha, machine, percentile  # noqa: E402

RESULTS = ROOT / "eval" / "results" / "neo4j_ingest"


def _load() -> float:
    return round(os.getloadavg()[0], 2)



def _neo4j_env() -> tuple[str, str, str | None]:
    return (os.environ.get("NEO4J_URI") or "bolt://127.0.0.1:7687", os.environ.get("NEO4J_USER") or "neo4j",
            os.environ.get("NEO4J_PASSWORD") or None)


def _server_pid(uri: str) -> int | None:
    """The pid of the Java process listening on the URI's port (for its RSS)."""
    port = uri.rsplit(":", 1)[-1]
    try:
        out = subprocess.run(["ss", "-ltnpH", f"sport = :{port}"], capture_output=True, text=True).stdout
    except OSError:
        return None
    for part in out.split("pid=")[1:]:
        return int(part.split(",")[0])
    return None


def _rss_mb(pid: int | None, field: str = "VmRSS") -> float | None:
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


def _save(section: str, data: dict[str, Any]) -> None:
    path = RESULTS.with_suffix(".json")
    report = json.loads(path.read_text()) if path.is_file() else {}
    if os.environ.get("KGMEM_BENCH_NOTE"):
        data = {**data, "run_note": os.environ["KGMEM_BENCH_NOTE"]}
    report[section] = {**data, "git_sha": git_sha(), "machine": machine(), "python": platform.python_version(),
                       "saved": datetime.now(UTC).isoformat(timespec="seconds")}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    RESULTS.with_suffix(".md").write_text(render_md(report))


# --------------------------------------------------------------------------- throughput


class HashEmbedder:
    """Deterministic 384-d unit vectors (the store's cost does not depend on their values)."""

    name = "hash-384"
    dim = 384

    def embed(self, texts: Any) -> Any:
        import hashlib

        import numpy as np

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            seed = int.from_bytes(hashlib.sha256(t.encode()).digest()[:8], "little")
            v = np.random.default_rng(seed).standard_normal(self.dim)
            out[i] = v / np.linalg.norm(v)
        return out


def prepare_writes(split: str, n: int, out: Path) -> dict[str, Any]:
    """Plan the first ``n`` haystacks' SessionWrites (rules tier, extraction cache, hashed vectors)
    against an empty embedded store, and pickle them: the throughput runs only write."""
    from kgmem.datasets.longmemeval import iter_haystacks, strip_labels
    from kgmem.datasets.registry import resolve_split
    from kgmem.extraction.cache import CACHE_FILENAME, ExtractionCache
    from kgmem.extraction.zero import RuleExtractor
    from kgmem.memory.ingest import EmbedPolicy, plan_haystack
    from kgmem.settings import Settings
    from kgmem.store.networkx_store import NetworkxStore

    settings = Settings.load()
    info = resolve_split(split, settings)
    cache = ExtractionCache(settings.cache_dir / CACHE_FILENAME)
    extractor, embedder = RuleExtractor(), HashEmbedder()
    t0 = time.perf_counter()
    writes = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = NetworkxStore(Path(tmp) / "nx")
        for i, h in enumerate(iter_haystacks(info.files[0], info.tag)):
            if i >= n:
                break
            planned = plan_haystack(empty, strip_labels(h), extractor=extractor, embedder=embedder, cache=cache,
                                    policy=EmbedPolicy())
            writes.append([pw.write for _, pw in planned.writes])
    out.write_bytes(pickle.dumps(writes))
    sessions = sum(len(w) for w in writes)
    return {"haystacks": len(writes), "sessions": sessions,
            "turns": sum(len(x.session.turns) for w in writes for x in w),
            "facts": sum(len(x.facts) for w in writes for x in w),
            "vectors": sum(len(x.turn_embeddings) + len(x.fact_embeddings) for w in writes for x in w),
            "plan_seconds": round(time.perf_counter() - t0, 1)}


def measure_child(writes_file: Path, batch: int) -> dict[str, Any]:
    """(In a child process) write the pickled haystacks under fresh user ids with
    ``batch`` sessions per transaction; returns sessions/s. Users are deleted afterwards."""
    from kgmem.store.neo4j_store import Neo4jStore

    uri, user, password = _neo4j_env()
    store = Neo4jStore(uri=uri, user=user, password=password)
    tag = f"bench{uuid.uuid4().hex[:8]}"
    haystacks = pickle.loads(writes_file.read_bytes())
    writes = []
    for hay in haystacks:
        for w in hay:
            uid = f"{tag}:{w.user_id}"
            writes.append(_rename(w, uid))
    # warm-up (query plans, JIT): one haystack under another prefix, untimed
    warm = [_rename(w, f"{tag}w:{w.user_id}") for w in haystacks[0]]
    for i in range(0, len(warm), batch):
        store.apply_many(warm[i:i + batch])
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    for i in range(0, len(writes), batch):
        store.apply_many(writes[i:i + batch])
    secs = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    for uid in sorted({w.user_id for w in writes + warm}):
        store.delete_user(uid)
    store.close()
    from neo4j._codec.packstream import _common

    return {"batch": batch, "sessions": len(writes), "seconds": round(secs, 2),
            "sessions_per_s": round(len(writes) / secs, 1), "client_cpu_s": round(cpu, 2),
            "rust_ext": getattr(_common, "RUST_AVAILABLE", None)}


def _rename(write: Any, uid: str) -> Any:
    """The same write under another user id (ids of nodes are kept; they are per user)."""
    sess = write.session.model_copy(update={"user_id": uid})
    return write.model_copy(update={
        "user_id": uid, "session": sess,
        "entities": [e.model_copy(update={"user_id": uid}) for e in write.entities],
        "facts": [f.model_copy(update={"user_id": uid}) for f in write.facts],
        "supersessions": [s.model_copy(update={"user_id": uid}) for s in write.supersessions],
        "retracted_supersessions": [s.model_copy(update={"user_id": uid}) for s in write.retracted_supersessions],
    })


def rust_python(venv: Path) -> Path:
    """A venv whose own site-packages hold neo4j + neo4j-rust-ext (same version as ours) and
    that falls back to our .venv for everything else (a .pth file)."""
    import importlib.metadata as md
    import site

    py = venv / "bin" / "python"
    if not py.exists():
        subprocess.run(["uv", "venv", "-q", "--python", sys.executable, str(venv)], check=True)
        version = md.version("neo4j")
        subprocess.run(["uv", "pip", "install", "-q", "--python", str(py), f"neo4j=={version}",
                        f"neo4j-rust-ext=={version}.0"], check=True)
        target = subprocess.run([str(py), "-c", "import site; print(site.getsitepackages()[0])"],
                                capture_output=True, text=True, check=True).stdout.strip()
        Path(target, "kgmem-base.pth").write_text(site.getsitepackages()[0] + "\n")
    return py


def cmd_throughput(args: argparse.Namespace) -> None:
    load0 = _load()
    with tempfile.TemporaryDirectory() as tmp:
        wfile = Path(tmp) / "writes.pkl"
        data = prepare_writes(args.split, args.haystacks, wfile)
        print(f"planned {data}", file=sys.stderr)
        runs = []
        for driver in args.drivers.split(","):
            py = Path(sys.executable) if driver == "python" else rust_python(Path(args.rust_venv))
            for batch in [int(b) for b in args.batches.split(",")]:
                proc = subprocess.run([str(py), __file__, "_child", str(wfile), str(batch)],
                                      capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
                if proc.returncode != 0:
                    raise SystemExit(f"child failed ({driver}, batch {batch}):\n{proc.stderr[-3000:]}")
                res = {"driver": driver, **json.loads(proc.stdout.strip().splitlines()[-1])}
                print(res, file=sys.stderr)
                runs.append(res)
    uri = _neo4j_env()[0]
    _save("throughput", {"command": " ".join(["eval/bench_neo4j_ingest.py", *sys.argv[1:]]), "split": args.split,
                         "data": data, "runs": runs, "server_rss_mb": _rss_mb(_server_pid(uri)),
                         "loadavg_before": load0, "loadavg_after": _load()})


def _ran(section: dict[str, Any], after: str = "loadavg_after") -> str:
    """How a section was produced: its command, git sha and load average before → after."""
    return (f"`{section['command']}` at git {section['git_sha']}, load average {section['loadavg_before']} → "
            f"{section[after]}")


def _render_stopped(e2e: dict[str, Any]) -> list[str]:
    """A run stopped before its end (no summary from kgmem): what was seen when it was stopped."""
    return [f"## End to end: `kgmem ingest --store neo4j`, {e2e['workers']} process(es) (STOPPED: sessions stored for "
            f"{e2e['haystacks_done']} of {e2e['haystacks_total']} haystacks, git {e2e['git_sha']})", "",
            _ran(e2e, "loadavg_at_stop") + f" (peak seen: {e2e['loadavg_peak']}).", "",
            f"- stopped after {e2e['wall_s']} s ({round(e2e['wall_s'] / 60, 1)} min): {e2e['haystacks_done']} "
            f"haystacks with stored sessions, {e2e['sessions_stored']} sessions stored ({e2e['sessions_per_s']} sessions/s), "
            f"exit code {e2e['exit_code']}; why: {e2e['why']}",
            f"- RSS seen, ours: {e2e['kgmem_tree_rss_seen_mb']} MB for the kgmem process tree; workers' VmHWM "
            f"{e2e['worker_hwm_mb']} MB; Neo4j server VmHWM {e2e['server_peak_rss_mb']} MB",
            f"- caches before the run (rows; 0 = cold): {e2e['cache_rows_before']}", ""]


def _render_e2e(e2e: dict[str, Any]) -> list[str]:
    if e2e.get("stopped"):
        return _render_stopped(e2e)
    sm = e2e["summary"]
    whole = "--limit" not in e2e["command"]
    title = ("the whole split" if whole else "a --limit slice, NOT the whole split")
    if sm.get("sessions_skipped"):
        title += f", resumed: {sm['sessions_skipped']} sessions were already stored"
    lines = [f"## End to end: `kgmem ingest --store neo4j`, {e2e.get('workers', 1)} process(es) ({title}, "
             f"git {e2e['git_sha']})", "",
             _ran(e2e) + (f" (peak seen during the run: {e2e['loadavg_peak']})"
                                          if e2e.get("loadavg_peak") is not None else "") + ".", "",
             f"- haystacks {sm.get('haystacks')}, sessions written {sm.get('sessions_written')} (already stored "
             f"{sm.get('sessions_skipped')}, failed {sm.get('sessions_failed')}), turns {sm.get('turns')}, "
             f"facts {sm.get('facts_added')}, supersessions {sm.get('supersessions')}, exit code {e2e['exit_code']}",
             f"- wall {e2e['wall_s']} s ({round(e2e['wall_s'] / 60, 1)} min; {e2e['sessions_per_s']} sessions/s end to "
             f"end); extraction {round(sm.get('seconds_extract', 0), 1)} s, embedding "
             f"{round(sm.get('seconds_embed', 0), 1)} s, store {round(sm.get('seconds_store', 0), 1)} s (planner and "
             "writer overlap, and workers run side by side, so these add up to more than the wall time)"]
    if "kgmem_tree_peak_rss_mb" in e2e:
        lines.append(f"- peak RSS, ours: {e2e['kgmem_tree_peak_rss_mb']} MB for the kgmem process tree (sampled "
                     f"twice a second, workers summed), {e2e['kgmem_peak_rss_mb']} MB the largest single process "
                     "(getrusage)")
        lines.append(f"- peak RSS, Neo4j server: {e2e['server_peak_rss_sampled_mb']} MB sampled during the run, "
                     f"{e2e['server_peak_rss_mb']} MB VmHWM since the server started (heap {e2e.get('server_heap')}, "
                     f"page cache {e2e.get('server_pagecache')})")
    else:
        lines.append(f"- peak RSS: kgmem {e2e['kgmem_peak_rss_mb']} MB, Neo4j server {e2e['server_peak_rss_mb']} MB "
                     f"(VmHWM; heap {e2e.get('server_heap')}, page cache {e2e.get('server_pagecache')})")
    if "cache_rows_before" in e2e:
        lines.append(f"- caches before the run (rows; 0 = cold): {e2e['cache_rows_before']}")
    return [*lines, ""]


def render_md(report: dict[str, Any]) -> str:
    lines = ["# Neo4j ingest at split scale", "",
             "Produced by `eval/bench_neo4j_ingest.py` (subcommands below). The machine is shared "
             "with other engineers' jobs (2 CPUs): the load average before and after each run is "
             "given; figures under load are what we saw, not idle-machine figures.", ""]
    tp = report.get("throughput")
    if tp:
        d = tp["data"]
        lines += ["## Store throughput (writes only)", "",
                  _ran(tp) + ". Data:"
                  f" the first {d['haystacks']} haystacks of {tp['split']} planned "
                  f"beforehand with the zero-LLM rules tier and precomputed 384-d vectors: {d['sessions']} "
                  f"sessions, {d['turns']} turns, {d['facts']} facts, {d['vectors']} vectors. Each run writes "
                  "them all under fresh user ids, `batch` sessions per transaction (after an untimed "
                  "warm-up haystack); client CPU is the writer process's.", "",
                  "| driver | sessions / transaction | sessions/s | seconds | client CPU s |",
                  "| --- | --- | --- | --- | --- |"]
        for r in tp["runs"]:
            lines.append(f"| {r['driver']} | {r['batch']} | {r['sessions_per_s']} | {r['seconds']} | {r['client_cpu_s']} |")
        lines.append("")
    for key in sorted(k for k in report if k.startswith("failures")):
        fl = report[key]
        lines += ["## Time to a clear error" + (f" ({key.split('_', 1)[1]})" if "_" in key else ""), "",
                  _ran(fl) + ".", "",
                  f"{fl['note']}.", "",
                  "| failure | bound | seconds to the error line | seconds to exit | in-process connect s | exit code | message |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for name, r in fl["modes"].items():
            lines.append(f"| {name} | {r['bound_s']} s | {r.get('seconds_to_error_line')} | {r['seconds']} | "
                         f"{r.get('in_process_connect_s', '—')} | {r['exit_code']} | {r['message'][:160]} |")
        lines.append("")
    par = report.get("parity")
    if par:
        t = par["totals"]
        lines += ["## Parity: the same graph in both stores", "",
                  _ran(par) + ": the first"
                  f" {par['haystacks']} haystacks of {par['split']} ingested into "
                  f"networkx and Neo4j (rules tier, no vectors) give **{'identical' if par['equal'] else 'DIFFERENT'}** "
                  f"graphs id for id: {t['facts']} facts (all fields), {t['supersessions']} SUPERSEDES pairs, "
                  f"{t['entities']} entities, {t['sessions']} sessions"
                  + (f"; mismatches: {par['mismatches'][:5]}" if par["mismatches"] else "") + ". "
                  f"Ingest seconds (extraction cached for the second store): {par['ingest_seconds']}.", ""]
    ev = report.get("eval")
    if ev:
        nx, neo = ev["runs"]["networkx"], ev["runs"]["neo4j"]
        lines += ["## The eval on Neo4j: same retrieval metrics as networkx", "",
                  _ran(ev) + ": `kgmem eval"
                  f" --split {ev['split']} --per-type {ev['per_type']} "
                  f"--retrieval-only` on each store ({nx['questions']} questions; failed: networkx {nx['failed']}, "
                  f"neo4j {neo['failed']}). Retrieval metrics **{'equal' if ev['metrics_equal'] else 'DIFFERENT'}**.", "",
                  "| measure | networkx | neo4j |", "| --- | --- | --- |"]
        for level in ("session", "turn"):
            a, b = nx["retrieval"].get(level) or {}, neo["retrieval"].get(level) or {}
            for key in ("recall_any@5", "recall_all@10", "ndcg@10"):
                if key in a:
                    lines.append(f"| {level} {key} | {a[key]:.4f} | {b.get(key, float('nan')):.4f} |")
        lines += [f"| retrieval latency p50 / p95 (ms) | {nx['latency_ms']['p50']} / {nx['latency_ms']['p95']} | "
                  f"{neo['latency_ms']['p50']} / {neo['latency_ms']['p95']} |",
                  f"| eval wall time (s, ingest included) | {nx['wall_s']} | {neo['wall_s']} |", ""]
    for key in sorted(k for k in report if k.startswith("e2e")):
        lines += _render_e2e(report[key])
    notes = [f"- {name}: {sec['run_note']}" for name, sec in report.items() if isinstance(sec, dict) and sec.get("run_note")]
    if notes:
        lines += ["## How these runs were made", "", *notes, ""]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_child":
        print(json.dumps(measure_child(Path(argv[1]), int(argv[2]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("throughput")
    t.add_argument("--split", default="synthetic-s")
    t.add_argument("--haystacks", type=int, default=20)
    t.add_argument("--batches", default="1,50,200,400")
    t.add_argument("--drivers", default="python,rust")
    t.add_argument("--rust-venv", default=str(Path(tempfile.gettempdir()) / "kgmem-neo4j-rust-venv"))
    f = sub.add_parser("failures")
    f.add_argument("--home", type=Path, default=None, help="a Neo4j home (default: kgmem neo4j's)")
    f.add_argument("--section", default="failures", help="result section (e.g. failures_loaded for a "
                   "second run under another load)")
    p = sub.add_parser("parity")
    p.add_argument("--split", default="synthetic-s")
    p.add_argument("--haystacks", type=int, default=50)
    v = sub.add_parser("eval")
    v.add_argument("--split", default="synthetic-s")
    v.add_argument("--per-type", type=int, default=10)
    v.add_argument("--run-root", default=str(Path(tempfile.gettempdir()) / "kgmem-neo4j-eval"))
    e = sub.add_parser("e2e")
    e.add_argument("--split", default="synthetic-s")
    e.add_argument("--limit", type=int, default=None)
    e.add_argument("--workers", type=int, default=1)
    e.add_argument("--section", default=None, help="result section (default e2e, or e2e_workersN)")
    args = ap.parse_args(argv)
    if args.cmd == "throughput":
        cmd_throughput(args)
    elif args.cmd == "failures":
        _save(args.section, cmd_failures(args))
    elif args.cmd == "parity":
        _save("parity", cmd_parity(args))
    elif args.cmd == "eval":
        _save("eval", cmd_eval(args))
    else:
        cmd_e2e(args)
    print(RESULTS.with_suffix(".md").read_text())
    return 0


def cmd_failures(args: argparse.Namespace) -> dict[str, Any]:
    """Seconds from each failure to the CLI's exit, with its exit code and error line (the same
    scenarios as tests/store/test_neo4j_failures.py; mid-run ones through a TCP relay that dies
    or freezes once a write transaction is in flight)."""
    sys.path.insert(0, str(ROOT / "tests" / "store"))
    import neo4j_failures as nf  # type: ignore[import-not-found]

    uri, user, password = _neo4j_env()
    host, port = uri.split("//", 1)[1].rsplit(":", 1)
    auth = {"NEO4J_USER": user, **({"NEO4J_PASSWORD": password} if password else {})}
    load0 = _load()
    modes: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        ds = nf.sample_copy(work)
        home = work / "home"
        modes["down (nothing listens)"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x" * 8})}
        sock, silent = nf.silent_port()
        modes["unreachable (port never answers)"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": f"bolt://127.0.0.1:{silent}", "NEO4J_PASSWORD": "x" * 8})}
        sock.close()
        modes["wrong password"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": uri, **auth, "NEO4J_PASSWORD": (password or "") + "-wrong"})}
        modes["wrong database"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": uri, **auth, "NEO4J_DATABASE": "nosuchdb"})}
        # the same through `kgmem eval --store neo4j` (it checks the server before loading models)
        modes["down, kgmem eval"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x" * 8}, command="eval")}
        modes["wrong password, kgmem eval"] = {"bound_s": 5, **nf.start_failure(
            ds, home, {"NEO4J_URI": uri, **auth, "NEO4J_PASSWORD": (password or "") + "-wrong"}, command="eval")}
        # the same four in-process: connecting only (what the store adds to the CLI's start-up)
        from kgmem.store.base import StoreError
        from kgmem.store.neo4j_store import Neo4jStore

        sock, silent = nf.silent_port()
        for label, kwargs in (("down (nothing listens)", {"uri": "bolt://127.0.0.1:1", "password": "x" * 8}),
                              ("unreachable (port never answers)", {"uri": f"bolt://127.0.0.1:{silent}",
                                                                    "password": "x" * 8}),
                              ("wrong password", {"uri": uri, "user": user, "password": (password or "") + "-wrong"}),
                              ("wrong database", {"uri": uri, "user": user, "password": password,
                                                  "database": "nosuchdb"})):
            t0 = time.perf_counter()
            try:
                Neo4jStore(**kwargs).close()  # type: ignore[arg-type]
            except StoreError:
                pass
            modes[label]["in_process_connect_s"] = round(time.perf_counter() - t0, 2)
        sock.close()
        for mode, label, bound in (("die", "dies mid-transaction", 5), ("hang", "hangs mid-transaction", 10)):
            modes[label] = {"bound_s": bound, **nf.mid_run_failure(ds, home, (host, int(port)), mode, auth)}
    for r in modes.values():
        for key in ("stdout", "ended", "error_at", "error_lines"):
            r.pop(key, None)
    return {"command": " ".join(["eval/bench_neo4j_ingest.py", *sys.argv[1:]]),
            "note": "seconds: from the start of `kgmem ingest` / `kgmem eval` (a child process: Python "
                    "start-up, settings, connect) for the failures at start; from the moment the relay "
                    "failed for the mid-run ones (a server that hangs is detected by the driver after "
                    "the server's 6 s keep-alive hint)",
            "modes": modes, "loadavg_before": load0, "loadavg_after": _load()}


def cmd_parity(args: argparse.Namespace) -> dict[str, Any]:
    """The first N haystacks of a split ingested into both stores (same rules extractor, no
    vectors: they are not compared) must give the same facts, SUPERSEDES pairs and entity ids."""
    from kgmem.datasets.longmemeval import iter_haystacks, strip_labels
    from kgmem.datasets.registry import resolve_split
    from kgmem.extraction.cache import CACHE_FILENAME, ExtractionCache
    from kgmem.extraction.zero import RuleExtractor
    from kgmem.memory.ingest import ingest_haystacks
    from kgmem.settings import Settings
    from kgmem.store.neo4j_store import Neo4jStore
    from kgmem.store.networkx_store import NetworkxStore

    settings = Settings.load()
    info = resolve_split(args.split, settings)
    tag = f"parity{uuid.uuid4().hex[:8]}"  # a shared server: never touch real namespaces
    haystacks = []
    for h in iter_haystacks(info.files[0], tag):
        if len(haystacks) >= args.haystacks:
            break
        haystacks.append(strip_labels(h))
    users = [h.user_id for h in haystacks]
    cache = ExtractionCache(settings.cache_dir / CACHE_FILENAME)
    extractor = RuleExtractor()
    load0 = _load()
    uri, user, password = _neo4j_env()
    neo = Neo4jStore(uri=uri, user=user, password=password)
    timings: dict[str, float] = {}
    mismatches: list[str] = []
    totals = {"facts": 0, "supersessions": 0, "entities": 0, "sessions": 0}
    with tempfile.TemporaryDirectory() as tmp:
        nx = NetworkxStore(Path(tmp) / "nx")
        try:
            for name, store in (("networkx", nx), ("neo4j", neo)):
                t0 = time.perf_counter()
                ingest_haystacks(store, haystacks, extractor=extractor, embedder=None, cache=cache)
                timings[name] = round(time.perf_counter() - t0, 1)
            for u in users:
                a, b = _parity_graph(nx, u), _parity_graph(neo, u)
                for key in a:
                    if a[key] != b[key]:
                        mismatches.append(f"{u}.{key}: networkx {len(a[key])}, neo4j {len(b[key])}")
                for key in totals:
                    totals[key] += len(a[key])
        finally:
            for u in users:
                neo.delete_user(u)
            neo.close()
            nx.close()
    return {"command": " ".join(["eval/bench_neo4j_ingest.py", *sys.argv[1:]]), "split": args.split,
            "haystacks": len(haystacks), "totals": totals, "mismatches": mismatches, "equal": not mismatches,
            "ingest_seconds": timings, "loadavg_before": load0, "loadavg_after": _load()}


def _parity_graph(store: Any, user_id: str) -> dict[str, Any]:
    facts = sorted((f.id, f.subject_id, f.predicate, f.object_id, f.value, str(f.valid_from), str(f.valid_to),
                    str(f.observed_at), str(f.invalid_at), f.session_id, tuple(sorted(f.source_turn_ids)))
                   for f in store.facts(user_id))
    return {"facts": facts,
            "supersessions": sorted((s.new_fact_id, s.old_fact_id, str(s.at)) for s in store.supersessions(user_id)),
            "entities": sorted((e.id, e.name) for e in store.entities(user_id)),
            "sessions": [s.id for s in store.sessions(user_id)]}


def cmd_eval(args: argparse.Namespace) -> dict[str, Any]:
    """`kgmem eval --retrieval-only` on both stores (same selection): the retrieval metrics must
    be equal, and retrieval latency p50/p95 is reported side by side."""

    load0 = _load()
    runs: dict[str, Any] = {}
    base = Path(args.run_root)
    for store in ("networkx", "neo4j"):
        run_dir = base / f"retrieval-{store}"
        cmd = [str(ROOT / ".venv" / "bin" / "kgmem"), "eval", "--split", args.split, "--per-type", str(args.per_type),
               "--retrieval-only", "--store", store, "--run-dir", str(run_dir), "--json"]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall = time.perf_counter() - t0
        if proc.returncode != 0:
            raise SystemExit(f"{store} eval failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
        summary = json.loads((run_dir / "summary.json").read_text())
        lat = [float((json.loads(line).get("latency_ms") or {}).get("total", 0.0))
               for line in (run_dir / "predictions.jsonl").read_text().splitlines() if line.strip()]
        runs[store] = {"command": " ".join(["kgmem", *cmd[1:]]), "wall_s": round(wall, 1),
                       "questions": summary["questions"], "failed": summary["failed"],
                       "retrieval": summary["retrieval"],
                       "latency_ms": {"p50": round(percentile(lat, 0.5) or 0.0, 1),
                                      "p95": round(percentile(lat, 0.95) or 0.0, 1), "percentiles": PERCENTILES}}
    equal = runs["networkx"]["retrieval"] == runs["neo4j"]["retrieval"]
    return {"command": " ".join(["eval/bench_neo4j_ingest.py", *sys.argv[1:]]), "split": args.split,
            "per_type": args.per_type, "runs": runs, "metrics_equal": equal,
            "loadavg_before": load0, "loadavg_after": _load()}


def _stored() -> tuple[int, int]:
    """(users, sessions) in the Neo4j database now (a stopped run is measured by the difference)."""
    from neo4j import GraphDatabase

    uri, user, password = _neo4j_env()
    with GraphDatabase.driver(uri, auth=(user, password or "")) as driver:
        rec = driver.execute_query("MATCH (s:Session) RETURN count(DISTINCT s.user_id) AS u, count(s) AS n").records[0]
    return int(rec["u"]), int(rec["n"])


def _tree_rss_mb(root: int) -> float:
    """Summed VmRSS of ``root`` and all its descendants (worker processes included)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += _rss_mb(pid) or 0.0
        todo += children.get(pid, [])
    return round(total, 1)


def _cache_rows(home: Path) -> dict[str, int | None]:
    """Rows in the extraction and embedding caches of KGMEM_HOME (0 = a cold start)."""
    import sqlite3

    rows: dict[str, int | None] = {}
    for name, table in (("extraction.sqlite", "extraction"), ("embeddings.sqlite", None)):
        path = home / "cache" / name
        if not path.is_file():
            rows[name] = 0
            continue
        try:
            with sqlite3.connect(path) as conn:
                tbl = table or conn.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchone()[0]
                rows[name] = int(conn.execute(f"SELECT COUNT(*) FROM {tbl}").fetchone()[0])
        except (sqlite3.Error, TypeError):
            rows[name] = None
    return rows


def cmd_e2e(args: argparse.Namespace) -> None:
    """`kgmem ingest --split … --store neo4j [--workers N]` in a child process: wall time, peak
    RSS of our process tree (sampled twice a second, workers summed) and of the largest single
    process (getrusage), the server's RSS (sampled peak during the run, and VmHWM since the
    server started), the peak load average seen, the caches' state before, the ingest summary."""
    import resource
    import threading

    from kgmem.settings import Settings

    uri = _neo4j_env()[0]
    pid = _server_pid(uri)
    home = Settings.load().home
    caches = _cache_rows(home)
    load0 = _load()
    cmd = [str(ROOT / ".venv" / "bin" / "kgmem"), "ingest", "--split", args.split, "--store", "neo4j", "--json"]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    if args.workers > 1:
        cmd += ["--workers", str(args.workers)]
    peaks = {"tree": 0.0, "server": 0.0, "load": load0}
    stored0 = _stored()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.5):
            peaks["tree"] = max(peaks["tree"], _tree_rss_mb(proc.pid))
            peaks["server"] = max(peaks["server"], _rss_mb(pid) or 0.0)
            peaks["load"] = max(peaks["load"], _load())

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode in (130, -2, -15, 143):  # stopped (Ctrl-C / kill): record what was stored by then
        _save(f"{args.section or ('e2e' if args.workers == 1 else f'e2e_workers{args.workers}')}_stopped", {
            "stopped": True, "command": " ".join(["kgmem", *cmd[1:]]), "workers": args.workers,
            "haystacks_done": _stored()[0] - stored0[0], "haystacks_total": args.limit or "all",
            "sessions_stored": _stored()[1] - stored0[1], "wall_s": round(wall, 1),
            "sessions_per_s": round((_stored()[1] - stored0[1]) / wall, 1), "exit_code": proc.returncode,
            "why": os.environ.get("KGMEM_BENCH_NOTE", "stopped by a signal"),
            "kgmem_tree_rss_seen_mb": peaks["tree"], "worker_hwm_mb": "—",
            "server_peak_rss_mb": _rss_mb(pid, "VmHWM"), "cache_rows_before": caches,
            "loadavg_before": load0, "loadavg_at_stop": _load(), "loadavg_peak": peaks["load"]})
        return
    if proc.returncode not in (0, 1):
        raise SystemExit(f"kgmem ingest failed ({proc.returncode}):\n{err[-3000:]}")
    summary = json.loads(out)
    state: dict[str, Any] = {}
    try:  # the server's memory settings, from the conf `kgmem neo4j start` wrote
        from kgmem import neo4j_server as ns

        for line in (ns.default_home() / "conf" / "neo4j.conf").read_text().splitlines():
            if line.startswith("server.memory.heap.max_size="):
                state["heap"] = line.split("=", 1)[1]
            elif line.startswith("server.memory.pagecache.size="):
                state["pagecache"] = line.split("=", 1)[1]
    except OSError:
        pass
    default = "e2e" if args.workers == 1 else f"e2e_workers{args.workers}"
    _save(args.section or default, {
        "command": " ".join(["kgmem", *cmd[1:]]), "workers": args.workers, "wall_s": round(wall, 1),
        "sessions_per_s": round(summary.get("sessions_written", 0) / wall, 1), "exit_code": proc.returncode,
        "summary": {k: v for k, v in summary.items() if k != "failures"}, "failures": summary.get("failures", [])[:5],
        "kgmem_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "kgmem_tree_peak_rss_mb": peaks["tree"], "server_peak_rss_sampled_mb": peaks["server"],
        "server_peak_rss_mb": _rss_mb(pid, "VmHWM"), "server_rss_after_mb": _rss_mb(pid),
        "server_heap": state.get("heap"), "server_pagecache": state.get("pagecache"),
        "cache_rows_before": caches, "loadavg_before": load0, "loadavg_after": _load(),
        "loadavg_peak": peaks["load"],
    })


if __name__ == "__main__":
    raise SystemExit(main())
