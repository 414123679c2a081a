"""kgmem vs baseline-rag answer accuracy, same answer model, per type and per template family.

    .venv/bin/python eval/bench_answers.py --split synthetic-s --per-type 20 \
        [--seed 0] [--systems kgmem baseline-rag] [--run-root DIR] [--out eval/results/synthetic_s_answers]
    .venv/bin/python eval/bench_answers.py --split sample --out eval/results/sample_answers

Runs ``kgmem eval`` (its Python API; resumable run directories outside the repository) for each
system with the same settings (default: the embedded SmolLM2 answer model, MiniLM embeddings, the
offline normalised-match scorer) and writes ``<out>.json`` and ``<out>.md``: accuracy per question
type and per template family (dev / heldout / heldout2 — the held-out families as aggregates only),
abstention behaviour (false abstentions on answerable questions, correct abstentions on ``_abs``),
and for kgmem the answer paths (computed / extractive / preference / model / fallback / abstain):
how often each answered, its accuracy, context tokens and latency. Load averages before and after
each run are recorded (the machine is shared). Nothing per question is written: no ids, questions,
answers or predictions.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from eval._report import accuracy_cell as _pct  # noqa: E402
from eval._report import command_line, git_sha, load_figures, machine, table_row  # noqa: E402
from kgmem.evaluation.metrics import percentile as _pctl  # noqa: E402  (nearest rank, the one definition)

TYPES = ("single-session-user", "single-session-assistant", "single-session-preference",
         "multi-session", "knowledge-update", "temporal-reasoning")


def _stats(values: list[float]) -> dict[str, Any]:
    return {"n": len(values), "p50": _pctl(values, 0.5), "p95": _pctl(values, 0.95),
            "mean": statistics.fmean(values) if values else None}


def _acc(recs: list[dict[str, Any]]) -> dict[str, Any]:
    judged = [r for r in recs if r.get("verdict")]
    ok = sum(1 for r in judged if r["verdict"].get("correct"))
    return {"n": len(judged), "correct": ok, "accuracy": ok / len(judged) if judged else None}


def _context_recall(answerable: list[dict[str, Any]]) -> dict[str, Any]:
    """Share of answerable questions whose every evidence session is in the context the answerer
    built (the metric of kgmem/evaluation/metrics.py)."""
    ctx = [r for r in answerable if r.get("answer_session_ids") and r.get("context_session_ids") is not None]
    hits = sum(set(r["answer_session_ids"]) <= set(r["context_session_ids"]) for r in ctx)
    return {"n": len(ctx), "value": hits / len(ctx) if ctx else None}


def aggregate(run_dir: Path) -> dict[str, Any]:
    """Aggregates of one run directory (no per-question data leaves this function)."""
    from kgmem.evaluation.judge import declines
    from kgmem.evaluation.metrics import latest_records
    from kgmem.evaluation.runner import PREDICTIONS, read_predictions

    recs = [r for r in latest_records(read_predictions(run_dir / PREDICTIONS)) if not r.get("error")]
    by_type: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_family: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_path: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in recs:
        by_type["abstention" if r.get("is_abstention") else str(r.get("question_type"))].append(r)
        by_family[str(r.get("template_family") or "unknown")].append(r)
        by_path[str((r.get("system_notes") or {}).get("path") or "-")].append(r)
    answerable = [r for r in recs if not r.get("is_abstention")]
    abs_q = [r for r in recs if r.get("is_abstention")]

    def abstained(r: dict[str, Any]) -> bool:
        return bool(r.get("abstained")) or declines(str(r.get("predicted_answer") or ""))

    paths = {}
    for name, rs in sorted(by_path.items()):
        paths[name] = {**_acc(rs), "latency_ms": _stats([float((r.get("latency_ms") or {}).get("answer", 0.0))
                                                          for r in rs]),
                       "total_ms": _stats([float((r.get("latency_ms") or {}).get("total", 0.0)) for r in rs]),
                       "context_tokens": _stats([float(r.get("context_tokens") or 0) for r in rs])}
    return {
        "questions": len(recs),
        "overall": _acc(recs),
        "per_type": {t: _acc(by_type[t]) for t in (*TYPES, "abstention") if by_type.get(t)},
        "per_family": {f: _acc(rs) for f, rs in sorted(by_family.items())},
        "answerable": {"n": len(answerable), "abstained": sum(abstained(r) for r in answerable)},
        "context_recall": _context_recall(answerable),
        "abs_questions": {"n": len(abs_q), "abstained": sum(abstained(r) for r in abs_q)},
        "paths": paths,
        "latency_ms": {k: _stats([float((r.get("latency_ms") or {}).get(k, 0.0)) for r in recs
                                  if k in (r.get("latency_ms") or {})])
                       for k in ("embed", "plan", "retrieve", "answer", "total")},
        "context_tokens": _stats([float(r.get("context_tokens") or 0) for r in recs]),
    }


def run_system(system: str, args: argparse.Namespace) -> dict[str, Any]:
    """One system's (resumable) run and its aggregates."""
    from kgmem.evaluation.runconfig import EvalConfig
    from kgmem.evaluation.runner import run_eval
    from kgmem.settings import Settings

    overrides = {"llm_model": args.model} if args.model else {}
    settings = Settings.load(overrides)
    subset = "-" + "+".join(sorted(args.types)) if args.types else ""
    run_dir = Path(args.run_root) / f"{args.split}-{system}-pt{args.per_type}-s{args.seed}{subset}"
    config = EvalConfig(split=args.split, system=system, per_type=args.per_type, seed=args.seed, run_dir=run_dir,
                        workers=args.workers, types=args.types)
    started = time.time()

    def progress(done: int, total: int, rec: dict[str, Any]) -> None:
        print(f"  {system}: {done}/{total} questions, {time.time() - started:.0f} s", flush=True)

    before = load_figures()
    result = run_eval(config, settings, progress=progress)
    after = load_figures()
    return {"system": system, "answer_model": settings.llm_model, "judge": result.summary.get("judge"),
            "run_dir": str(run_dir), "loadavg_before": before, "loadavg_after": after,
            "wall_s": round(time.time() - started, 1), **aggregate(run_dir)}


