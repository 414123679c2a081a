"""The one CLI helper module: the Typer apps, the two consoles, shared options and helpers.

Every command module imports what it shares from here — settings (:func:`load_settings`), the
:class:`~kgmem.api.Memory` it works through (:func:`open_memory`), user namespaces
(:func:`resolve_user`), dates (:func:`parse_cli_date`), choices (``Enum`` s) and the common
``Annotated`` options — so there is one way to do each. Results go to stdout (``out``,
:func:`emit_json`, :func:`echo`); progress, logs and errors go to stderr (``err``, :func:`fail`).
Nothing heavy is imported at module level: ``kgmem --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, Optional

import typer
from rich.console import Console

if TYPE_CHECKING:
    from kgmem.api import Memory
    from kgmem.settings import Settings
    from kgmem.store.base import MemoryStore

app = typer.Typer(
    name="kgmem",
    help="Knowledge-graph temporal memory for small conversational LLMs.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
data_app = typer.Typer(help="Datasets: download, validate, synthesise, inspect.", no_args_is_help=True)
neo4j_app = typer.Typer(help="A local Neo4j 5.26 server without Docker, and schema migration.", no_args_is_help=True)
cache_app = typer.Typer(help="The LLM response cache.", no_args_is_help=True)
bench_app = typer.Typer(help="Benchmarks of a source checkout (eval/bench_*.py → eval/results/).", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(cache_app, name="cache")
app.add_typer(bench_app, name="bench")

#: stderr console for progress and logs; results go to stdout
err = Console(stderr=True)
out = Console()


# --------------------------------------------------------------------------- choices


class StoreName(str, Enum):
    """A store backend (``--store``)."""

    networkx = "networkx"
    neo4j = "neo4j"


class Tier(str, Enum):
    """An extraction tier (``--tier``)."""

    rules = "rules"
    llm = "llm"


# --------------------------------------------------------------------------- shared options

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable result on stdout.")]
StoreOpt = Annotated[
    Optional[StoreName],  # noqa: UP045 - typer reads the annotation at runtime
    typer.Option("--store", help="Store backend (default: KGMEM_STORE or config, else networkx)."),
]
UserOpt = Annotated[str, typer.Option("--user", help="User namespace (or a bare question_id naming one).")]


# --------------------------------------------------------------------------- output


def emit_json(obj: Any) -> None:
    """Write a JSON result to stdout."""
    sys.stdout.write(json.dumps(obj, indent=2, default=str, ensure_ascii=False) + "\n")


def echo(text: str) -> None:
    """Write plain result text to stdout as is (no markup, highlighting or wrapping)."""
    out.print(text, markup=False, highlight=False, soft_wrap=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit non-zero."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def not_built(what: str) -> NoReturn:
    """For commands whose machinery does not exist yet: say so plainly, exit 2."""
    fail(f"{what} is not built yet in this version of kgmem", code=2)


# --------------------------------------------------------------------------- settings, memory


def _plain(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def load_settings(**overrides: Any) -> Settings:
    """Settings from flags (``None`` = not given) → environment → config file → defaults.

    A bad value anywhere is a one-line error naming the setting and its source, never a
    traceback.
    """
    from kgmem.settings import Settings

    try:
        return Settings.load({k: _plain(v) for k, v in overrides.items()})
    except ValueError as exc:
        fail(str(exc))


def open_memory(settings: Settings, **kwargs: Any) -> Memory:
    """A :class:`~kgmem.api.Memory` over ``settings`` (its parts are built on first use)."""
    from kgmem.api import Memory

    try:
        return Memory(settings, **kwargs)
    except ValueError as exc:  # an unknown recipe name
        fail(str(exc))


def open_server_store(settings: Settings) -> MemoryStore | None:
    """For a server store (Neo4j): connect now and return the open store (hand it to
    :func:`open_memory`), or fail with its one-line error; ``None`` for the embedded store.

    Commands call this first, before importing datasets, models or numpy, so that a server that
    is down, a wrong password or a wrong database is reported within a second or two."""
    if settings.store != "neo4j":
        return None
    from kgmem.store import StoreError, open_store

    try:
        return open_store(settings)
    except StoreError as exc:
        fail(str(exc))


def resolve_user(memory: Memory, user: str) -> str:
    """The namespace ``user`` names in the memory's store, or a clear error listing candidates."""
    from kgmem.ids import NamespaceError

    try:
        return memory.resolve_user(user)
    except NamespaceError as exc:
        fail(str(exc))


def parse_cli_date(value: str | None, flag: str) -> datetime | None:
    """``2023-05-01``, ``2023-05-01T10:00`` or the dataset form ``2023/05/01 (Mon) 10:00``
    (:func:`kgmem.temporal.parse_local_datetime`); a bad one is an error naming the flag."""
    if value is None:
        return None
    from kgmem.temporal import parse_local_datetime

    try:
        return parse_local_datetime(value)
    except ValueError as exc:
        fail(f"{flag}: {exc}")
