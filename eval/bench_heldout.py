"""kgmem vs baseline-rag on the hand-written held-out haystacks — aggregate figures only.

    .venv/bin/python eval/bench_heldout.py [--set v1|v2] [--limit N]
        [--model M] [--judge J] [--systems kgmem baseline-rag] [--run-root DIR]
        [--out eval/results/heldout_v1]

Runs ``kgmem eval`` (its Python API) on ``eval/heldout/handwritten_<set>.json`` (default v1;
v2 is the second hand-written set, its results stem ``eval/results/heldout_v2``) for each system with
the same settings (default: the embedded SmolLM2 answer model, MiniLM embeddings, the offline
normalised-match scorer), then writes ``<out>.json`` and ``<out>.md``: overall, per-type and
abstention accuracy, false abstentions on answerable questions, context tokens, latency
(answer path p50/p95, retrieve stage, ingest), retrieval recall, and the load average before and
after each run.

Implementers may run this and read its results; they must not read the data or the run
directories' per-question predictions (see eval/heldout/README.md). So: progress lines carry
counts only, the results carry aggregates only (no question ids, questions, answers or
predictions), and run directories live outside the repository (``--run-root``, default
``$KGMEM_HOME/heldout-runs``). Re-running the same command resumes finished questions.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import accuracy_cell as _pct  # noqa: E402
from eval._report import git_sha, load_figures, table_row  # noqa: E402

# set -> (data file, results stem, author of the hand-written source)
SETS = {"v1": ("handwritten_v1.json", "heldout_v1", "auth14"),
        "v2": ("handwritten_v2.json", "heldout_v2", "auth6"),
        "v3": ("handwritten_v3.json", "heldout_v3", "auth8"),
        "v4": ("handwritten_v4.json", "heldout_v4", "auth10"),
        # a DEVELOPMENT set (open to everyone), not held out: its data lives in eval/devsets/
        "dev3": ("devsets/dev3.json", "dev3", "auth7"),
        "dev4": ("devsets/dev4.json", "dev4", "auth9"),
        "dev5": ("devsets/dev5.json", "dev5", "au12"),
        "dev6": ("devsets/dev6.json", "dev6", "au13"),
        "dev7": ("devsets/dev7.json", "dev7", "au15"),
        "dev8": ("devsets/dev8.json", "dev8", "au17"),
        "dev9": ("devsets/dev9.json", "dev9", "au19"),
        "dev10": ("devsets/dev10.json", "dev10", "au20"),
        "dev11": ("devsets/dev11.json", "dev11", "au21")}
DEV_SETS = {"dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11"}
TYPES = ("single-session-user", "single-session-assistant", "single-session-preference",
         "multi-session", "knowledge-update", "temporal-reasoning")


def set_paths(name: str) -> tuple[Path, Path, str]:
    """A set's data file, default results stem and author (``name`` is a key of SETS)."""
    data_name, stem, author = SETS[name]
    data = ROOT / "eval" / data_name if name in DEV_SETS else ROOT / "eval" / "heldout" / data_name
    return data, ROOT / "eval" / "results" / stem, author


def _ensure_built(version: str) -> None:
    """Fail early if the committed held-out file is missing or older than its source."""
    if version in DEV_SETS:  # development sets have their own builder (eval/devsets/build.py)
        spec = importlib.util.spec_from_file_location("devsets_build",
                                                      ROOT / "eval" / "devsets" / "build.py")
        assert spec is not None and spec.loader is not None
        dev = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(dev)
        if dev.main(["--check"]) != 0:
            raise SystemExit("the dev set is stale: run .venv/bin/python eval/devsets/build.py")
        return
    spec = importlib.util.spec_from_file_location("heldout_build",
                                                  ROOT / "eval" / "heldout" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if module.main(["--check", "--version", version]) != 0:
        raise SystemExit("the held-out files are stale: run .venv/bin/python eval/heldout/build.py")


def _machine() -> dict[str, Any]:
    cpu = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        mem = round(kb / 2**20, 1)
    except (OSError, AttributeError):
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gib": mem, "platform": platform.platform(),
            "python": platform.python_version()}



def _row(r: dict[str, Any]) -> dict[str, Any]:
    return {"n": r["n"], "correct": r["correct"], "accuracy": r["accuracy"]}


def _stats(d: dict[str, Any] | None, keys: tuple[str, ...] = ("n", "mean", "p50", "p95", "iqr")
           ) -> dict[str, Any] | None:
    return None if not d else {k: d.get(k) for k in keys}


