"""Fast, clear failure of `kgmem ingest --store neo4j` (issue #17): a server that is down, a port
that never answers, a wrong password, a wrong database name, and a server that dies or hangs in
the middle of a write transaction. Each runs the real CLI in a child process and checks the one
error line (the URI and what to do) and the exit code; how fast that happens is measured, not
asserted (tests assert behaviour, never time): `eval/bench_neo4j_ingest.py failures` reports the
seconds. A child that hangs is killed by the harness's timeout (120 s / 180 s) and fails the test.
The mid-run cases then re-run the ingest and check that nothing half-written was kept: the graph
equals the embedded store's.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import _neo4j_settings, _neo4j_unreachable
from .neo4j_failures import (
    keep_alive_hint,
    mid_run_failure,
    sample_copy,
    silent_port,
    start_failure,
)


def _one_clear_line(r: dict, uri: str, *needles: str) -> None:
    assert r["exit_code"] not in (0, None), r
    assert len(r["error_lines"]) == 1, r  # exactly one line, never a traceback
    line = r["error_lines"][0]
    assert uri in line, line
    for needle in needles:
        assert needle in line, line
    assert "Traceback" not in r["message"]


@pytest.mark.parametrize("command", ["ingest", "eval"])
def test_down_server_is_reported_at_once(tmp_path: Path, command: str) -> None:
    uri = "bolt://127.0.0.1:1"
    r = start_failure(sample_copy(tmp_path), tmp_path / "home", {"NEO4J_URI": uri, "NEO4J_PASSWORD": "x" * 8},
                      command=command)
    _one_clear_line(r, uri, "cannot reach Neo4j", "kgmem neo4j start")


def test_a_port_that_never_answers_is_reported_within_the_connection_timeout(tmp_path: Path) -> None:
    sock, port = silent_port()
    try:
        uri = f"bolt://127.0.0.1:{port}"
        r = start_failure(sample_copy(tmp_path), tmp_path / "home", {"NEO4J_URI": uri, "NEO4J_PASSWORD": "x" * 8})
    finally:
        sock.close()
    _one_clear_line(r, uri, "Neo4j")


def _server() -> tuple[str, str, str | None]:
    uri, user, password, _ = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one)")
    return uri, user, password


@pytest.mark.neo4j
def test_wrong_password_is_reported_at_once(tmp_path: Path) -> None:
    uri, user, password = _server()
    if password is None:
        pytest.skip("the test server runs without authentication (NEO4J_PASSWORD unset)")
    r = start_failure(sample_copy(tmp_path), tmp_path / "home",
                      {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_PASSWORD": password + "-wrong"})
    _one_clear_line(r, uri, f"rejected user '{user}'", "NEO4J_PASSWORD")


@pytest.mark.neo4j
def test_wrong_database_name_is_reported_at_once(tmp_path: Path) -> None:
    uri, user, password = _server()
    env = {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_DATABASE": "nosuchdb"}
    if password:
        env["NEO4J_PASSWORD"] = password
    r = start_failure(sample_copy(tmp_path), tmp_path / "home", env)
    _one_clear_line(r, uri, "no database 'nosuchdb'", "NEO4J_DATABASE")


def _graph_after_rerun(dataset: Path, home: Path, uri: str, user: str, password: str | None) -> None:
    """Re-run the same ingest straight to the server (in this process, the code path of
    `kgmem ingest --no-embed --limit 3`); it must complete what the failed run left and equal
    networkx."""
    from kgmem.datasets.longmemeval import iter_haystacks, tag_for_path
    from kgmem.extraction.zero import RuleExtractor
    from kgmem.memory.ingest import ingest_haystacks
    from kgmem.store.neo4j_store import Neo4jStore
    from kgmem.store.networkx_store import NetworkxStore

    from .test_store_parity import _graph

    haystacks = list(iter_haystacks(dataset, tag_for_path(dataset)))[:3]
    users = [h.user_id for h in haystacks]
    extractor = RuleExtractor()
    neo = Neo4jStore(uri=uri, user=user, password=password)
    ref = NetworkxStore(home / "ref-nx")
    try:
        stored = sum(len(neo.sessions(u)) for u in users)
        rerun = ingest_haystacks(neo, haystacks, extractor=extractor, embedder=None)
        assert rerun.sessions_failed == 0 and rerun.sessions_skipped == stored, rerun.failures[:3]
        ingest_haystacks(ref, haystacks, extractor=extractor, embedder=None)
        for u in users:
            assert _graph(neo, u) == _graph(ref, u), f"{u}: the re-run graph differs from networkx"
        assert sum(len(neo.sessions(u)) for u in users) == sum(len(h.sessions) for h in haystacks)
    finally:
        for u in users:
            neo.delete_user(u)
        neo.close()
        ref.close()


@pytest.mark.neo4j
@pytest.mark.parametrize("mode", ["die", "hang"])
def test_server_lost_mid_transaction_fails_fast_and_the_rerun_completes(tmp_path: Path, mode: str) -> None:
    uri, user, password = _server()
    if mode == "hang" and not keep_alive_hint(uri, user, password):
        pytest.skip(f"the server at {uri} sends no keep-alive hint (started before kgmem's conf had one): "
                    f"a hang would take the driver's 2-minute default; restart it with `kgmem neo4j start`")
    host, port = uri.split("//", 1)[1].rsplit(":", 1)
    dataset = sample_copy(tmp_path)
    env = {"NEO4J_USER": user, **({"NEO4J_PASSWORD": password} if password else {})}
    r = mid_run_failure(dataset, tmp_path / "home", (host, int(port)), mode, env)
    assert r["triggered"], f"the relay never saw a write in flight: {r}"
    if mode == "die":
        _one_clear_line(r, r["uri"], "cannot reach Neo4j", "re-run")
    else:
        _one_clear_line(r, r["uri"], "stopped answering", "re-run")
    _graph_after_rerun(dataset, tmp_path / "home", uri, user, password)

