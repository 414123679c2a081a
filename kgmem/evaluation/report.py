"""Human reports of a run directory, rebuilt from its files, and side-by-side comparisons.

``write_report(run_dir)`` recomputes metrics from ``predictions.jsonl`` (so a report can be
rebuilt without re-running), writes ``summary.json``, ``report.md`` and a per-type accuracy bar
chart (``accuracy_by_type.png``, matplotlib Agg). ``compare_runs`` renders the starter repo's
analysis notebook as tables: per-type accuracy, latency IQR and context tokens, run by run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from kgmem.evaluation import metrics
from kgmem.evaluation.runconfig import EvalConfig, describe_scope
from kgmem.evaluation.rundir import MANIFEST, PREDICTIONS, SELECTION, read_predictions

CHART = "accuracy_by_type.png"
REPORT = "report.md"


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}"


def _ms(value: Any) -> str:
    return "–" if value is None else f"{float(value):,.0f}"


def load_run(run_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """(manifest, summary) of a run, the summary recomputed from its predictions file."""
    run_dir = Path(run_dir)
    if not (run_dir / MANIFEST).is_file():
        raise FileNotFoundError(f"{run_dir} is not a run directory (no {MANIFEST})")
    manifest = json.loads((run_dir / MANIFEST).read_text(encoding="utf-8"))
    records = read_predictions(run_dir / PREDICTIONS)
    summary = metrics.summarise(records)
    if (run_dir / SELECTION).is_file():
        selection = json.loads((run_dir / SELECTION).read_text(encoding="utf-8"))
        selected = set(selection["selected"])
        summary = metrics.summarise(r for r in records if r["question_id"] in selected)
        cfg = manifest.get("config") or {}
        if "scope" not in manifest:
            manifest["scope"] = describe_scope(
                EvalConfig(split=str(cfg.get("split")), per_type=cfg.get("per_type"),
                           seed=int(cfg.get("seed") or 0)),
                len(selected), len(selection["all_ids"]))
        manifest.setdefault("mode", "retrieval-only" if cfg.get("retrieval_only") else "answer")
        summary["selected"] = len(selected)
        summary["complete"] = summary["questions"] == len(selected) and not summary["failed"]
    old_path = run_dir / "summary.json"
    if old_path.is_file():
        old = json.loads(old_path.read_text(encoding="utf-8"))
        # keep the descriptive fields the runner wrote (scope, judge…); numbers are fresh
        for key, value in old.items():
            summary.setdefault(key, value)
    # a run killed before its first summary still has its description in the manifest
    for key in ("split", "system", "judge", "mode", "scope"):
        if summary.get(key) is None and manifest.get(key) is not None:
            summary[key] = manifest[key]
    return manifest, summary


def _accuracy_table(summary: dict[str, Any]) -> list[str]:
    acc = summary["accuracy"]
    lines = ["| question type | n | correct | accuracy % |", "|---|---:|---:|---:|"]
    for qtype, row in acc["per_type"].items():
        lines.append(f"| {qtype} | {row['n']} | {row['correct']} | {_pct(row['accuracy'])} |")
    for label, key in (("abstention (_abs)", "abstention"), ("**overall**", "overall")):
        row = acc[key]
        lines.append(f"| {label} | {row['n']} | {row['correct']} | {_pct(row['accuracy'])} |")
    return lines


def render_report(manifest: dict[str, Any], summary: dict[str, Any],
                  chart: str | None = CHART) -> str:
    """Markdown report of one run."""
    judge = summary.get("judge") or manifest.get("judge")
    model = manifest.get("settings", {}).get("llm_model")
    if summary.get("mode") == "retrieval-only":
        model = "none (retrieval only)"
    lines = [
        f"# Evaluation: {summary.get('system', manifest.get('system'))} on "
        f"{summary.get('split', manifest.get('split'))}",
        "",
        f"- mode: {summary.get('mode', 'answer')}; scope: {summary.get('scope', '?')}",
        f"- answer model: `{model}`; judge: "
        f"`{judge or 'none (no gold answers / retrieval only)'}`",
        f"- store: {manifest.get('settings', {}).get('store')}; embedder: "
        f"`{manifest.get('settings', {}).get('embed_model')}`",
        f"- dataset sha256: `{str(manifest.get('dataset_sha256', ''))[:16]}…`; git: "
        f"`{manifest.get('git_sha')}`; config hash `{manifest.get('config_hash')}`",
        f"- questions: {summary['questions']} recorded, {summary['succeeded']} succeeded, "
        f"{summary['failed']} failed",
    ]
    if manifest.get("generator"):
        lines.append(f"- generator: {json.dumps(manifest['generator'])}")
    if judge and "not an LLM judge" in str(judge):
        lines.append("- **scores come from a normalised string match, not an LLM judge**; "
                     "preference questions are scored approximately by rubric-keyword overlap")
    if summary["failed"]:
        shown = ", ".join(summary["failed_ids"][:20])
        lines.append(f"- failed ids (re-run the same command to retry): {shown}")
    acc = summary["accuracy"]
    if acc["overall"]["n"]:
        lines += ["", "## Accuracy", "", *_accuracy_table(summary)]
        if acc["per_family"]:
            lines += ["", "| template family | n | accuracy % |", "|---|---:|---:|"]
            for fam, row in acc["per_family"].items():
                lines.append(f"| {fam} | {row['n']} | {_pct(row['accuracy'])} |")
        if acc["overall"]["approximate"]:
            lines.append(f"\n{acc['overall']['approximate']} verdict(s) are approximate "
                         "(rubric-keyword overlap).")
        if chart:
            lines += ["", f"![accuracy by type]({chart})"]
    lat = summary["latency_ms"]
    if lat:
        lines += ["", "## Latency per question (ms)", "", f"Percentiles: {metrics.PERCENTILES}.", "",
                  "| stage | n | mean | p25 | p50 | p75 | p95 | IQR (p75−p25) | variance |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for stage, s in lat.items():
            lines.append(f"| {stage} | {s['n']} | {_ms(s.get('mean'))} | {_ms(s.get('p25'))} | "
                         f"{_ms(s.get('p50'))} | {_ms(s.get('p75'))} | {_ms(s.get('p95'))} | "
                         f"{_ms(s.get('iqr'))} | {_ms(s.get('var'))} |")
    ctx = summary["usage"]["context_tokens"]
    if ctx.get("n"):
        lines += ["", "## Context", "",
                  f"- context tokens per question: mean {ctx['mean']:.0f}, p50 {ctx['p50']:.0f}, "
                  f"p95 {ctx['p95']:.0f} (counted with: {', '.join(ctx['tokenizers']) or '?'})"]
    lines += _retrieval_section(summary["retrieval"]) + _usage_section(summary["usage"])
    return "\n".join(lines) + "\n"


def _retrieval_section(ret: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    if ret:
        lines += ["", "## Retrieval", ""]
        for level in ("session", "turn"):
            if level not in ret:
                continue
            r = ret[level]
            lines += [f"{level} level ({r['n']} questions with evidence, abstention excluded):",
                      "", "| k | recall_any | recall_all | ndcg |", "|---:|---:|---:|---:|"]
            for k in metrics.K_VALUES:
                lines.append(f"| {k} | {r[f'recall_any@{k}']:.3f} | {r[f'recall_all@{k}']:.3f} "
                             f"| {r[f'ndcg@{k}']:.3f} |")
            lines.append("")
        if "context_recall" in ret:
            c = ret["context_recall"]
            lines.append(f"- context recall (all evidence sessions in the final context): "
                         f"{c['value']:.3f} over {c['n']} questions")
    return lines


def _usage_section(use: dict[str, Any]) -> list[str]:
    lines = ["", "## Model usage", ""]
    for key, label in (("llm_usage", "answering"), ("judge_usage", "judging")):
        u = use.get(key) or {}
        if u:
            lines.append(f"- {label}: {int(u.get('calls', 0))} calls "
                         f"({int(u.get('cached_calls', 0))} cached), "
                         f"{int(u.get('prompt_tokens', 0)):,} prompt + "
                         f"{int(u.get('completion_tokens', 0)):,} completion tokens, "
                         f"${u.get('cost_usd', 0.0):.4f}")
    return lines


def write_chart(summary: dict[str, Any], path: Path, title: str = "") -> bool:
    """Bar chart of accuracy per question type (+ abstention, overall); False when no data."""
    acc = summary["accuracy"]
    rows = [(t, r) for t, r in acc["per_type"].items() if r["accuracy"] is not None]
    if acc["abstention"]["accuracy"] is not None:
        rows.append(("abstention", acc["abstention"]))
    if acc["overall"]["accuracy"] is None:
        return False
    rows.append(("overall", acc["overall"]))
    import matplotlib

    matplotlib.use("Agg")  # headless: never needs a display
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5))
    labels = [f"{t}\n(n={r['n']})" for t, r in rows]
    values = [100 * r["accuracy"] for _, r in rows]
    colors = ["#4C72B0"] * (len(rows) - 1) + ["#DD8452"]
    bars = ax.bar(range(len(rows)), values, color=colors)
    for bar, v in zip(bars, values, strict=True):
        ax.text(bar.get_x() + bar.get_width() / 2, v + 1, f"{v:.0f}", ha="center", fontsize=8)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels(labels, rotation=30, ha="right", fontsize=8)
    ax.set_ylim(0, 105)
    ax.set_ylabel("accuracy %")
    ax.set_title(title or "accuracy by question type", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return True


def write_report(run_dir: Path) -> Path:
    """Recompute metrics from predictions and write ``summary.json``, ``report.md``, chart."""
    run_dir = Path(run_dir)
    manifest, summary = load_run(run_dir)
    title = f"{summary.get('system')} on {summary.get('split')} — judge: {summary.get('judge')}"
    has_chart = write_chart(summary, run_dir / CHART, title)
    (run_dir / "summary.json").write_text(json.dumps(summary, indent=2, default=str) + "\n",
                                          encoding="utf-8")
    path = run_dir / REPORT
    path.write_text(render_report(manifest, summary, CHART if has_chart else None),
                    encoding="utf-8")
    return path


def rescore_offline(run_dir: Path) -> tuple[int, int]:
    """Re-judge a run's judged records with today's offline scorer, without re-running anything.

    For runs scored offline only (an LLM judge's verdicts cannot be recomputed offline): each
    record keeps its answer and gets today's verdict; the file is replaced atomically and the
    manifest notes when and how many verdicts changed. Returns (records judged, verdicts changed)."""
    from datetime import UTC, datetime

    from kgmem.evaluation.judge import NORMALISED_MATCH_NAME, NormalisedMatchScorer

    run_dir = Path(run_dir)
    manifest_path, path = run_dir / MANIFEST, run_dir / PREDICTIONS
    if not manifest_path.is_file():
        raise FileNotFoundError(f"{run_dir} is not a run directory (no {MANIFEST})")
    records = read_predictions(path)
    scorer, judged, changed = NormalisedMatchScorer(), 0, 0
    for rec in records:
        old = rec.get("verdict")
        if not old:
            continue
        if old.get("judge") != NORMALISED_MATCH_NAME:
            raise ValueError(f"{path}: question {rec['question_id']} was judged by {old.get('judge')!r}; "
                             "only runs scored offline can be rescored (re-run with that judge instead)")
        verdict = scorer.judge(question=str(rec.get("question") or ""), gold=str(rec.get("gold_answer") or ""),
                               prediction=str(rec.get("predicted_answer") or ""),
                               question_type=str(rec.get("question_type") or ""),
                               is_abstention=bool(rec.get("is_abstention")))
        judged += 1
        changed += (verdict.correct, verdict.method) != (old.get("correct"), old.get("method"))
        rec["verdict"] = {**old, "correct": verdict.correct, "approximate": verdict.approximate,
                          "method": verdict.method}
    tmp = path.with_name(path.name + ".rescore")
    tmp.write_text("".join(json.dumps(r, default=str) + "\n" for r in records), encoding="utf-8")
    tmp.replace(path)  # atomic: a kill leaves the old file or the new one, never half of each
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.setdefault("rescored", []).append({"at": datetime.now(UTC).isoformat(timespec="seconds"),
                                                "scorer": NORMALISED_MATCH_NAME, "judged": judged,
                                                "changed": changed})
    manifest_path.write_text(json.dumps(manifest, indent=2, default=str) + "\n", encoding="utf-8")
    return judged, changed


def compare_runs(run_dirs: list[Path]) -> str:
    """Markdown tables comparing runs: per-type accuracy, latency (mean, IQR), context tokens."""
    loaded = [(Path(d), *load_run(Path(d))) for d in run_dirs]
    names = [f"{s.get('system', m.get('system'))} ({d.name})" for d, m, s in loaded]
    header = "| | " + " | ".join(names) + " |"
    sep = "|---|" + "---:|" * len(names)
    types = sorted({t for _, _, s in loaded for t in s["accuracy"]["per_type"]})
    lines = ["## Accuracy % (n)", "", header, sep]

    def cell(row: dict[str, Any] | None) -> str:
        return "–" if not row or row.get("accuracy") is None else \
            f"{_pct(row['accuracy'])} ({row['n']})"

    for t in types:
        lines.append(f"| {t} | " + " | ".join(cell(s["accuracy"]["per_type"].get(t))
                                              for _, _, s in loaded) + " |")
    for label, key in (("abstention", "abstention"), ("**overall**", "overall")):
        lines.append(f"| {label} | " + " | ".join(cell(s["accuracy"][key])
                                                  for _, _, s in loaded) + " |")
    lines.append("| judge | " + " | ".join(str(s.get("judge")) for _, _, s in loaded) + " |")
    lines += ["", "## Latency per question (ms, answer path)", "", header, sep]
    for stat in ("mean", "p50", "iqr", "p95"):
        lines.append(f"| {stat} | " + " | ".join(
            _ms(s["latency_ms"].get("total", {}).get(stat)) for _, _, s in loaded) + " |")
    lines += ["", "## Context and retrieval", "", header, sep]
    lines.append("| context tokens (mean) | " + " | ".join(
        f"{s['usage']['context_tokens'].get('mean', 0):.0f}" if s["usage"]["context_tokens"].get("n")
        else "–" for _, _, s in loaded) + " |")
    for key in ("recall_any@5", "recall_all@10", "ndcg@10"):
        lines.append(f"| session {key} | " + " | ".join(
            f"{s['retrieval']['session'][key]:.3f}" if "session" in s["retrieval"] else "–"
            for _, _, s in loaded) + " |")
    lines.append("| context recall | " + " | ".join(
        f"{s['retrieval']['context_recall']['value']:.3f}" if "context_recall" in s["retrieval"]
        else "–" for _, _, s in loaded) + " |")
    lines.append("| scope | " + " | ".join(str(s.get("scope", "?")) for _, _, s in loaded) + " |")
    return "\n".join(lines) + "\n"


def write_results_summary(run_dirs: list[Path], stem: Path, note: str = "") -> tuple[Path, Path]:
    """Committable summary of runs: ``<stem>.json`` (metrics + provenance) and ``<stem>.md``.

    Provenance per run: the command line, git sha, dataset sha256, generator version, models,
    judge and scope — so a number in ``eval/results/`` can be traced to how it was produced.
    """
    entries = []
    for d in run_dirs:
        manifest, summary = load_run(Path(d))
        gen = manifest.get("generator") or {}
        entries.append({
            "run_dir": str(d),
            "command": " ".join(["kgmem", *manifest.get("argv", [])[1:]]),
            "git_sha": manifest.get("git_sha"),
            "dataset_files": manifest.get("dataset_files"),
            "dataset_sha256": manifest.get("dataset_sha256"),
            "generator_version": gen.get("generator_version"),
            "answer_model": manifest.get("settings", {}).get("llm_model"),
            "embed_model": manifest.get("settings", {}).get("embed_model"),
            "summary": {k: v for k, v in summary.items() if k != "failed_ids"},
        })
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    json_path = stem.with_suffix(".json")
    json_path.write_text(json.dumps({"note": note, "runs": entries}, indent=2, default=str)
                         + "\n", encoding="utf-8")
    lines = [f"# {stem.name}", ""]
    if note:
        lines += [note, ""]
    for e in entries:
        s = e["summary"]
        lines += [f"- `{e['command']}` — {s.get('mode')}, {s.get('scope')}; "
                  f"**{s['questions']} recorded ({s['failed']} failed) of {s.get('selected')} "
                  f"selected**; git `{e['git_sha']}`; "
                  f"dataset sha256 `{str(e['dataset_sha256'])[:16]}…`; generator "
                  f"{e['generator_version']}; answer model `{e['answer_model']}`; judge "
                  f"`{s.get('judge')}`"]
    lines += ["", compare_runs([Path(d) for d in run_dirs])]
    for d, e in zip(run_dirs, entries, strict=True):
        ret = e["summary"].get("retrieval") or {}
        for level in ("session", "turn"):
            if level in ret:
                r = ret[level]
                lines += [f"### {Path(d).name}: {level}-level retrieval ({r['n']} questions)", "",
                          "| k | recall_any | recall_all | ndcg |", "|---:|---:|---:|---:|"]
                lines += [f"| {k} | {r[f'recall_any@{k}']:.3f} | {r[f'recall_all@{k}']:.3f} | "
                          f"{r[f'ndcg@{k}']:.3f} |" for k in metrics.K_VALUES]
                lines.append("")
    md_path = stem.with_suffix(".md")
    md_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return json_path, md_path
