"""``kgmem data validate | download | splits``: dataset files on disk."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kgmem.cli._app import JsonOpt, data_app, emit_json, err, fail, load_settings, out

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from kgmem.datasets.download import DownloadResult, ProgressFn


class Source(str, Enum):
    """Which benchmark files ``kgmem data download`` fetches."""

    longmemeval = "longmemeval"
    investigathon = "investigathon"
    all = "all"


DataDirOpt = Annotated[
    Optional[Path],  # noqa: UP045 - typer needs Optional at runtime on some versions
    typer.Option("--data-dir", help="Data folder (default: KGMEM_DATA_DIR, config, ./data)."),
]


@data_app.command("validate")
def validate(
    file: Annotated[str, typer.Argument(help="A LongMemEval-format file, or a split name.")],
    as_json: JsonOpt = False,
    max_problems: Annotated[
        int, typer.Option(help="Stop collecting after this many problems.")
    ] = 1000,
    data_dir: DataDirOpt = None,
) -> None:
    """Check a dataset file and report EVERY problem (exit 1 if any, 0 with a summary if none)."""
    from kgmem.datasets.errors import DatasetError
    from kgmem.datasets.longmemeval import scan_file
    from kgmem.datasets.registry import resolve_split

    try:
        path = resolve_split(file, load_settings(data_dir=data_dir)).path
    except DatasetError as exc:
        fail(str(exc))
    report = scan_file(path, max_problems=max_problems)
    if as_json:
        emit_json(
            {
                "file": str(path),
                "ok": report.ok,
                "records": report.records,
                "sessions": report.sessions,
                "turns": report.turns,
                "problems": [p.to_dict() for p in report.problems],
                "truncated": report.truncated,
            }
        )
    elif report.ok:
        out.print(
            f"OK {path}: {report.records} records, {report.sessions} sessions, "
            f"{report.turns} turns",
            highlight=False,
            soft_wrap=True,
        )
    else:
        for problem in report.problems:
            out.print(str(problem), highlight=False, markup=False, soft_wrap=True)
        more = f" (stopped at --max-problems {max_problems})" if report.truncated else ""
        err.print(
            f"[bold red]{len(report.problems)} problem(s)[/] in {path}{more}", highlight=False
        )
    if not report.ok:
        raise typer.Exit(1)


@data_app.command("splits")
def splits(
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """List the registered splits, where their files live and whether they are present."""
    from kgmem.datasets.registry import list_splits

    infos = list_splits(load_settings(data_dir=data_dir))
    if as_json:
        emit_json([i.to_dict() for i in infos])
        return
    # plain aligned lines, not a rich table: paths stay whole and greppable at any width
    header = f"{'split':<22} {'present':<8} {'source':<11} {'answers':<8} {'gold':<5} {'oracle twin':<21} file"
    out.print(header, style="bold", highlight=False, soft_wrap=True)
    for i in infos:
        out.print(
            f"{i.name:<22} {'yes' if i.present else 'no':<8} {i.source:<11} "
            f"{'yes' if i.has_answers else 'no':<8} {'yes' if i.has_gold_facts else 'no':<5} "
            f"{i.oracle_twin or '-':<21} {i.path}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    missing = [i for i in infos if not i.present]
    if missing:
        err.print("To get a missing split:", highlight=False)
        for i in missing:
            err.print(f"  {i.name}: {i.hint}", highlight=False, markup=False, soft_wrap=True)


def _progress_fn(progress: Progress) -> ProgressFn:
    tasks: dict[str, TaskID] = {}

    def update(name: str, done: int, total: int | None) -> None:
        if name not in tasks:
            tasks[name] = progress.add_task(name, total=total)
        progress.update(tasks[name], completed=done, total=total)

    return update


@data_app.command("download")
def download(
    what: Annotated[Source, typer.Argument(help="Which files to fetch.")] = Source.all,
    url: Annotated[
        Optional[list[str]],  # noqa: UP045
        typer.Option(
            "--url",
            help="NAME=URL or NAME=<Drive file id> for an Investigathon file; NAME is "
            "eval-oracle, eval-s, heldout-s or the file name. Repeatable.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Download again even if present.")] = False,
    as_json: JsonOpt = False,
    data_dir: DataDirOpt = None,
) -> None:
    """Fetch LongMemEval (Hugging Face) and the Investigathon files (Google Drive links)."""
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    from kgmem.datasets.download import (
        DownloadError,
        download_investigathon,
        download_longmemeval,
    )

    urls: dict[str, str] = {}
    for item in url or []:
        name, sep, value = item.partition("=")
        if not sep or not name or not value:
            fail(f"--url expects NAME=URL, got {item!r}")
        urls[name.strip()] = value.strip()
    settings = load_settings(data_dir=data_dir)
    results: list[DownloadResult] = []
    errors: list[str] = []
    instructions = ""
    columns = (
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=err, transient=True) as progress:
        cb = _progress_fn(progress)
        if what in (Source.longmemeval, Source.all):
            try:
                results += download_longmemeval(settings.data_dir, force=force, progress=cb)
            except DownloadError as exc:
                errors.append(f"longmemeval: {exc}")
        if what in (Source.investigathon, Source.all):
            try:
                got, plan = download_investigathon(
                    settings.data_dir, urls, force=force, progress=cb
                )
                results += got
                if plan.missing:
                    instructions = plan.instructions()
            except DownloadError as exc:
                errors.append(f"investigathon: {exc}")
    _report(results, errors, instructions, as_json)
    if errors or instructions:
        raise typer.Exit(1)


def _report(results: list[DownloadResult], errors: list[str], instructions: str, as_json: bool) -> None:
    if as_json:
        emit_json(
            {
                "results": [
                    {
                        "path": str(r.path),
                        "size": r.size,
                        "sha256": r.sha256,
                        "status": r.status,
                        "checksum": r.checksum,
                    }
                    for r in results
                ],
                "errors": errors,
                "instructions": instructions or None,
            }
        )
    else:
        for r in results:
            out.print(
                f"{r.status:<10} {r.checksum:<11} {r.size:>13,d} B  {r.path}",
                highlight=False,
                soft_wrap=True,
            )
        for e in errors:
            err.print(f"[bold red]error:[/] {e}", highlight=False, soft_wrap=True)
        if instructions:
            err.print(instructions, highlight=False, markup=False, soft_wrap=True)

