"""``kgmem ingest`` (dataset → memory graph) and ``kgmem stats`` (what the store holds)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from kgmem.cli._app import (
    JsonOpt,
    StoreOpt,
    Tier,
    app,
    emit_json,
    err,
    fail,
    load_settings,
    open_memory,
    open_server_store,
    out,
    resolve_user,
)

if TYPE_CHECKING:
    from kgmem.api_types import IngestProgress
    from kgmem.datasets.registry import SplitInfo
    from kgmem.memory.ingest import IngestReport
    from kgmem.models import Haystack

_COUNTS = ("users", "sessions", "turns", "entities", "facts", "supersessions")


def _selected(info: SplitInfo, question_id: str | None, limit: int | None,
              seen: list[int]) -> Iterator[Haystack]:
    """The split's haystacks, filtered; ``seen[0]`` counts what was handed out."""
    from kgmem.datasets.longmemeval import iter_haystacks

    for path in info.files:
        for haystack in iter_haystacks(path, info.tag):
            if question_id and haystack.question_id != question_id:
                continue
            if limit is not None and seen[0] >= limit:
                return
            seen[0] += 1
            yield haystack


class _Bar:
    """The haystack and session progress bars; remembers what the events said is finished."""

    def __init__(self, limit: int | None) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=err, transient=False)
        self.haystacks = self.progress.add_task("haystacks", total=limit)
        self.sessions = self.progress.add_task("  sessions", total=None)
        self.finished: dict[str, int] = {}  # sessions done per haystack
        self.complete: set[str] = set()  # haystacks done

    def __enter__(self) -> _Bar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def draw(self, step: IngestProgress) -> None:
        self.finished[step.user_id] = step.sessions_done
        if step.haystack_done:
            self.complete.add(step.user_id)
            self.progress.advance(self.haystacks)
        elif step.sessions_done == 0:
            self.progress.update(self.haystacks, description=f"haystack {step.user_id}")
            self.progress.reset(self.sessions, total=step.sessions_total)
        else:
            self.progress.update(self.sessions, completed=step.sessions_done, total=step.sessions_total)


_EXPLAIN_HELP = "Ingest nothing: show why a stored session's facts were (not) extracted (needs --user and --session)."


@app.command("ingest")
def ingest(
    file: Annotated[Optional[str], typer.Argument(help="A LongMemEval-format file (or a split name).")] = None,  # noqa: UP045
    split: Annotated[Optional[str], typer.Option("--split", help="A registered split name.")] = None,  # noqa: UP045
    question_id: Annotated[Optional[str], typer.Option("--question-id", help="Only this haystack.")] = None,  # noqa: UP045
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most N haystacks.")] = None,  # noqa: UP045
    tier: Annotated[Optional[Tier], typer.Option("--tier", help="Extraction tier (default: settings, else rules).")] = None,  # noqa: UP045
    store_name: StoreOpt = None,
    no_embed: Annotated[bool, typer.Option("--no-embed", help="Skip embeddings (keyword/graph only).")] = False,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Worker processes (haystacks are "
                                         "independent; the graph is the same for any N).")] = 1,
    explain: Annotated[bool, typer.Option("--explain", help=_EXPLAIN_HELP)] = False,
    user: Annotated[Optional[str], typer.Option("--user", help="With --explain: the user namespace.")] = None,  # noqa: UP045
    session: Annotated[Optional[str], typer.Option("--session", help="With --explain: a session id (or dataset session id).")] = None,  # noqa: UP045
    as_json: JsonOpt = False,
) -> None:
    """Ingest haystacks into the memory graph (one user namespace per haystack; incremental)."""
    if explain:
        return _explain(user, session, store_name, tier, as_json)
    target = split or file
    if not target:
        fail("give a FILE or --split NAME")
    if split and file:
        fail("give either FILE or --split, not both")
    settings = load_settings(store=store_name, extraction_tier=tier)
    # a server that cannot be used is reported before the dataset, models and numpy are imported
    store = open_server_store(settings)

    from kgmem.datasets.errors import DatasetError
    from kgmem.datasets.registry import resolve_split
    from kgmem.embeddings import EmbeddingError
    from kgmem.llm.base import LLMError
    from kgmem.store import StoreError

    try:
        info = resolve_split(target, settings)
    except DatasetError as exc:
        if store is not None:
            store.close()
        fail(str(exc))
    seen = [0]
    mem = open_memory(settings, store=store)
    bar = _Bar(limit)
    try:
        with bar:
            report = mem.ingest_haystacks(_selected(info, question_id, limit, seen),
                                          embed=not no_embed, on_progress=bar.draw, workers=workers)
    except KeyboardInterrupt:
        # the ingest stopped between store batches (kgmem.memory.pipeline): what it reported is stored
        err.print(f"interrupted: {len(bar.complete)} haystack(s) complete, {sum(bar.finished.values())} "
                  "session(s) stored; re-run the same command to resume (stored sessions are skipped)",
                  highlight=False, soft_wrap=True)
        raise typer.Exit(130) from None
    except DatasetError as exc:
        # a bad record stops the run there; the haystacks written before it stay (kgmem.memory.pipeline)
        fail(f"{exc}\n{len(bar.complete)} haystack(s) are stored; fix the record and re-run the "
             "same command to resume (stored sessions are skipped)")
    except (StoreError, EmbeddingError, LLMError, RuntimeError) as exc:
        fail(str(exc))
    finally:
        mem.close()
    if question_id and seen[0] == 0:
        fail(f"question_id {question_id!r} is not in {info.path}")
    summary = {"split": info.name, "tier": settings.extraction_tier, "store": settings.store,
               "haystacks": seen[0], **report.to_dict()}
    if as_json:
        emit_json(summary)
    else:
        _print_summary(report, seen[0])
    if report.sessions_failed:
        raise typer.Exit(1)


