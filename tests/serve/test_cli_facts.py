"""``kgmem facts`` and ``kgmem history`` on the embedded store and on Neo4j."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem.api import Memory
from kgmem.cli import app
from kgmem.settings import Settings

from .conftest import neo4j_env_or_skip


@pytest.fixture(params=["networkx", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def stored(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A user who moved Boston → Seattle, in the store of each backend; the CLI's env points at it."""
    monkeypatch.setenv("KGMEM_HOME", str(tmp_path))
    if request.param == "neo4j":
        for key, value in neo4j_env_or_skip().items():
            monkeypatch.setenv(key, value)
    else:
        monkeypatch.delenv("KGMEM_STORE", raising=False)
    user = f"cli{uuid.uuid4().hex[:8]}"
    mem = Memory(Settings.load(), llm=False)
    for when, text in ((datetime(2023, 1, 10), "I live in Boston now. I work at Initech."),
                       (datetime(2023, 4, 20), "Big news: I moved to Seattle!")):
        mem.add_messages(user, [{"role": "user", "content": text}], timestamp=when)
    mem.close()
    yield user
    mem = Memory(Settings.load(), llm=False)
    mem.delete_user(user)
    mem.close()


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_facts_and_history(stored: str) -> None:
    facts = json.loads(run("facts", "--user", stored, "--json"))["facts"]
    assert {(f["predicate"], f["value"], f["current"]) for f in facts} >= {
        ("lives_in", "Boston", False), ("lives_in", "Seattle", True), ("works_at", "Initech", True)}
    only = json.loads(run("facts", "--user", stored, "--predicate", "lives_in", "--as-of", "2023-02-01", "--json"))
    assert [f["value"] for f in only["facts"]] == ["Boston"]
    table = run("facts", "--user", stored, "--predicate", "lives_in")
    assert "Seattle" in table and "current" in table and "replaced 2023-04-20" in table
    hist = json.loads(run("history", "--user", stored, "--predicate", "lives_in", "--json"))
    assert [v["value"] for v in hist["versions"]] == ["Boston", "Seattle"]
    assert [(e["new_fact_id"], e["old_fact_id"]) for e in hist["supersessions"]] == [
        (hist["versions"][1]["id"], hist["versions"][0]["id"])]
    text = run("history", "--user", stored, "--predicate", "lives_in")
    assert "SUPERSEDES" in text and "Boston" in text


def test_unknown_user_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KGMEM_HOME", str(tmp_path))
    monkeypatch.delenv("KGMEM_STORE", raising=False)
    result = CliRunner().invoke(app, ["facts", "--user", "nobody"])
    assert result.exit_code != 0 and "nobody" in result.output
