"""``kgmem query``: answer one question from a user's memory (optionally as of a past date)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Optional

import typer

from kgmem.cli._app import app, emit_json, err, fail, out


def parse_cli_date(value: str | None, flag: str) -> datetime | None:
    """``2023-05-01``, ``2023-05-01T10:00`` or the dataset form ``2023/05/01 (Mon) 10:00``."""
    if value is None:
        return None
    from kgmem.temporal import parse_dataset_date

    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        try:
            parsed = parse_dataset_date(value)
        except ValueError:
            fail(f"{flag}: not a date: {value!r} (use 2023-05-01 or '2023/05/01 (Mon) 10:00')")
    if parsed.tzinfo is not None:
        fail(f"{flag}: give a naive local time without a timezone ({value!r})")
    return parsed


@app.command("query")
def query(
    question: Annotated[str, typer.Argument(help="The question, in plain English.")],
    user: Annotated[str, typer.Option("--user", help="User namespace (or a bare question_id naming one).")],
    question_date: Annotated[Optional[str], typer.Option("--question-date", help="'Today' for the question (default: now, or --as-of).")] = None,  # noqa: UP045
    as_of: Annotated[Optional[str], typer.Option("--as-of", help="Answer from what memory held on this date.")] = None,  # noqa: UP045
    recipe: Annotated[Optional[str], typer.Option("--recipe", help="Retrieval recipe: hybrid-rrf (default), hybrid-nograph, hybrid-graph, vector-only, bm25-only.")] = None,  # noqa: UP045
    store_name: Annotated[Optional[str], typer.Option("--store", help="networkx | neo4j.")] = None,  # noqa: UP045
    no_llm: Annotated[bool, typer.Option("--no-llm", help="Answer without a model (computed answers, abstention, best memory line).")] = False,
    context_tokens: Annotated[Optional[int], typer.Option("--context-tokens", min=50, help="Context budget in answer-model tokens.")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="The full answer record as JSON on stdout.")] = False,
    explain: Annotated[bool, typer.Option("--explain", help="Show the plan, each retriever's candidates and the context (stderr; in --json too).")] = False,
) -> None:
    """Answer QUESTION from USER's memory: plan → hybrid retrieval → dated context → answer."""
    from kgmem.api import Memory
    from kgmem.cli.cmd_ingest import resolve_user
    from kgmem.llm.base import LLMError
    from kgmem.retrieval.planner import plan_query
    from kgmem.retrieval.recipes import get_recipe
    from kgmem.retrieval.search import Retriever
    from kgmem.settings import Settings
    from kgmem.store import StoreError

    try:
        settings = Settings.load({"store": store_name, "context_tokens": context_tokens})
        get_recipe(recipe)
    except ValueError as exc:
        fail(str(exc))
    qd = parse_cli_date(question_date, "--question-date")
    asof = parse_cli_date(as_of, "--as-of")
    try:
        mem = Memory(settings, llm=False if no_llm else None, recipe=recipe)
        user_id = resolve_user(mem.store, user)
        when = qd or asof or datetime.now().replace(second=0, microsecond=0)
        if explain:
            # the same steps Memory.answer runs, kept apart so each can be shown
            plan = plan_query(question, when, as_of=asof)
            result = Retriever(mem.store, mem.embedder, recipe).retrieve(user_id, plan)
            ans = mem.answerer.answer(result)
            ans.extra["plan"] = plan.model_dump(mode="json")
        else:
            ans = mem.answer(user_id, question, question_date=when, as_of=asof)
            result = None
    except (StoreError, LLMError) as exc:
        fail(str(exc))
    explain_data: dict[str, Any] = {}
    if explain and result is not None:
        explain_data = {
            "plan": result.plan.model_dump(mode="json"),
            "retrievers": {name: ids[:10] for name, ids in result.lists.items()},
            "sessions": result.session_ids[:10],
            "context": ans.context,
        }
        err.rule("plan")
        err.print(result.plan.model_dump_json(indent=2, exclude_none=True), highlight=False, markup=False)
        err.rule("retrievers (top 10 each)")
        for name, ids in result.lists.items():
            err.print(f"{name:>18}: {', '.join(ids[:10]) or '—'}", highlight=False, markup=False)
        err.print(f"{'sessions':>18}: {', '.join(result.session_ids[:10])}", highlight=False, markup=False)
        err.rule(f"context ({ans.extra.get('context_tokens')} tokens)")
        err.print(ans.context, highlight=False, markup=False)
        err.rule("answer")
    mem.close()
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