def _abstention_counts(run_dir: Path) -> dict[str, int]:
    """How often the system abstained, split by whether the question was answerable (counts)."""
    from kgmem.evaluation.judge import declines
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    out = {"answerable": 0, "answerable_abstained": 0, "abs_questions": 0, "abs_abstained": 0}
    for rec in latest_records(read_predictions(run_dir / PREDICTIONS)):
        if rec.get("error"):
            continue
        abstained = bool(rec.get("abstained")) or declines(str(rec.get("predicted_answer") or ""))
        key = "abs" if rec.get("is_abstention") else "answerable"
        out["abs_questions" if key == "abs" else "answerable"] += 1
        out[f"{key}_abstained"] += int(abstained)
    return out


def _path_counts(run_dir: Path) -> dict[str, dict[str, dict[str, int]]]:
    """Which answer path answered, with how many right and how many abstentions, per question type.

    Counts only (no question id or text): the path is the system's own note (computed, extractive,
    preference, fallback, abstain, model …); "all" sums the types.
    """
    from kgmem.evaluation.judge import declines
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    out: dict[str, dict[str, dict[str, int]]] = {}
    for rec in latest_records(read_predictions(run_dir / PREDICTIONS)):
        if rec.get("error"):
            continue
        path = str((rec.get("system_notes") or {}).get("path") or "model")
        kind = "_abs" if rec.get("is_abstention") else str(rec.get("question_type"))
        abstained = bool(rec.get("abstained")) or declines(str(rec.get("predicted_answer") or ""))
        for key in (kind, "all"):
            cell = out.setdefault(key, {}).setdefault(path, {"n": 0, "correct": 0, "abstained": 0})
            cell["n"] += 1
            cell["correct"] += int(bool((rec.get("verdict") or {}).get("correct")))
            cell["abstained"] += int(abstained)
    return out


def run_system(system: str, args: argparse.Namespace) -> dict[str, Any]:
    """One system's run (resumable) and its aggregate figures."""
    from kgmem.evaluation.runner import EvalConfig, run_eval
    from kgmem.settings import Settings

    settings = Settings.load({"llm_model": args.model, "judge_model": args.judge})
    tag = system + (f"-limit{args.limit}" if args.limit else "") + (
        "-" + re.sub(r"[^A-Za-z0-9_.-]+", "_", args.model) if args.model else "")
    if args.set != "v1":  # v1's run directories keep their names (resumable runs)
        tag = f"{args.set}-{tag}"
    run_dir = Path(args.run_root) / tag
    config = EvalConfig(split=str(args.data), system=system, limit=args.limit, run_dir=run_dir)
    started = time.time()
    peak = [0.0]  # highest 1-minute load average seen at a progress tick (the machine is shared)

    def progress(done: int, total: int, rec: dict[str, Any]) -> None:
        # counts only: no question id, verdict or text (implementers read this output)
        peak[0] = max(peak[0], load_figures()[0])
        print(f"  {system}: {done}/{total} questions, {time.time() - started:.0f} s", flush=True)

    load_before = load_figures()
    result = run_eval(config, settings, progress=progress)
    load_after = load_figures()
    s = result.summary
    acc = s["accuracy"]
    lat = s["latency_ms"]
    ses = s["retrieval"].get("session") or {}
    return {
        "system": system,
        "answer_model": settings.llm_model,
        "judge": s.get("judge"),
        "questions": s["questions"],
        "failed": s["failed"],
        "complete": s.get("complete"),
        "accuracy": {"overall": _row(acc["overall"]),
                     "per_type": {t: _row(r) for t, r in acc["per_type"].items()},
                     "abstention": _row(acc["abstention"]),
                     "non_abstention": _row(acc["non_abstention"]),
                     "approximate_preference_scores": acc["overall"].get("approximate")},
        "abstentions": _abstention_counts(result.run_dir),
        "answer_paths": _path_counts(result.run_dir),
        "context_tokens": _stats(s["usage"].get("context_tokens")),
        "latency_ms": {"answer_total": _stats(lat.get("total")),
                       "retrieve": _stats(lat.get("retrieve")),
                       "ingest_per_haystack": _stats(lat.get("prepare (ingest)"))},
        "retrieval": {"session_recall_any@5": ses.get("recall_any@5"),
                      "session_recall_all@10": ses.get("recall_all@10"),
                      "session_ndcg@10": ses.get("ndcg@10"),
                      "context_recall": (s["retrieval"].get("context_recall") or {}).get("value")},
        "loadavg_before": load_before,
        "loadavg_after": load_after,
        "loadavg_peak": max(peak[0], load_before[0], load_after[0]),
        "wall_s": round(time.time() - started, 1),
    }


