"""``kgmem eval`` (run or resume an evaluation) and ``kgmem report`` (rebuild / compare)."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from kgmem.cli._app import (
    JsonOpt,
    StoreOpt,
    app,
    echo,
    emit_json,
    err,
    fail,
    load_settings,
    open_server_store,
    out,
)

if TYPE_CHECKING:
    from rich.progress import Progress

    from kgmem.evaluation.runner import RunResult


class SystemName(str, Enum):
    """A system under evaluation (``--system``; kgmem.evaluation.systems.SYSTEM_NAMES)."""

    kgmem = "kgmem"
    baseline_rag = "baseline-rag"


class JudgePrompt(str, Enum):
    """The judge's prompt family (``--judge-prompt``)."""

    longmemeval = "longmemeval"
    investigathon = "investigathon"


@app.command("eval")
def eval_cmd(
    split: Annotated[str, typer.Option("--split", help="Split name (see `kgmem data splits`) or "
                                       "a LongMemEval-format file.")],
    limit: Annotated[Optional[int], typer.Option(help="At most N questions (file order).")] = None,  # noqa: UP045
    per_type: Annotated[Optional[int], typer.Option(  # noqa: UP045
        "--per-type", help="Seeded stratified sample: N per question type (+ N abstention).")] = None,
    types: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--types", help="Only these question types (repeatable; 'abstention' for _abs); with --per-type, the ones its draw holds.")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the stratified sample.")] = 0,
    question_id: Annotated[Optional[list[str]], typer.Option(  # noqa: UP045
        "--question-id", help="Only these question ids (repeatable).")] = None,
    system: Annotated[SystemName, typer.Option(help="The system to evaluate.")] = SystemName.kgmem,
    store: StoreOpt = None,
    model: Annotated[Optional[str], typer.Option(help="Answer model (default: settings).")] = None,  # noqa: UP045
    judge: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help="Judge model (e.g. gpt-5-mini); without one the offline normalised-match scorer "
             "is used.")] = None,
    judge_prompt: Annotated[Optional[JudgePrompt], typer.Option(  # noqa: UP045
        "--judge-prompt", help="Judge prompt family (default: by split).")] = None,
    retrieval_only: Annotated[bool, typer.Option(
        "--retrieval-only", help="Rank sessions only (no LLM): retrieval metrics over the "
                                 "selection.")] = False,
    run_dir: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--run-dir", help="Run directory (default eval/runs/<split>-<system>-<hash>).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Bypass the LLM cache.")] = False,
    allow_missing: Annotated[bool, typer.Option(
        "--allow-missing", help="Write submission.json even with failed questions (as '').")] = False,
    fail_fast: Annotated[bool, typer.Option(
        "--fail-fast", help="Stop at the first question error instead of recording it.")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (each question is "
                                         "its own namespace; the records are the same for any N).")] = 1,
    as_json: JsonOpt = False,
) -> None:
    """Evaluate a system on a split; re-running the same command resumes where it stopped."""
    settings = load_settings(store=store, llm_model=model, judge_model=judge,
                             llm_cache=False if no_cache else None)
    if system is SystemName.kgmem:
        # a server that cannot be used is reported before the dataset and the models load
        probe = open_server_store(settings)
        if probe is not None:
            probe.close()

    from kgmem.datasets.errors import DatasetError
    from kgmem.evaluation.runner import EvalConfig, RunError, run_eval
    from kgmem.llm import LLMError
    from kgmem.store import StoreError

    config = EvalConfig(split=split, system=system.value, limit=limit, per_type=per_type, types=types,
                        seed=seed, question_ids=question_id, retrieval_only=retrieval_only,
                        judge_style=judge_prompt.value if judge_prompt else None,
                        run_dir=run_dir, allow_missing=allow_missing,
                        on_error="raise" if fail_fast else "record", workers=workers)
    bar, progress = _progress_bar()
    try:
        with bar:
            result = run_eval(config, settings, progress=progress)
    except KeyboardInterrupt:
        err.print("interrupted: finished questions are saved; re-run the same command to resume")
        raise typer.Exit(130) from None
    except (DatasetError, RunError, LLMError, StoreError, FileNotFoundError) as exc:
        fail(str(exc))
    summary = result.summary
    if as_json:
        emit_json({**summary, "skipped": result.skipped,
                   "submission": str(result.submission) if result.submission else None,
                   "submission_error": result.submission_error})
    else:
        _show_summary(result, system.value)
    if result.submission_error:
        err.print(f"[bold red]error:[/] {result.submission_error}", highlight=False)
        raise typer.Exit(1)
    if summary["failed"]:
        err.print(f"{summary['failed']} question(s) failed; re-run the same command to retry them")
        raise typer.Exit(1)


