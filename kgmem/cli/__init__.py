"""The kgmem command line: a thin face over the Python API.

Each command module imports its heavy dependencies inside the command body, so ``kgmem --help``
stays fast. Progress and logs go to stderr; results (or ``--json``) go to stdout.
"""

from __future__ import annotations

# command modules register themselves on the apps above
from kgmem.cli import (  # noqa: F401,E402
    cmd_bench,
    cmd_cache,
    cmd_data_files,
    cmd_data_synth,
    cmd_eval,
    cmd_facts,
    cmd_ingest,
    cmd_neo4j,
    cmd_query,
    cmd_serve,
)
from kgmem.cli._app import app, bench_app, cache_app, data_app, neo4j_app


def main() -> None:
    app()


__all__ = ["app", "data_app", "neo4j_app", "cache_app", "bench_app", "main"]
