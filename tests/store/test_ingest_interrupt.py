"""Ctrl-C during `kgmem ingest` (a real child process sent SIGINT mid-ingest, on the embedded store):
one line saying what was completed and that a re-run resumes, no warnings or tracebacks, exit code
130; the re-run completes the graph, identical (ids included) to an uninterrupted ingest.

With ``--workers 2`` the signal reaches the parent and both workers (one process group, as from a
terminal); each worker finishes the store batch it is writing, so what was reported is stored."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from kgmem.settings import Settings
from kgmem.store import open_store

from .ctrl_c import interrupt, start_kgmem
from .neo4j_failures import SAMPLE
from .test_store_parity import _graph

LIMIT = 24  # haystacks of the sample split (10 sessions each): all, so the run is still going at the SIGINT


def _ingest(home: Path, workers: int) -> subprocess.Popen[str]:
    return start_kgmem(home, "ingest", str(SAMPLE), "--store", "networkx", "--no-embed", "--limit", str(LIMIT),
                       "--workers", str(workers))


def _graphs(home: Path) -> dict[str, Any]:
    store = open_store(Settings.load({"home": str(home)}), "networkx")
    try:
        return {u: _graph(store, u) for u in store.users()}
    finally:
        store.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    home = tmp_path_factory.mktemp("uninterrupted")
    out, err = _ingest(home, 1).communicate(timeout=300)
    assert "0 failed" in out, err
    graphs = _graphs(home)
    assert len(graphs) == LIMIT and any(g["facts"] for g in graphs.values())
    return graphs


@pytest.mark.parametrize("workers", [1, 2])
def test_ctrl_c_says_what_was_done_and_the_rerun_completes_the_same_graph(
        tmp_path: Path, reference: dict[str, Any], workers: int) -> None:
    home = tmp_path / "home"
    proc = _ingest(home, workers)
    deadline = time.monotonic() + 240
    # mid-ingest: the first haystacks are on disk (one file per user), the others not yet
    while not list(home.glob("**/*.kgnx")) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    line = interrupt(proc)
    partial = _graphs(home)
    assert 0 < len(partial) < LIMIT or sum(len(g["sessions"]) for g in partial.values()) < 10 * LIMIT
    # the line counts what is stored
    complete = int(line.split()[1])
    assert complete <= sum(len(g["sessions"]) == 10 for g in partial.values())

    rerun = _ingest(home, workers)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert "0 failed" in out, out
    assert _graphs(home) == reference
