"""``kgmem bench NAME [ARGS…]``: run a benchmark script ``eval/bench_NAME.py`` of a source checkout.

The benchmarks are development tools, not part of the installed package: they write JSON +
Markdown under the checkout's ``eval/results/`` and some reuse test helpers from ``tests/``. So
this command only works inside a kgmem source checkout (the current directory or one of its
parents, else the checkout an editable install points to) and says so plainly anywhere else. It
runs the script with the current interpreter from the checkout's root, passing extra arguments
through.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Annotated

import typer

from kgmem.cli._app import bench_app, echo, err, fail

_NO_CHECKOUT = ("`kgmem bench` runs the benchmark scripts (eval/bench_*.py) of a kgmem source checkout, "
                "and none was found from {cwd} or next to the installed package; clone the kgmem "
                "repository and run it inside the clone")


def _is_checkout(root: Path) -> bool:
    pyproject = root / "pyproject.toml"
    return (root / "eval").is_dir() and pyproject.is_file() and 'name = "kgmem"' in pyproject.read_text(
        encoding="utf-8")


def find_checkout(start: Path | None = None) -> Path | None:
    """The kgmem checkout holding ``start`` (default: the cwd), else the one the package was
    imported from (an editable install), else None."""
    here = (start or Path.cwd()).resolve()
    for root in (here, *here.parents, Path(__file__).resolve().parents[2]):
        if _is_checkout(root):
            return root
    return None


def _scripts(root: Path) -> dict[str, Path]:
    return {p.stem.removeprefix("bench_").replace("_", "-"): p for p in sorted((root / "eval").glob("bench_*.py"))}


def _checkout_scripts() -> tuple[Path, dict[str, Path]]:
    root = find_checkout()
    if root is None:
        fail(_NO_CHECKOUT.format(cwd=Path.cwd()), code=2)
    return root, _scripts(root)


@bench_app.command("list")
def bench_list() -> None:
    """List the benchmark scripts of this checkout (needs a kgmem source checkout)."""
    _, scripts = _checkout_scripts()
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
    """Run one benchmark of this checkout; extra arguments go to its script."""
    root, scripts = _checkout_scripts()
    key = name.replace("_", "-")
    if key not in scripts:
        fail(f"unknown benchmark {name!r}; known: {', '.join(scripts)}")
    err.print(f"running {scripts[key]}", highlight=False)
    code = subprocess.call([sys.executable, str(scripts[key]), *ctx.args], cwd=root)
    raise typer.Exit(code)


@bench_app.command(
    "reliability", context_settings={"allow_extra_args": True, "ignore_unknown_options": True}
)
def bench_reliability(ctx: typer.Context) -> None:
    """Fault-injection and bad-input suite with figures (eval/results/reliability.md)."""
    bench_run(ctx, "reliability")
