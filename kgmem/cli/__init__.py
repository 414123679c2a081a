"""The kgmem command line: a thin face over the Python API.

Each command module imports its heavy dependencies inside the command body, so ``kgmem --help``
stays fast. Progress and logs go to stderr; results (or ``--json``) go to stdout.
"""

from __future__ import annotations

import contextlib

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
    """The ``kgmem`` entry point. A command that failed exits right after its error line.

    Tearing down the interpreter (garbage-collecting spaCy's and the driver's objects, joining
    library threads) took 1-10 s after the one-line error on this machine; a failed command has
    already closed its store (commands close it in ``finally``), so the process ends at once
    with its exit code instead (``os._exit`` after flushing stdout and stderr)."""
    try:
        app()
    except SystemExit as exc:
        code = exc.code
        if isinstance(code, int) and code != 0:
            import os
            import sys

            for stream in (sys.stdout, sys.stderr):
                with contextlib.suppress(Exception):
                    stream.flush()
            os._exit(code)
        raise


__all__ = ["app", "data_app", "neo4j_app", "cache_app", "bench_app", "main"]