def _progress_bar() -> tuple[Progress, Callable[[int, int, dict[str, Any]], None]]:
    """One bar for the whole run (whatever --workers) and a line per finished question above it."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("questions"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err, transient=True)
    task = bar.add_task("questions", total=None)

    def progress(done: int, total: int, rec: dict[str, Any]) -> None:
        verdict = rec.get("verdict")
        mark = ("ERROR " + str(rec.get("error"))[:100]) if rec.get("error") else (
            "correct" if verdict and verdict["correct"] else "wrong" if verdict else "done")
        ms = (rec.get("latency_ms") or {}).get("total")
        took = f" {ms / 1000:.1f}s" if ms is not None else ""
        bar.update(task, completed=done, total=total)
        err.print(f"[{done}/{total}] {rec['question_id']} ({rec.get('question_type')}): "
                  f"{mark}{took}", highlight=False)

    return bar, progress


def _show_summary(result: RunResult, system: str) -> None:
    """The run's figures as a table on stdout."""
    summary = result.summary
    acc = summary["accuracy"]["overall"]
    out.print(f"run dir: {result.run_dir}")
    out.print(f"{summary['questions']} questions ({result.skipped} resumed), "
              f"{summary['failed']} failed; judge: {summary.get('judge')}")
    if acc["accuracy"] is not None:
        from rich.table import Table

        table = Table(title=f"{summary.get('system', system)} — accuracy by question type")
        for col in ("question type", "n", "correct", "accuracy %"):
            table.add_column(col, justify="left" if col == "question type" else "right")
        rows = [*summary["accuracy"]["per_type"].items(),
                ("abstention (_abs)", summary["accuracy"]["abstention"]), ("overall", acc)]
        for label, row in rows:
            pct = "–" if row["accuracy"] is None else f"{100 * row['accuracy']:.1f}"
            table.add_row(label, str(row["n"]), str(row["correct"]), pct)
        out.print(table)
    ses = summary["retrieval"].get("session")
    if ses:
        out.print(f"session recall_any@5 {ses['recall_any@5']:.3f}, "
                  f"recall_all@10 {ses['recall_all@10']:.3f}, ndcg@10 {ses['ndcg@10']:.3f}")
    out.print(f"report: {result.run_dir / 'report.md'}")
    if result.submission:
        out.print(f"submission: {result.submission}")


@app.command("report")
def report_cmd(
    run: Annotated[Path, typer.Argument(help="A run directory (from `kgmem eval`).")],
    compare: Annotated[Optional[list[Path]], typer.Option(  # noqa: UP045
        "--compare", help="Other run directories to put side by side (repeatable).")] = None,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", help="Also write the comparison Markdown here.")] = None,
    results: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--results", help="Also write a committable summary STEM.json + STEM.md (e.g. "
                          "eval/results/baseline_rag_sample) with command, git sha and "
                          "generator version.")] = None,
    note: Annotated[str, typer.Option(help="A sentence for the --results summary.")] = "",
    rescore: Annotated[bool, typer.Option(
        "--rescore", help="First re-judge the runs' answers with today's offline scorer (runs scored "
                          "offline only; nothing is re-run).")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Rebuild a run's report from predictions.jsonl; with --compare, tables side by side."""
    from kgmem.evaluation.report import (
        compare_runs,
        load_run,
        rescore_offline,
        write_report,
        write_results_summary,
    )

    try:
        if rescore:
            for d in [run, *(compare or [])]:
                judged, changed = rescore_offline(d)
                err.print(f"{d}: {judged} answers re-judged offline, {changed} verdicts changed")
        path = write_report(run)
        if compare:
            for other in compare:
                write_report(other)
            text = compare_runs([run, *compare])
        else:
            text = path.read_text(encoding="utf-8")
    except (FileNotFoundError, ValueError) as exc:
        fail(str(exc))
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        err.print(f"wrote {output}")
    if results:
        paths = write_results_summary([run, *(compare or [])], results, note)
        err.print(f"wrote {paths[0]} and {paths[1]}")
    if as_json:
        emit_json([load_run(d)[1] for d in [run, *(compare or [])]])
    else:
        echo(text.rstrip("\n"))  # raw Markdown as is