def _ms(d: dict[str, Any] | None, key: str) -> str:
    return "–" if not d or d.get(key) is None else f"{d[key]:,.0f}"


def render_md(report: dict[str, Any]) -> str:
    """The Markdown report (aggregates only)."""
    runs = report["runs"]
    if report.get("kind") == "development":
        return _render_dev_md(report, runs)
    head = "| | " + " | ".join(r["system"] for r in runs) + " |\n|---|" + "---:|" * len(runs)
    lines = [
        f"# {report.get('set_stem', 'heldout_v1')}: kgmem vs baseline-rag on hand-written held-out haystacks",
        "",
        report["note"],
        "",
        f"- command: `{report['command']}`",
        f"- git: `{report['git_sha']}`; data: `{report['data_file']}` sha256 `{report['data_sha256'][:16]}…` "
        f"({report['data_questions']} questions, hand-written by {report.get('author', 'auth14')}, "
        "built by eval/heldout/build.py)",
        f"- answer model: `{runs[0]['answer_model']}`; judge: {runs[0]['judge']}",
        f"- machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
        f"{report['machine']['memory_gib']} GiB; shared with other jobs (see load averages)",
        f"- started {report['started']}, finished {report['finished']}",
        "",
        "## Accuracy % (correct/n)",
        "",
        head,
    ]
    lines += [table_row(t, runs, lambda r, t=t: _pct(r["accuracy"]["per_type"].get(t))) for t in TYPES]
    lines.append(table_row("abstention (`_abs`)", runs, lambda r: _pct(r["accuracy"]["abstention"])))
    lines.append(table_row("answerable (non-`_abs`)", runs, lambda r: _pct(r["accuracy"]["non_abstention"])))
    lines.append(table_row("**overall**", runs, lambda r: f"**{_pct(r['accuracy']['overall'])}**"))
    lines.append(table_row("failed questions", runs, lambda r: str(r["failed"])))
    lines += ["", "## Abstentions (counts)", "", head]
    lines.append(table_row("abstained on answerable questions (false abstentions)", runs,
                           lambda r: f"{r['abstentions']['answerable_abstained']}/{r['abstentions']['answerable']}"))
    lines.append(table_row("abstained on `_abs` questions", runs,
                           lambda r: f"{r['abstentions']['abs_abstained']}/{r['abstentions']['abs_questions']}"))
    lines += _render_paths(runs)
    lines += ["", "## Context, latency (ms), retrieval", "", head]
    rows = [
        ("context tokens mean / p50 / p95", lambda r: " / ".join(_ms(r["context_tokens"], k) for k in ("mean", "p50", "p95"))),
        ("answer latency p50", lambda r: _ms(r["latency_ms"]["answer_total"], "p50")),
        ("answer latency p95", lambda r: _ms(r["latency_ms"]["answer_total"], "p95")),
        ("answer latency IQR", lambda r: _ms(r["latency_ms"]["answer_total"], "iqr")),
        ("retrieve stage p50 / p95", lambda r: _ms(r["latency_ms"]["retrieve"], "p50") + " / " + _ms(r["latency_ms"]["retrieve"], "p95")),
        ("ingest per haystack p50", lambda r: _ms(r["latency_ms"]["ingest_per_haystack"], "p50")),
        ("session recall_any@5", lambda r: "–" if r["retrieval"]["session_recall_any@5"] is None else f"{r['retrieval']['session_recall_any@5']:.3f}"),
        ("session recall_all@10", lambda r: "–" if r["retrieval"]["session_recall_all@10"] is None else f"{r['retrieval']['session_recall_all@10']:.3f}"),
        ("context recall", lambda r: "–" if r["retrieval"]["context_recall"] is None else f"{r['retrieval']['context_recall']:.3f}"),
        ("load average before → after (peak)", lambda r: f"{r['loadavg_before'][0]:.2f} → {r['loadavg_after'][0]:.2f}"
         + (f" ({r['loadavg_peak']:.1f})" if r.get("loadavg_peak") is not None else "")),
        ("wall time (s)", lambda r: f"{r['wall_s']:,.0f}"),
    ]
    lines += [table_row(label, runs, fn) for label, fn in rows]
    lines += ["", "Aggregates only, by design: implementers must not see held-out questions or "
              "per-question predictions (eval/heldout/README.md). Run directories: "
              f"`{report['run_root']}` (outside the repository).", ""]
    return "\n".join(lines)


