"""``kgmem facts`` and ``kgmem history``: what memory holds, for either store.

The JSON they print is the HTTP API's and the MCP tools' (same service, same records).
"""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer

from kgmem.cli._app import app, emit_json, fail, out

UserOpt = Annotated[str, typer.Option("--user", help="User namespace (or a bare question_id naming one).")]
StoreOpt = Annotated[Optional[str], typer.Option("--store", help="networkx | neo4j.")]  # noqa: UP045
JsonOpt = Annotated[bool, typer.Option("--json", help="The records as JSON on stdout.")]


def _open(store_name: str | None, user: str) -> tuple[Any, str]:
    from kgmem.api import Memory
    from kgmem.cli.cmd_ingest import resolve_user
    from kgmem.serve.service import MemoryService
    from kgmem.settings import Settings

    try:
        settings = Settings.load({"store": store_name})
    except ValueError as exc:
        fail(str(exc))
    mem = Memory(settings, llm=False)
    return MemoryService(mem), resolve_user(mem.store, user)


def _day(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value is not None else "—"


def _table(title: str, facts: list[Any]) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    for col in ("said", "subject", "predicate", "value", "valid from", "status", "id"):
        table.add_column(col, overflow="fold")
    for f in facts:
        status = "current" if f.current else f"replaced {_day(f.invalid_at)}"
        table.add_row(_day(f.observed_at), f.subject or f.subject_id, f.predicate,
                      f.value or f.object or "", _day(f.valid_from), status, f.id)
    out.print(table)


@app.command("facts")
def facts(
    user: UserOpt,
    predicate: Annotated[Optional[str], typer.Option("--predicate", help="Only this predicate (e.g. lives_in).")] = None,  # noqa: UP045
    subject: Annotated[Optional[str], typer.Option("--subject", help="Only this subject ('user' for the user).")] = None,  # noqa: UP045
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Memory as it stood on this date.")] = None,  # noqa: UP045
    current: Annotated[bool, typer.Option("--current", help="Only facts not superseded.")] = False,
    store_name: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List the facts memory holds about USER (oldest first), for the embedded store or Neo4j."""
    from kgmem.serve.service import ServiceError
    from kgmem.store import StoreError

    try:
        service, user_id = _open(store_name, user)
        res = service.list_facts(user_id, predicate=predicate, subject=subject, as_of=as_of, current_only=current)
        service.memory.close()
    except (ServiceError, StoreError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(res.model_dump(mode="json"))
        return
    what = " ".join(x for x in (predicate, f"as of {as_of}" if as_of else None) if x)
    _table(f"{user_id}: {len(res.facts)} facts{' (' + what + ')' if what else ''}", res.facts)


@app.command("history")
def history(
    user: UserOpt,
    predicate: Annotated[str, typer.Option("--predicate", help="The slot's predicate (e.g. lives_in).")],
    subject: Annotated[str, typer.Option("--subject", help="The slot's subject ('user' for the user).")] = "user",
    store_name: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every version of one (subject, predicate) slot, oldest first, with its SUPERSEDES chain."""
    from kgmem.serve.service import ServiceError
    from kgmem.store import StoreError

    try:
        service, user_id = _open(store_name, user)
        res = service.get_history(user_id, subject, predicate)
        service.memory.close()
    except (ServiceError, StoreError) as exc:
        fail(str(exc))
    if as_json:
        emit_json(res.model_dump(mode="json"))
        return
    if not res.versions:
        out.print(f"{user_id}: no {subject} {predicate} facts in memory", highlight=False)
        return
    _table(f"{user_id}: {subject} {predicate}, {len(res.versions)} version(s)", res.versions)
    for e in res.supersessions:
        out.print(f"{e.new_fact_id} SUPERSEDES {e.old_fact_id} (at {_day(e.at)})", highlight=False)
