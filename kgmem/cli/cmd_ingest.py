"""``kgmem ingest`` (dataset → memory graph) and ``kgmem stats`` (what the store holds)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from kgmem.cli._app import app, emit_json, err, fail, out

if TYPE_CHECKING:
    from kgmem.extraction.schema import Extractor
    from kgmem.settings import Settings
    from kgmem.store.base import MemoryStore


def _settings(overrides: dict[str, Any]) -> Settings:
    from kgmem.settings import Settings

    try:
        return Settings.load(overrides)
    except ValueError as exc:
        fail(str(exc))


def build_extractor(settings: Settings, tier: str) -> Extractor:
    """The extractor for a tier (``llm`` goes through the LLM layer, falling back to rules)."""
    from kgmem.extraction.rules import RuleExtractor

    if tier == "rules":
        return RuleExtractor()
    if tier == "llm":
        from kgmem.extraction.agent import LLMExtractor
        from kgmem.llm import get_llm

        return LLMExtractor(get_llm(settings, role="extraction"))
    fail(f"unknown extraction tier {tier!r}; use rules or llm")


def resolve_user(store: MemoryStore, user: str) -> str:
    """A full namespace key, or a bare question_id naming exactly one namespace."""
    from kgmem.ids import split_namespace

    users = store.users()
    if user in users:
        return user
    matches = [u for u in users if split_namespace(u)[1] == user]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        fail(f"no user namespace {user!r} in the store ({len(users)} namespaces; see `kgmem stats`)")
    fail(f"{user!r} is ambiguous; use one of: " + ", ".join(matches))


@app.command("ingest")
def ingest(
    file: Annotated[Optional[str], typer.Argument(help="A LongMemEval-format file (or a split name).")] = None,  # noqa: UP045
    split: Annotated[Optional[str], typer.Option("--split", help="A registered split name.")] = None,  # noqa: UP045
    question_id: Annotated[Optional[str], typer.Option("--question-id", help="Only this haystack.")] = None,  # noqa: UP045
    limit: Annotated[Optional[int], typer.Option("--limit", min=1, help="At most N haystacks.")] = None,  # noqa: UP045
    tier: Annotated[Optional[str], typer.Option("--tier", help="Extraction tier: rules | llm.")] = None,  # noqa: UP045
    store_name: Annotated[Optional[str], typer.Option("--store", help="networkx | neo4j.")] = None,  # noqa: UP045
    no_embed: Annotated[bool, typer.Option("--no-embed", help="Skip embeddings (keyword/graph only).")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable summary on stdout.")] = False,
) -> None:
    """Ingest haystacks into the memory graph (one user namespace per haystack; incremental)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kgmem.datasets.errors import DatasetError
    from kgmem.datasets.longmemeval import iter_haystacks
    from kgmem.datasets.registry import resolve_split
    from kgmem.embeddings import EmbeddingError, embedder_from_settings
    from kgmem.extraction.cache import CACHE_FILENAME, ExtractionCache
    from kgmem.memory.ingest import IngestReport, ingest_haystacks
    from kgmem.models import Haystack
    from kgmem.store import StoreError, open_store

    target = split or file
    if not target:
        fail("give a FILE or --split NAME")
    if split and file:
        fail("give either FILE or --split, not both")
    settings = _settings({"store": store_name, "extraction_tier": tier})
    try:
        info = resolve_split(target, settings)
    except DatasetError as exc:
        fail(str(exc))
    try:
        # the store first: an unreachable server is reported before any model loads
        store = open_store(settings)
    except StoreError as exc:
        fail(str(exc))
    extractor = build_extractor(settings, settings.extraction_tier)
    try:
        embedder = None if no_embed else embedder_from_settings(settings)
    except EmbeddingError as exc:
        fail(str(exc))
    cache = ExtractionCache(settings.cache_dir / CACHE_FILENAME)

    start = time.perf_counter()
    seen = 0
    try:
        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                      TimeElapsedColumn(), console=err, transient=False) as progress:
            task = progress.add_task("haystacks", total=limit)

            def selected() -> Iterator[Haystack]:
                nonlocal seen
                for f in info.files:
                    for h in iter_haystacks(f, info.tag):
                        if question_id and h.question_id != question_id:
                            continue
                        if limit is not None and seen >= limit:
                            return
                        seen += 1
                        yield h

            def on_haystack(h: Haystack, rep: IngestReport) -> None:
                progress.update(task, description=f"haystack {h.user_id}")
                progress.advance(task)

            # planning (extraction, embeddings) runs ahead of the store writer; many sessions
            # share one store transaction
            total = ingest_haystacks(store, selected(), extractor=extractor, embedder=embedder, cache=cache,
                                     on_haystack=on_haystack)
    except DatasetError as exc:
        fail(str(exc))
    except StoreError as exc:
        fail(str(exc))
    finally:
        store.close()
    if question_id and seen == 0:
        fail(f"question_id {question_id!r} is not in {info.path}")
    total.seconds = time.perf_counter() - start
    summary = {"split": info.name, "tier": settings.extraction_tier, "store": settings.store,
               "haystacks": seen, **total.to_dict()}
    if as_json:
        emit_json(summary)
    else:
        out.print(
            f"{seen} haystack(s): {total.sessions_written} sessions written "
            f"({total.sessions_skipped} already stored, {total.sessions_failed} failed), "
            f"{total.facts_added} facts, {total.facts_merged} merged, "
            f"{total.supersessions} supersessions, {total.seconds:.1f} s"
        )
        for fl in total.failures[:10]:
            err.print(f"[yellow]failed[/] {fl['session_id']} ({fl['stage']}): {fl['error']}", highlight=False)
    if total.sessions_failed:
        raise typer.Exit(1)


@app.command("stats")
def stats(
    user: Annotated[Optional[str], typer.Option("--user", help="A namespace or bare question_id.")] = None,  # noqa: UP045
    store_name: Annotated[Optional[str], typer.Option("--store", help="networkx | neo4j.")] = None,  # noqa: UP045
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable result on stdout.")] = False,
) -> None:
    """Counts of users, sessions, turns, entities, facts and supersessions in the store."""
    from kgmem.store import StoreError, open_store

    settings = _settings({"store": store_name})
    try:
        store = open_store(settings)
        uid = resolve_user(store, user) if user else None
        st = store.stats(uid)
    except StoreError as exc:
        fail(str(exc))
    finally:
        if "store" in locals():
            store.close()
    data = {"store": settings.store, "user": uid, "users": st.users, "sessions": st.sessions,
            "turns": st.turns, "entities": st.entities, "facts": st.facts,
            "supersessions": st.supersessions}
    if as_json:
        emit_json(data)
        return
    from rich.table import Table

    table = Table(title=f"kgmem store ({settings.store})" + (f" — {uid}" if uid else ""))
    for k in ("users", "sessions", "turns", "entities", "facts", "supersessions"):
        table.add_column(k, justify="right")
    table.add_row(*(str(data[k]) for k in ("users", "sessions", "turns", "entities", "facts", "supersessions")))
    out.print(table)
