"""Settings every test directory shares.

Under pytest-xdist (scripts/test.sh runs every test that does not need the Neo4j server on every
core) each worker gets its own ``KGMEM_HOME`` below the run's: tests that use the configured home
(stores, parse and embedding caches) must not meet another worker's files half-written; and a worker
prints as a plain run does (no fixed terminal width)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


def pytest_configure(config: pytest.Config) -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    home = os.environ.get("KGMEM_HOME")
    if worker and home:
        os.environ["KGMEM_HOME"] = str(Path(home) / f"xdist-{worker}")
    if worker:
        # a worker starts with COLUMNS=80 in its environment (a plain run has none): the CLI's rich consoles, made
        # at import, would keep 80 columns for good, and a test that asks for a wide table (CliRunner's env
        # COLUMNS=200, tests/serve/test_cli_facts.py) would get cut cells. Without it they read COLUMNS when they print.
        os.environ.pop("COLUMNS", None)
