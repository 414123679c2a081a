"""Typer apps shared by the command modules, and small output helpers."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

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
bench_app = typer.Typer(help="Benchmarks that write JSON + Markdown under eval/results/.", no_args_is_help=True)
app.add_typer(data_app, name="data")
app.add_typer(neo4j_app, name="neo4j")
app.add_typer(cache_app, name="cache")
app.add_typer(bench_app, name="bench")

#: stderr console for progress and logs; results go to stdout
err = Console(stderr=True)
out = Console()


def emit_json(obj: Any) -> None:
    """Write a JSON result to stdout."""
    sys.stdout.write(json.dumps(obj, indent=2, default=str, ensure_ascii=False) + "\n")


def fail(message: str, code: int = 1) -> NoReturn:
    """Print a one-line error on stderr and exit non-zero."""
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)  # one line, never wrapped
    raise typer.Exit(code)


def not_built(what: str) -> NoReturn:
    """For commands whose machinery does not exist yet: say so plainly, exit 2."""
    fail(f"{what} is not built yet in this version of kgmem", code=2)
