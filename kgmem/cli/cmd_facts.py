"""``kgmem facts`` and ``kgmem history``: what memory holds, for either store.

The JSON they print is the HTTP API's and the MCP tools' (same service, same records).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Optional, TypeVar

import typer

from kgmem.cli._app import (
    JsonOpt,
    StoreOpt,
    UserOpt,
    app,
    echo,
    emit_json,
    fail,
    load_settings,
    open_memory,
    out,
    parse_cli_date,
    resolve_user,
)

T = TypeVar("T")


def _query(store_name: Any, user: str, call: Callable[[Any, str], T]) -> T:
    """``call(service, user_id)`` with the serve layer's service over this store (the JSON the
    commands print is the API's), the store closed after it and an error as a one-line failure."""
    from kgmem.serve.service import MemoryService, ServiceError
    from kgmem.store import StoreError

    mem = open_memory(load_settings(store=store_name), llm=False)
    try:
        return call(MemoryService(mem), resolve_user(mem, user))
    except (ServiceError, StoreError) as exc:
        fail(str(exc))
    finally:
        mem.close()


def _day(value: Any) -> str:
    return value.strftime("%Y-%m-%d") if value is not None else "—"


def _table(title: str, facts: list[Any]) -> None:
    from rich.table import Table

    table = Table(title=title, title_justify="left")
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
    when = parse_cli_date(as_of, "--as-of")
    res = _query(store_name, user, lambda service, user_id: service.list_facts(
        user_id, predicate=predicate, subject=subject, as_of=when, current_only=current))
    if as_json:
        emit_json(res.model_dump(mode="json"))
        return
    what = " ".join(x for x in (predicate, f"as of {as_of}" if as_of else None) if x)
    _table(f"{res.user_id}: {len(res.facts)} facts{' (' + what + ')' if what else ''}", res.facts)


@app.command("history")
def history(
    user: UserOpt,
    predicate: Annotated[str, typer.Option("--predicate", help="The slot's predicate (e.g. lives_in).")],
    subject: Annotated[str, typer.Option("--subject", help="The slot's subject ('user' for the user).")] = "user",
    store_name: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Every version of one (subject, predicate) slot, oldest first, with its SUPERSEDES chain."""
    res = _query(store_name, user, lambda service, user_id: service.get_history(user_id, subject, predicate))
    if as_json:
        emit_json(res.model_dump(mode="json"))
        return
    if not res.versions:
        echo(f"{res.user_id}: no {subject} {predicate} facts in memory")
        return
    _table(f"{res.user_id}: {subject} {predicate}, {len(res.versions)} version(s)", res.versions)
    for e in res.supersessions:
        echo(f"{e.new_fact_id} SUPERSEDES {e.old_fact_id} (at {_day(e.at)})")
