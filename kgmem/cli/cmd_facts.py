"""``kgmem facts`` and ``kgmem history``: what memory holds, for either store.

The JSON they print is the HTTP API's and the MCP tools' (same service, same records).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Optional

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


def _ask(store_name: Any, user: str, as_json: bool, question: Callable[[Any, str], Any]) -> tuple[Any, str] | None:
    """``question(service, user_id)`` on the serve layer's service over this store, for the
    namespace ``user`` names; errors end the command. With ``as_json`` the record is printed
    here and None returned; else (record, user_id) for the command to draw."""
    from kgmem.serve.service import MemoryService, ServiceError
    from kgmem.store import StoreError

    mem = open_memory(load_settings(store=store_name), llm=False)
    try:
        user_id = resolve_user(mem, user)
        res = question(MemoryService(mem), user_id)
    except (ServiceError, StoreError) as exc:
        fail(str(exc))
    finally:
        mem.close()
    if as_json:
        emit_json(res.model_dump(mode="json"))
        return None
    return res, user_id


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
    asked = _ask(store_name, user, as_json, lambda service, user_id: service.list_facts(
        user_id, predicate=predicate, subject=subject, as_of=when, current_only=current))
    if asked is None:
        return
    res, user_id = asked
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
    asked = _ask(store_name, user, as_json,
                 lambda service, user_id: service.get_history(user_id, subject, predicate))
    if asked is None:
        return
    res, user_id = asked
    if not res.versions:
        echo(f"{user_id}: no {subject} {predicate} facts in memory")
        return
    _table(f"{user_id}: {subject} {predicate}, {len(res.versions)} version(s)", res.versions)
    for e in res.supersessions:
        echo(f"{e.new_fact_id} SUPERSEDES {e.old_fact_id} (at {_day(e.at)})")
