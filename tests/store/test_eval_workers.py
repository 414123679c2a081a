"""`kgmem eval --workers N` with the real kgmem system (rules extraction, MiniLM, real stores):
retrieval-only on three sample haystacks gives the same records and metrics with one process and
with two worker processes, on the embedded store (per-user files, locked across processes) and
against one Neo4j server (equal to one process on the embedded store). Wall-clock fields are left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kgmem.evaluation.runner import EvalConfig, read_predictions, run_eval
from kgmem.settings import Settings

from .conftest import _neo4j_settings, _neo4j_unreachable
from .neo4j_failures import sample_copy

QUESTIONS = 3
#: wall-clock measurements and what depends on the store's own bookkeeping of them
_TIMED = ("latency_ms", "prepare")


def _run(dataset: Path, home: Path, backend: str, workers: int, env: dict[str, str]) -> tuple[dict[str, Any], dict]:
    settings = Settings.load({"home": str(home), "store": backend}, env=env)
    cfg = EvalConfig(split=str(dataset), system="kgmem", limit=QUESTIONS, retrieval_only=True,
                     run_dir=home / "run", workers=workers)
    result = run_eval(cfg, settings)
    assert result.summary["failed"] == 0 and result.prepared == QUESTIONS, result.summary
    records = {r["question_id"]: {k: v for k, v in r.items() if k not in _TIMED}
               for r in read_predictions(home / "run" / "predictions.jsonl")}
    return records, result.summary["retrieval"]


def _server_env() -> dict[str, str]:
    uri, user, password, database = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one)")
    return {"NEO4J_URI": uri, "NEO4J_USER": user, "NEO4J_DATABASE": database,
            **({"NEO4J_PASSWORD": password} if password else {})}


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict]:
    """The reference: one process, embedded store (its dataset copy names the namespaces)."""
    tmp = tmp_path_factory.mktemp("eval-workers")
    dataset = sample_copy(tmp)
    records, metrics = _run(dataset, tmp / "nx1", "networkx", 1, {})
    assert any(r["retrieved_session_ids"] for r in records.values())
    return dataset, records, metrics


def test_two_workers_on_the_embedded_store_equal_one_process(one_process: Any, tmp_path: Path) -> None:
    dataset, records, metrics = one_process
    records2, metrics2 = _run(dataset, tmp_path / "nx2", "networkx", 2, {})
    assert records2 == records
    assert metrics2 == metrics


@pytest.mark.neo4j
def test_two_workers_on_one_neo4j_server_equal_one_process(one_process: Any, tmp_path: Path) -> None:
    # Two workers against one server give what one process gives on the embedded store. (One
    # process on Neo4j is not run again here: process orchestration is store-independent and
    # compared above, Neo4j's retrieval in-process by the store parity tests; this saves ~20 s of CI.)
    dataset, records, metrics = one_process
    env = _server_env()
    try:
        records2, metrics2 = _run(dataset, tmp_path / "neo2", "neo4j", 2, env)
        assert records2 == records
        assert metrics2 == metrics
    finally:
        _delete_users(env, dataset.stem)


def _delete_users(env: dict[str, str], marker: str) -> None:
    from kgmem.store.neo4j_store import Neo4jStore

    store = Neo4jStore(uri=env["NEO4J_URI"], user=env["NEO4J_USER"], password=env.get("NEO4J_PASSWORD"),
                       database=env["NEO4J_DATABASE"])
    try:
        for user in store.users():
            if marker in user:
                store.delete_user(user)
    finally:
        store.close()