def _render_paths(runs: list[dict[str, Any]]) -> list[str]:
    """Per system: which answer path answered each question type (correct/n, abstentions)."""
    lines: list[str] = []
    for run in runs:
        paths = run.get("answer_paths") or {}
        names = sorted(paths.get("all", {}), key=lambda p: -paths["all"][p]["n"])
        if not names:
            continue
        lines += ["", f"## Answer path × question type, {run['system']} (correct/n; abstained in brackets)", "",
                  "| | " + " | ".join(names) + " |", "|---|" + "---:|" * len(names)]
        for kind in [*TYPES, "_abs", "all"]:
            if kind not in paths:
                continue
            cells = []
            for name in names:
                c = paths[kind].get(name)
                cells.append("–" if not c else f"{c['correct']}/{c['n']}" + (f" ({c['abstained']})" if c["abstained"] else ""))
            lines.append(f"| {'**all**' if kind == 'all' else kind} | " + " | ".join(cells) + " |")
    return lines


def _render_dev_md(report: dict[str, Any], runs: list[dict[str, Any]]) -> str:
    """The same report for a development set: its own title, builder and closing line."""
    md = render_md({**report, "kind": None})
    md = md.replace(": kgmem vs baseline-rag on hand-written held-out haystacks",
                    ": kgmem vs baseline-rag on a hand-written DEVELOPMENT set", 1)
    md = md.replace("built by eval/heldout/build.py", "built by eval/devsets/build.py", 1)
    tail = md.rfind("Aggregates only, by design")
    if tail != -1:
        md = md[:tail] + ("A development set: anyone may read its data (eval/devsets/) and the run "
                          f"directories' predictions. Run directories: `{report['run_root']}`.\n")
    return md


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=sorted(SETS), default="v1",
                    help="which hand-written set (default v1; v2 is the second, by another author; "
                         "dev3 is a development set, eval/devsets/)")
    ap.add_argument("--systems", nargs="+", default=["kgmem", "baseline-rag"])
    ap.add_argument("--limit", type=int, default=None, help="first N questions only (smoke runs)")
    ap.add_argument("--model", default=None, help="answer model (default: settings)")
    ap.add_argument("--judge", default=None, help="judge model (default: offline scorer)")
    ap.add_argument("--run-root", default=None, help="run directories (default $KGMEM_HOME/heldout-runs)")
    ap.add_argument("--out", type=Path, default=None,
                    help="results stem (writes .json and .md; default eval/results/heldout_<set>)")
    ap.add_argument("--note", default="", help="a sentence for the report")
    args = ap.parse_args(argv)
    from kgmem.evaluation.runner import sha256_files
    from kgmem.settings import Settings

    args.data, default_out, author = set_paths(args.set)
    stem = default_out.name
    if args.out is None:
        args.out = default_out
    _ensure_built(args.set)
    if args.run_root is None:
        args.run_root = str(Settings.load().home / "heldout-runs")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    runs = []
    for system in args.systems:
        print(f"{system}: running on {args.data.name} (run dir under {args.run_root})", flush=True)
        runs.append(run_system(system, args))
    n_questions = len(json.loads(args.data.read_text(encoding="utf-8")))
    note = args.note or (
        f"Hand-written held-out haystacks ({n_questions} questions, 24-36 sessions each); same answer model, "
        "embedder and scorer for both systems; offline normalised-match scorer unless a judge is "
        "named (preference questions scored approximately against a rubric). Small set: one "
        "question moves a per-type figure by 10-25 points. The machine was shared with other jobs.")
    report = {
        "note": note,
        "command": "python eval/bench_heldout.py " + " ".join(argv if argv is not None else sys.argv[1:]),
        "git_sha": git_sha(),
        "set": args.set,
        "set_stem": stem,
        "author": author,
        "data_file": str(args.data.relative_to(ROOT)),
        "data_sha256": sha256_files([args.data]),
        "data_questions": n_questions,
        "scope": f"first {args.limit} questions" if args.limit else "all questions",
        "machine": _machine(),
        "started": started,
        "finished": datetime.now(UTC).isoformat(timespec="seconds"),
        "run_root": args.run_root,
        "runs": runs,
    }
    if args.set in DEV_SETS:
        report["kind"] = "development"
        if not args.note:
            report["note"] = (
                f"Hand-written DEVELOPMENT haystacks ({n_questions} questions; sessions per haystack in "
                "eval/devsets/README.md), open to everyone; same answer model, embedder and scorer "
                "for both systems; offline normalised-match scorer unless a judge is named "
                "(preference questions scored approximately against a rubric). The machine was "
                "shared with other jobs.")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Path(f"{args.out}.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = render_md(report)
    Path(f"{args.out}.md").write_text(md, encoding="utf-8")
    print(md)
    return 0 if all(r["failed"] == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