def _print_summary(report: IngestReport, haystacks: int) -> None:
    """The plain-text summary line, failures, and whether the LLM tier fell back to zero-LLM."""
    out.print(
        f"{haystacks} haystack(s): {report.sessions_written} sessions written "
        f"({report.sessions_skipped} already stored, {report.sessions_failed} failed), "
        f"{report.facts_added} facts, {report.facts_merged} merged, "
        f"{report.supersessions} supersessions, {report.seconds:.1f} s"
    )
    if report.sessions_stale:
        err.print(f"[yellow]note[/] {report.sessions_stale} of the already-stored sessions were extracted by "
                  "another version of the extractor; their facts are kept as they were (ingest into a fresh "
                  "KGMEM_HOME to re-extract them)", highlight=False)
    for fl in report.failures[:10]:
        err.print(f"[yellow]failed[/] {fl['session_id']} ({fl['stage']}): {fl['error']}", highlight=False)
    if report.extraction_fallbacks:
        # the LLM tier fell back (e.g. its server is down): the run went on with zero-LLM facts
        out.print(f"extraction: {report.extraction_fallbacks} session(s) kept their zero-LLM facts only: "
                  + "; ".join(report.extraction_notes), highlight=False)


def _explain(user: str | None, session: str | None, store_name: object, tier: object, as_json: bool) -> None:
    """Print, per candidate clause, the proposals with scores, the value found and the decision."""
    if not user or not session:
        fail("--explain needs --user ID and --session SID")
    settings = load_settings(store=store_name, extraction_tier=tier)
    mem = open_memory(settings)
    try:
        try:
            report = mem.explain_extraction(resolve_user(mem, user), session)
        except (KeyError, TypeError) as exc:
            fail(str(exc).strip("'\""))
    finally:
        mem.close()
    if as_json:
        emit_json(report)
        return
    out.print(f"session {report['session']} ({report['source_id']}) of {report['user']}, {report['date']}, "
              f"extractor {report['extractor']}", highlight=False)
    for c in report["clauses"]:
        out.print(f"\n[bold]turn {c['turn']}[/]: {c['clause']!r}  (about: {c['about']}; checks: {c['checks']})",
                  highlight=False)
        if c["proposals"]:
            out.print("  proposals: " + ", ".join(f"{p['predicate']} {p['score']:.3f}" for p in c["proposals"]),
                      highlight=False)
        for v in c["values"]:
            out.print(f"  value for {v['predicate']}: {v['value'] or '(none of its kind)'}", highlight=False)
        out.print(f"  decision: {c['decision']}", highlight=False)
    out.print("\nfacts extracted:", highlight=False)
    for f in report["facts"]:
        who = f["speaker"] if f["subject"] == "user" else f["subject"]
        out.print(f"  {who}.{f['predicate']} = {f['value']!r} (turns {f['source_turns']}"
                  + (f", {f['time_text']!r})" if f.get("time_text") else ")"), highlight=False)


@app.command("stats")
def stats(
    user: Annotated[Optional[str], typer.Option("--user", help="A namespace or bare question_id.")] = None,  # noqa: UP045
    store_name: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Counts of users, sessions, turns, entities, facts and supersessions in the store."""
    from kgmem.store import StoreError

    settings = load_settings(store=store_name)
    mem = open_memory(settings)
    try:
        uid = resolve_user(mem, user) if user else None
        st = mem.stats(uid)
    except StoreError as exc:
        fail(str(exc))
    finally:
        mem.close()
    data = {"store": settings.store, "user": uid, **{k: getattr(st, k) for k in _COUNTS}}
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    table = Table(title=f"kgmem store ({settings.store})" + (f" — {uid}" if uid else ""))
    for k in _COUNTS:
        table.add_column(k, justify="right")
    table.add_row(*(str(data[k]) for k in _COUNTS))
    out.print(table)
