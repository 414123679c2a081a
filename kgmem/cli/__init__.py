"""The kgmem command line: a thin face over the Python API.

Each command module imports its heavy dependencies inside the command body, so ``kgmem --help``
stays fast. Progress and logs go to stderr; results (or ``--json``) go to stdout.
"""

from __future__ import annotations

from kgmem.cli._app import app, data_app, neo4j_app, cache_app, bench_app

# command modules register themselves on the apps above
from kgmem.cli import (  # noqa: F401,E402
    cmd_data_files,
    cmd_data_synth,
    cmd_ingest,
    cmd_query,
    cmd_eval,
    cmd_neo4j,
    cmd_cache,
    cmd_bench,
)


def main() -> None:
    app()


__all__ = ["app", "data_app", "neo4j_app", "cache_app", "bench_app", "main"]
