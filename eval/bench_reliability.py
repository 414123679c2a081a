"""Reliability and security bench: crash points, bad inputs, isolation, dependency faults, load.

Runs the heavy variants of ``tests/reliability`` on both stores and writes
``eval/results/reliability.{json,md}``. Neo4j: a private throw-away server (own home, data dir
and ports, so the shared one is never stopped) is started for the run when the Neo4j jars are
installed (``kgmem neo4j install``); it is needed for the kill-and-restart scenario. Without
jars the bench uses ``NEO4J_URI``/``NEO4J_USER``/``NEO4J_PASSWORD`` for the non-destructive parts,
and records why Neo4j parts were skipped when no server answers.

    .venv/bin/python eval/bench_reliability.py [--quick] [--neo4j-home DIR --neo4j-data DIR]
    kgmem bench reliability
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")

from reliability import badinput, faults, scenarios  # noqa: E402
from reliability.harness import neo4j_unreachable, open_backend  # noqa: E402

from eval._report import PERCENTILES, command_line, git_sha, loadavg  # noqa: E402

RESULTS = ROOT / "eval" / "results"
PASSWORD = "kgmem-reliability-pw"


def _section(results: dict[str, Any], name: str, fn: Callable[[], Any]) -> None:
    t0 = time.perf_counter()
    print(f"== {name}", file=sys.stderr, flush=True)
    try:
        results[name] = fn()
    except Exception as exc:  # noqa: BLE001 - recorded in the report and fails the exit code
        results[name] = {"error": f"{type(exc).__name__}: {exc}", "traceback": traceback.format_exc()[-2000:]}
    results.setdefault("_seconds", {})[name] = round(time.perf_counter() - t0, 1)
    print(f"   {name}: {results['_seconds'][name]}s", file=sys.stderr, flush=True)


def _private_neo4j(home: Path | None, data: Path | None, bolt: int, http: int,
                   password: str) -> dict[str, Any] | None:
    """Start (or reuse) a private server; returns its connection facts, or None without jars."""
    from kgmem import neo4j_server
    from kgmem.neo4j_homes import link_home

    shared = neo4j_server.default_home()
    home = home or Path(tempfile.mkdtemp(prefix="kgmem-rel-neo4j-")) / "home"
    if not neo4j_server.is_installed(home):
        if not neo4j_server.is_installed(shared):
            return None
        link_home(home, shared)
    data = data or home.parent / "data"
    st = neo4j_server.status(home)
    started = False
    if not st.running:
        neo4j_server.start(home, data_dir=data, bolt_port=bolt, http_port=http, password=password,
                           heap="384m", pagecache="128m")
        started = True
    return {"home": home, "data": data, "bolt": bolt, "http": http, "started": started,
            "uri": f"bolt://127.0.0.1:{bolt}"}


def _parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true", help="fewer points and queries (a smoke run)")
    p.add_argument("--neo4j-home", type=Path, help="home of a private Neo4j server (reused if running)")
    p.add_argument("--neo4j-data", type=Path, help="its data directory")
    p.add_argument("--bolt-port", type=int, default=7697)
    p.add_argument("--http-port", type=int, default=7484)
    p.add_argument("--password", default=PASSWORD)
    p.add_argument("--keep-server", action="store_true", help="leave the private server running")
    p.add_argument("--only", nargs="*", help="run only these sections")
    p.add_argument("--merge", action="store_true",
                   help="with --only: update those sections of the existing reliability.json")
    p.add_argument("--render", action="store_true", help="only re-render reliability.md from reliability.json")
    return p.parse_args()


def _merge_into_last_run(results: dict[str, Any]) -> dict[str, Any]:
    """Rerun a few sections (e.g. after a fix) and keep the rest of the last full run."""
    merged: dict[str, Any] = json.loads((RESULTS / "reliability.json").read_text(encoding="utf-8"))
    provenance = ("command", "git_sha", "loadavg_before", "percentiles")
    fresh = {k: v for k, v in results.items()
             if k not in ("started", "machine", "quick", "neo4j", "_seconds", *provenance)}
    merged.update(fresh)
    merged.setdefault("_seconds", {}).update(results.get("_seconds", {}))
    merged.setdefault("reruns", []).append({"at": datetime.now().isoformat(timespec="seconds"),
                                            "sections": sorted(results.get("_seconds", {})),
                                            **{k: results[k] for k in provenance}, "loadavg_after": loadavg()})
    return merged


def _bad_input(b: str, work: Path) -> Any:
    (work / f"bad-{b}").mkdir(parents=True, exist_ok=True)
    st = open_backend(b, work / f"bad-{b}" / "nx")
    try:
        return badinput.run_all(st, work / f"bad-{b}", scenarios.new_prefix(f"bad-{b}"))
    finally:
        st.close()


def _isolation(b: str, work: Path, quick: bool) -> Any:
    st = open_backend(b, work / f"iso-{b}")
    users = [f"{scenarios.new_prefix('iso')}:u{i}" for i in range(6 if quick else 12)]
    scenarios.ingest_users(st, users, sessions=4)
    try:
        return scenarios.isolation_scenario(st, users, n_queries=200 if quick else 1000, seed=11)
    finally:
        for u in users:
            st.delete_user(u)
        st.close()


def _load(b: str, work: Path, quick: bool) -> Any:
    def make(name: str) -> Any:
        return open_backend(b, work / f"load-{b}" / name)

    def cleanup(st: Any, users: list[str]) -> None:
        if b == "neo4j":
            for u in users:
                st.delete_user(u)

    return scenarios.load_scenario(
        make, cleanup, backend=b, n_users=8 if quick else 16, sessions=3, threads=4, query_threads=4,
        queries_per_thread=50 if quick else 150, processes=2 if quick else 4,
        process_root=(lambda n: work / f"load-{b}" / n) if b == "networkx" else (lambda n: None))


def main() -> int:
    ns = _parse_args()
    if ns.render:
        data = json.loads((RESULTS / "reliability.json").read_text(encoding="utf-8"))
        (RESULTS / "reliability.md").write_text(render_md(data), encoding="utf-8")
        return 0
    password = ns.password
    quick = ns.quick
    work = Path(tempfile.mkdtemp(prefix="kgmem-rel-bench-"))
    results: dict[str, Any] = {"started": datetime.now().isoformat(timespec="seconds"),
                               "machine": {"python": platform.python_version(), "cpus": os.cpu_count(),
                                           "platform": platform.platform()},
                               "quick": quick, "command": command_line(), "git_sha": git_sha(),
                               "loadavg_before": loadavg(), "percentiles": PERCENTILES}
    server = _private_neo4j(ns.neo4j_home, ns.neo4j_data, ns.bolt_port, ns.http_port, password)
    if server is not None:
        os.environ.update({"NEO4J_URI": server["uri"], "NEO4J_USER": "neo4j", "NEO4J_PASSWORD": password})
    reason = neo4j_unreachable()
    backends = ["networkx"] + (["neo4j"] if reason is None else [])
    results["neo4j"] = {"private_server": bool(server), "uri": os.environ.get("NEO4J_URI"),
                        "skipped_reason": reason}
    want = set(ns.only or [])

    def run(name: str, fn: Callable[[], Any]) -> None:
        if not want or name in want or name.split(".")[0] in want:
            _section(results, name, fn)

    n_points = 8 if quick else 20
    for b in backends:
        run(f"crash.{b}.session", lambda b=b: scenarios.crash_scenario(
            b, work / f"crash-{b}", n_points=n_points, n_users=2, sessions=3, mode="session", double_kills=2))
        run(f"crash.{b}.batch", lambda b=b: scenarios.crash_scenario(
            b, work / f"crashb-{b}", n_points=4 if quick else 6, n_users=2, sessions=3, mode="batch", seed=5))
    run("crash.eval", lambda: scenarios.eval_crash_scenario(work / "eval", n_points=8 if quick else 24))

    for b in backends:
        run(f"bad_input.{b}", lambda b=b: _bad_input(b, work))
    for b in backends:
        run(f"isolation.{b}", lambda b=b: _isolation(b, work, quick))

    run("faults.disk_full", lambda: faults.enospc_scenario(work / "enospc", scenarios.new_prefix("enospc")))
    for b in backends:
        def llm(b: str = b) -> Any:
            st = open_backend(b, work / f"llm-{b}")
            try:
                return faults.llm_fake_scenario(st, scenarios.new_prefix("llm"))
            finally:
                st.close()
        run(f"faults.llm_fake.{b}", llm)

    def litellm() -> Any:
        st = open_backend("networkx", work / "litellm")
        try:
            return faults.litellm_http_scenario(st, scenarios.new_prefix("litellm"))
        finally:
            st.close()

    run("faults.litellm_http", litellm)
    if server is not None and reason is None:
        run("faults.neo4j_restart", lambda: faults.neo4j_restart_scenario(
            server["home"], server["data"], server["bolt"], server["http"], password, work / "restart-ref",
            scenarios.new_prefix("restart")))

    for b in backends:
        run(f"load.{b}", lambda b=b: _load(b, work, quick))

    if server is not None and server["started"] and not ns.keep_server:
        from kgmem import neo4j_server

        neo4j_server.stop(server["home"])
    if ns.merge and (RESULTS / "reliability.json").is_file():
        results = _merge_into_last_run(results)
    results["finished"] = datetime.now().isoformat(timespec="seconds")
    results.setdefault("loadavg_after", loadavg())
    results["summary"] = summarise(results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "reliability.json").write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    (RESULTS / "reliability.md").write_text(render_md(results), encoding="utf-8")
    print(render_md(results))
    return 0 if results["summary"]["all_ok"] else 1


# --------------------------------------------------------------------------- summary


def summarise(r: dict[str, Any]) -> dict[str, Any]:
    """Headline figures and one ok flag per section."""
    s: dict[str, Any] = {"sections": {}}
    ok = s["sections"]
    crash_points = crash_ok = 0
    for name, v in r.items():
        if not isinstance(v, dict) or name.startswith("_") or name in ("machine", "neo4j"):
            continue
        if "error" in v:
            ok[name] = False
            continue
        if name.startswith("crash.") and name != "crash.eval":
            crash_points += v["points"]
            good = sum(1 for t in v["trials"] if t["killed"][0] and t["converged"])
            crash_ok += good
            ok[name] = good == v["points"]
        elif name == "crash.eval":
            crash_points += v["points"]
            crash_ok += v["survived"]
            ok[name] = v["survived"] == v["points"]
        elif name.startswith("isolation."):
            ok[name] = v["leaks"] == 0 and v["delete_user"]["others_intact"] and v["delete_user"]["victim_gone"]
        elif name == "faults.disk_full":
            ok[name] = (v["session_write"]["clear"] and v["session_write"]["files_unchanged"]
                        and v["batch_write"]["files_unchanged"] and not v["batch_write"]["memory_shows_unpersisted_b"]
                        and v["recovery"]["converged"] and v["recovery"]["reopened_equal"])
        elif name.startswith("faults.llm_fake") or name == "faults.litellm_http":
            ok[name] = all(m["graph_equals_rules_tier"] and m["fallbacks"] == m["sessions_written"] for m in v.values())
        elif name == "faults.neo4j_restart":
            ok[name] = v["clear_error"] and v["converged_to_networkx_graph"]
        elif name.startswith("load."):
            ok[name] = (v["threads"]["equal_to_sequential"] and v["queries"]["results_equal_to_sequential"]
                        and v.get("processes", {}).get("equal_to_sequential", True))
    for name, v in r.items():
        if name.startswith("bad_input.") and isinstance(v, list):
            ok[name] = all(badinput.case_ok(c) for c in v)
    bad = [c for k, v in r.items() if k.startswith("bad_input.") and isinstance(v, list) for c in v]
    iso = [v for k, v in r.items() if k.startswith("isolation.") and isinstance(v, dict) and "error" not in v]
    s.update(crash_points=crash_points, crash_points_converged=crash_ok,
             bad_inputs_tried=len(bad), bad_inputs_ok=sum(badinput.case_ok(c) for c in bad),
             isolation_queries=sum(v["queries"] for v in iso), isolation_leaks=sum(v["leaks"] for v in iso),
             all_ok=all(ok.values()))
    return s


def _yes(v: bool) -> str:
    return "yes" if v else "**NO**"


# long: one straight sequence of report sections, each a few lines of Markdown in the page's order
def render_md(r: dict[str, Any]) -> str:
    s = r["summary"]
    lines = [
        "# Reliability and security bench", "",
        f"Run {r['started']} → {r['finished']} on {r['machine']['platform']} ({r['machine']['cpus']} CPUs), "
        f"Python {r['machine']['python']}; {'quick' if r['quick'] else 'full'} sizes. "
        f"Neo4j: {r['neo4j']['uri'] if not r['neo4j']['skipped_reason'] else 'skipped — ' + r['neo4j']['skipped_reason']}"
        f"{' (a private server, not the shared one)' if r['neo4j']['private_server'] else ''}. "
        "Embeddings: deterministic 384-dim hashing embedder; extraction: rules tier without spaCy.", "",
        *([f"Command `{r['command']}` at git `{r['git_sha']}`; load average before {' '.join(r['loadavg_before'])}"
           f" → after {' '.join(r['loadavg_after'])} (shared machine)"
           + (f"; percentiles: {r['percentiles']}" if r.get("percentiles") else "") + ".", ""] if "command" in r else []),
        "## Headline", "",
        f"- Crash points (SIGKILL) survived and converged: **{s['crash_points_converged']} / {s['crash_points']}**",
        f"- Bad inputs tried: **{s['bad_inputs_tried']}**, clear error or verbatim store with nothing lost: "
        f"**{s['bad_inputs_ok']}**",
        f"- Isolation queries: **{s['isolation_queries']}**, results from another user: **{s['isolation_leaks']}**",
        f"- Every section ok: **{_yes(s['all_ok'])}**", "",
        "| section | ok | seconds |", "|---|---|---|",
    ]
    for rerun in r.get("reruns", []):
        lines.insert(lines.index("## Headline") - 1,
                     f"Sections rerun at {rerun['at']} (same machine, later code): {', '.join(rerun['sections'])}"
                     + (f" (`{rerun['command']}` at git `{rerun['git_sha']}`, load average "
                        f"{' '.join(rerun['loadavg_before'])} → {' '.join(rerun['loadavg_after'])}"
                        + (f"; percentiles: {rerun['percentiles']}" if rerun.get("percentiles") else "") + ")"
                        if "command" in rerun else "") + ".\n")
    for name, good in s["sections"].items():
        lines.append(f"| {name} | {_yes(good)} | {r['_seconds'].get(name, '')} |")
    lines += ["", "## Crash safety", "",
              "Kill points are write events of the real store layer: networkx — before each chunk of a "
              "temp file and right after each atomic replace; Neo4j — before each statement of a write "
              "transaction and after each commit. After the kill, a fresh process re-runs the ingest; the "
              "graph (session/turn/entity/fact ids, invalidations, source turns, supersession pairs) must "
              "equal an uninterrupted run's. Double kills: killed twice before the resume.", "",
              "| run | write events | points | killed | converged | temp files left (max) |", "|---|---|---|---|---|---|"]
    for name, v in r.items():
        if name.startswith("crash.") and name != "crash.eval" and isinstance(v, dict) and "error" not in v:
            killed = sum(t["killed"][0] for t in v["trials"])
            lines.append(f"| {name} | {v['write_events']} | {v['points']} | {killed} | {v['converged']} | "
                         f"{max((t['temp_files_left'] for t in v['trials']), default=0)} |")
    ev = r.get("crash.eval")
    if isinstance(ev, dict) and "error" not in ev:
        dup = sum(t["duplicates"] for t in ev["trials"])
        miss = sum(len(t["missing"]) for t in ev["trials"])
        lines += ["", f"`run_eval` killed at {ev['points']} of its {ev['write_events']} events (prepare; before, "
                  f"in the middle of, after each prediction append) over {ev['questions']} questions: "
                  f"{ev['survived']} resumed complete; duplicates {dup}, missing {miss}."]
    lines += ["", "## Bad input", ""]
    for name, v in r.items():
        if name.startswith("bad_input.") and isinstance(v, list):
            lines += [f"### {name}", "", "| group | case | outcome | ok | message / note |", "|---|---|---|---|---|"]
            for c in v:
                note = (c.get("message") or "").replace("|", "\\|").replace("\n", " ")[:110]
                if c["outcome"] == "stored":
                    note = f"verbatim={c.get('verbatim')}, searchable={c.get('searchable', '-')}, chars={c.get('chars')}"
                elif c["outcome"] == "loaded":
                    note = f"{c['haystacks']} haystacks, {c['sessions']} sessions, stored {c.get('stored')}"
                lines.append(f"| {c['group']} | {c['case']} | {c['outcome']} | {_yes(badinput.case_ok(c))} | {note} |")
            lines.append("")
    lines += ["## Isolation", "", "| store | users | queries | leaks | empty results by op | p50 ms | p95 ms | "
              "delete_user |", "|---|---|---|---|---|---|---|---|"]
    for name, v in r.items():
        if name.startswith("isolation.") and isinstance(v, dict) and "error" not in v:
            d = v["delete_user"]
            lines.append(f"| {name.split('.')[1]} | {v['users']} | {v['queries']} | {v['leaks']} | {v['empty']} | "
                         f"{v['p50_ms']} | {v['p95_ms']} | removed {d['removed']}/{d['victim_nodes']} nodes, others "
                         f"intact: {d['others_intact']} |")
    lines += ["", "## Dependency faults", ""]
    df = r.get("faults.disk_full")
    if isinstance(df, dict) and "error" not in df:
        lines += ["Disk full (ENOSPC injected into the networkx store's atomic write):", "",
                  f"- one session write: clear={df['session_write']['clear']}, previous files byte-identical="
                  f"{df['session_write']['files_unchanged']}; message: `{df['session_write']['message']}`",
                  f"- a batch (whole haystack) write: error raised={df['batch_write']['clear']}, files unchanged="
                  f"{df['batch_write']['files_unchanged']}, unpersisted data still served="
                  f"{df['batch_write']['memory_shows_unpersisted_b']}",
                  f"- the index write: `{df['index_write']['message']}`",
                  f"- space back, re-run: converged={df['recovery']['converged']}, reopened equal="
                  f"{df['recovery']['reopened_equal']}, temp files left={df['recovery']['temp_files_left']}", ""]
    for name in [k for k in r if k.startswith("faults.llm_fake") or k == "faults.litellm_http"]:
        v = r[name]
        if not isinstance(v, dict) or "error" in v:
            continue
        lines += [f"{name}:", "", "| mode | sessions | fallbacks | graph = rules tier | calls/session | seconds | "
                  "answer fallback |", "|---|---|---|---|---|---|---|"]
        for mode, m in v.items():
            lines.append(f"| {mode} | {m['sessions_written']} | {m['fallbacks']} | {m['graph_equals_rules_tier']} | "
                         f"{m.get('calls_per_session', '-')} | {m['seconds']} | "
                         f"{str(m.get('answer_fallback') or m.get('failures') or '')[:90].replace('|', '/')} |")
        lines.append("")
    nr = r.get("faults.neo4j_restart")
    if isinstance(nr, dict) and "error" not in nr:
        lines += [f"Neo4j SIGKILLed mid-transaction (statement {nr['killed_at_statement']}): error after "
                  f"{nr['seconds_to_error']} s: `{nr['client_error'][:200].replace(chr(10), ' ').replace(chr(96), chr(39))}`; restart {nr['restart_seconds']} s; "
                  f"{nr['sessions_before_restart']} sessions had committed; re-ingest converged to the networkx "
                  f"graph: {nr['converged_to_networkx_graph']}.", ""]
    lines += ["## Load", "", "| store | users × sessions | sequential s/s | threads s/s | processes s/s | equal | "
              "query threads | qps | p50 ms | p95 ms | equal |", "|---|---|---|---|---|---|---|---|---|---|---|"]
    for name, v in r.items():
        if name.startswith("load.") and isinstance(v, dict) and "error" not in v:
            pr = v.get("processes", {})
            eq = v["threads"]["equal_to_sequential"] and pr.get("equal_to_sequential", True)
            lines.append(f"| {v['backend']} | {v['users']} × {v['sessions'] // v['users']} | "
                         f"{v['sequential']['sessions_per_s']} | {v['threads']['sessions_per_s']} "
                         f"({v['threads']['workers']}) | {pr.get('sessions_per_s', '-')} ({pr.get('workers', '-')}) | "
                         f"{eq} | {v['queries']['threads']} | {v['queries']['qps']} | {v['queries']['p50_ms']} | "
                         f"{v['queries']['p95_ms']} | {v['queries']['results_equal_to_sequential']} |")
    errors = {k: v["error"] for k, v in r.items() if isinstance(v, dict) and "error" in v}
    if errors:
        lines += ["", "## Errors", ""] + [f"- {k}: `{e[:300]}`" for k, e in errors.items()]
    lines += ["", "Throughput is sessions per second on a shared 2-core machine (other work was running); "
              "compare rows of one run only.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
