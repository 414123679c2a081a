"""Crash safety: SIGKILL ingestion (and eval) at write events; re-running converges exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BACKENDS, require_backend
from .scenarios import crash_scenario, eval_crash_scenario


def _assert_all_converged(result: dict) -> None:
    assert result["points"] >= 1
    for trial in result["trials"]:
        assert trial["killed"][0], f"the kill hook did not fire: {trial}"
        assert trial["converged"], f"kill at {trial['kill_at']}: {trial['problems']}"
        assert trial["temp_files_left"] == 0, f"kill at {trial['kill_at']} left a temp file behind"


@pytest.mark.parametrize(("backend", "points", "users", "sessions", "mode", "seed"), [
    # networkx, per-session mode: inside a temp-file write, and between file and index writes
    pytest.param("networkx", 2, 1, 3, "session", 0, id="networkx-mid-file-write-and-after-replace"),
    pytest.param("neo4j", 1, 1, 2, "session", 3, id="neo4j-mid-transaction", marks=pytest.mark.neo4j),
    # batch mode: the sessions of several haystacks share one transaction; a kill inside it
    # leaves nothing of the batch, and the re-run (which skips committed sessions) converges
    pytest.param("neo4j", 3, 2, 3, "batch", 5, id="neo4j-inside-a-multi-session-batch", marks=pytest.mark.neo4j),
])
def test_kill_converges(tmp_path: Path, backend: str, points: int, users: int, sessions: int, mode: str,
                        seed: int) -> None:
    if backend == "neo4j":
        require_backend("neo4j")
    result = crash_scenario(backend, tmp_path, n_points=points, n_users=users, sessions=sessions, mode=mode, seed=seed)
    _assert_all_converged(result)


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("mode", ["session", "batch"])
def test_twenty_kill_points_converge(backend: str, mode: str, tmp_path: Path) -> None:
    require_backend(backend)
    result = crash_scenario(backend, tmp_path, n_points=20, n_users=2, sessions=3, mode=mode,
                            double_kills=2)
    # batch mode writes each user's file once: fewer write events than 20 on networkx
    assert result["points"] >= min(20, result["write_events"])
    _assert_all_converged(result)


def test_eval_killed_at_a_few_stages_resumes_without_duplicates(tmp_path: Path) -> None:
    # the CI-sized version of the test below (which the reliability bench runs with 24 points)
    result = eval_crash_scenario(tmp_path, n_points=5)
    assert result["points"] >= 4 and result["survived"] == result["points"], result["trials"]


@pytest.mark.slow
def test_eval_killed_at_every_stage_resumes_without_duplicates(tmp_path: Path) -> None:
    result = eval_crash_scenario(tmp_path, n_points=24)
    assert result["points"] >= 20 and result["survived"] == result["points"], result["trials"]


def test_stale_temp_files_are_removed_only_when_no_writer_holds_the_lock(tmp_path: Path) -> None:
    from filelock import FileLock

    from kgmem.store.networkx_store import NetworkxStore, user_file_name

    root = tmp_path / "nx"
    NetworkxStore(root).close()
    name = user_file_name("someone")
    stale = root / f".{name}.abc123.tmp"
    live = root / f".{user_file_name('busy')}.def456.tmp"
    index_tmp = root / ".index.json.xyz.tmp"
    for p in (stale, live, index_tmp):
        p.write_bytes(b"partial")
    holder = FileLock(str(root / "locks" / (user_file_name("busy") + ".lock")))
    with holder:  # a live writer of 'busy' (another process, as far as flock is concerned)
        NetworkxStore(root).close()
    assert not stale.exists() and not index_tmp.exists()
    assert live.exists()
