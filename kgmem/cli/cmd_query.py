"""``kgmem query``: answer one question from a user's memory (optionally as of a past date)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Optional

import typer

from kgmem.cli._app import (
    StoreOpt,
    UserOpt,
    app,
    emit_json,
    err,
    fail,
    load_settings,
    open_memory,
    out,
    parse_cli_date,
    resolve_user,
)


@app.command("query")
def query(
    question: Annotated[str, typer.Argument(help="The question, in plain English.")],
    user: UserOpt,
    question_date: Annotated[Optional[str], typer.Option("--question-date", help="'Today' for the question (default: now, or --as-of).")] = None,  # noqa: UP045
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Answer from what memory held on this date.")] = None,  # noqa: UP045
    # a string, not a choice: the recipe registry (kgmem.retrieval.recipes) grows with retrieval work
    recipe: Annotated[Optional[str], typer.Option("--recipe", help="Retrieval recipe: hybrid-rrf (default), hybrid-nograph, hybrid-graph, vector-only, bm25-only.")] = None,  # noqa: UP045
    store_name: StoreOpt = None,
    no_llm: Annotated[bool, typer.Option("--no-llm", help="Answer without a model (computed answers, abstention, best memory line).")] = False,
    context_tokens: Annotated[Optional[int], typer.Option("--context-tokens", min=50, help="Context budget in answer-model tokens.")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="The full answer record as JSON on stdout.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the plan, each retriever's candidates and the context (stderr; in --json too).")] = False,
) -> None:
    """Answer QUESTION from USER's memory: plan → hybrid retrieval → dated context → answer."""
    from kgmem.llm.base import LLMError
    from kgmem.store import StoreError

    settings = load_settings(store=store_name, context_tokens=context_tokens)
    qd = parse_cli_date(question_date, "--question-date")
    asof = parse_cli_date(as_of, "--as-of")
    mem = open_memory(settings, llm=False if no_llm else None, recipe=recipe)
    try:
        user_id = resolve_user(mem, user)
        when = qd or asof or datetime.now().replace(second=0, microsecond=0)
        ans = mem.answer(user_id, question, question_date=when, as_of=asof, explain=explain)
    except (StoreError, LLMError) as exc:
        fail(str(exc))
    finally:
        mem.close()
    explain_data: dict[str, Any] = (ans.extra.pop("explain", None) or {}) if explain else {}
    if explain_data:
        _show_explain(explain_data, ans.extra.get("context_tokens"))
    if as_json:
        record = ans.model_dump(mode="json")
        record["user_id"] = user_id
        if explain_data:
            record["explain"] = explain_data
        emit_json(record)
        return
    out.print(ans.text, highlight=False, markup=False)
    tags = [t for t, on in (("computed", ans.deterministic), ("abstained", ans.abstained)) if on]
    err.print(f"[dim]{', '.join(tags) + '; ' if tags else ''}facts {len(ans.fact_ids)}, turns {len(ans.turn_ids)}, "
              f"sessions {', '.join(ans.session_ids[:5])}; "
              + ", ".join(f"{k} {v:.0f} ms" for k, v in ans.timings_ms.items()) + "[/]", highlight=False)


def _show_explain(data: dict[str, Any], context_tokens: Any) -> None:
    """What the answer carries in ``extra["explain"]``, section by section, on stderr."""
    import json

    for key, value in data.items():
        if key == "context":
            err.rule(f"context ({context_tokens} tokens)")
            err.print(str(value), highlight=False, markup=False)
        elif key == "retrievers" and isinstance(value, dict):
            err.rule("retrievers (top 10 each)")
            for name, ids in value.items():
                err.print(f"{name:>18}: {', '.join(map(str, ids)) or '—'}", highlight=False, markup=False)
        else:
            err.rule(key)
            text = ", ".join(map(str, value)) if isinstance(value, list) else json.dumps(value, indent=2, default=str)
            err.print(text, highlight=False, markup=False)
    err.rule("answer")