def _num(v: Any, fmt: str = "{:,.0f}") -> str:
    return "–" if v is None else fmt.format(v)


def render(report: dict[str, Any]) -> str:
    """The Markdown report (aggregates only)."""
    runs = report["runs"]
    head = "| | " + " | ".join(r["system"] for r in runs) + " |\n|---|" + "---:|" * len(runs)
    lines = [f"# {report['title']}", "", report["note"], "",
             f"- command: `{report['command']}`; git `{report['git_sha']}`; {report['started']} → {report['finished']}",
             f"- answer model: `{runs[0]['answer_model']}` for both; judge: {runs[0]['judge']}",
             f"- machine: {report['machine']}; shared with other jobs — load averages: " + "; ".join(
                 f"{r['system']} {r['loadavg_before'][0]:.1f} → {r['loadavg_after'][0]:.1f}" for r in runs),
             "", "## Accuracy % (correct/n)", "", head]
    lines += [table_row(t, runs, lambda r, t=t: _pct(r["per_type"].get(t))) for t in (*TYPES, "abstention")]
    lines.append(table_row("**overall**", runs, lambda r: f"**{_pct(r['overall'])}**"))
    families = sorted({f for r in runs for f in r["per_family"]})
    lines += ["", "## Per template family (held-out families: aggregates only)", "", head]
    lines += [table_row(f, runs, lambda r, f=f: _pct(r["per_family"].get(f))) for f in families]
    lines += ["", "## Abstention", "", head]
    lines.append(table_row("answerable questions abstained (false abstentions)", runs,
                           lambda r: f"{r['answerable']['abstained']}/{r['answerable']['n']}"))
    lines.append(table_row("`_abs` questions abstained (correct abstentions)", runs,
                           lambda r: f"{r['abs_questions']['abstained']}/{r['abs_questions']['n']}"))
    lines += ["", "## Latency (ms) and context tokens", "", head]
    lines += [table_row(f"{k} p50 / p95", runs, lambda r, k=k: f"{_num(r['latency_ms'][k]['p50'])} / "
                        f"{_num(r['latency_ms'][k]['p95'])}" if r["latency_ms"][k]["n"] else "–")
              for k in ("embed", "plan", "retrieve", "answer", "total")]
    lines.append(table_row("context tokens mean", runs, lambda r: _num(r["context_tokens"]["mean"])))
    lines.append(table_row("context recall (every evidence session in the context)", runs,
                           lambda r: "–" if (r.get("context_recall") or {}).get("value") is None
                           else f"{r['context_recall']['value']:.3f} (n={r['context_recall']['n']})"))
    k = next((r for r in runs if r["system"] == "kgmem"), None)
    if k is not None:
        lines += ["", "## kgmem answer paths", "",
                  "| path | n | accuracy % | answer ms p50 / p95 | context tokens p50 / p95 |",
                  "|---|---:|---:|---:|---:|"]
        for name, p in k["paths"].items():
            lines.append(f"| {name} | {p['n']} | {_pct(p)} | {_num(p['latency_ms']['p50'])} / "
                         f"{_num(p['latency_ms']['p95'])} | {_num(p['context_tokens']['p50'])} / "
                         f"{_num(p['context_tokens']['p95'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="synthetic-s")
    ap.add_argument("--per-type", type=int, default=None)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--systems", nargs="+", default=["kgmem", "baseline-rag"])
    ap.add_argument("--model", default=None, help="answer model (default: settings, the embedded SmolLM2)")
    ap.add_argument("--run-root", default=os.environ.get("KGMEM_HOME", "/tmp") + "/answer-runs")
    ap.add_argument("--out", default=None)
    ap.add_argument("--note", default="", help="provenance added to the report (e.g. when resumed runs were computed)")
    ap.add_argument("--types", nargs="+", default=None,
                    help="only these question types (abstention: the _abs questions) of the stratified selection: "
                         "the same questions the whole --per-type run holds")
    ap.add_argument("--workers", type=int, default=1, help="worker processes per run (records do not depend on it)")
    args = ap.parse_args()
    out = Path(args.out or ROOT / "eval" / "results" / f"{re.sub(r'[^a-z0-9]+', '_', args.split)}_answers")
    started = datetime.now(UTC).isoformat(timespec="seconds")
    runs = [run_system(s, args) for s in args.systems]
    cmd = command_line()  # what ran, as typed (the run's systems, run root and output included)
    report = {"title": f"{args.split}: kgmem vs baseline-rag answers", "command": cmd, "git_sha": git_sha(),
              "started": started, "finished": datetime.now(UTC).isoformat(timespec="seconds"),
              "machine": machine(),
              "note": ("Same answer model and embedder for both systems; offline normalised-match scorer (not an "
                       "LLM judge). Stratified selection" + (f" (--per-type {args.per_type}, seed {args.seed})"
                                                              if args.per_type else " (all questions)") +
                       (f"; only the types {', '.join(args.types)}" if args.types else "") +
                       ". Held-out template families are reported in aggregate only." +
                       (" " + args.note if args.note else "")),
              "runs": runs}
    out.with_suffix(".json").write_text(json.dumps(report, indent=1, default=str) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(render(report), encoding="utf-8")
    print(f"wrote {out}.md")


if __name__ == "__main__":
    main()
