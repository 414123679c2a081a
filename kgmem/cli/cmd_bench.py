"""``kgmem bench NAME [ARGS…]``: run a benchmark script ``eval/bench_NAME.py`` of a checkout.

Benchmarks are plain scripts that write JSON + Markdown under ``eval/results/``; this command
only finds and runs them with the current interpreter, passing extra arguments through.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgmem.cli._app import bench_app, echo, err, fail

_EVAL_DIR = Path(__file__).resolve().parents[2] / "eval"


def _scripts() -> dict[str, Path]:
    if not _EVAL_DIR.is_dir():
        return {}
    return {p.stem.removeprefix("bench_").replace("_", "-"): p for p in sorted(_EVAL_DIR.glob("bench_*.py"))}


@bench_app.command("list")
def bench_list() -> None:
    """List the benchmark scripts of this checkout."""
    scripts = _scripts()
    if not scripts:
        fail("no eval/bench_*.py found: benchmarks need a kgmem source checkout")
    for name, path in scripts.items():
        doc = (path.read_text(encoding="utf-8").split('"""')[1:2] or [""])[0].strip().splitlines()
        echo(f"{name:24s} {doc[0] if doc else ''}")


@bench_app.command(
    "run", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def bench_run(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="benchmark name (see `kgmem bench list`)")],
) -> None:
    """Run one benchmark; extra arguments go to its script."""
    scripts = _scripts()
    key = name.replace("_", "-")
    if key not in scripts:
        fail(f"unknown benchmark {name!r}; known: {', '.join(scripts) or 'none (needs a checkout)'}")
    err.print(f"running {scripts[key]}", highlight=False)
    code = subprocess.call([sys.executable, str(scripts[key]), *ctx.args], cwd=_EVAL_DIR.parent)
    raise typer.Exit(code)


@bench_app.command(
    "reliability", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def bench_reliability(ctx: typer.Context) -> None:
    """Fault-injection and bad-input suite with figures (eval/results/reliability.md)."""
    bench_run(ctx, "reliability")
