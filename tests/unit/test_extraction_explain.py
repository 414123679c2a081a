"""``kgmem ingest --explain --user ID --session SID``: why a stored session's facts were (not) stored.

Per candidate clause it shows whom the clause is about, the checks, the predicates proposed by
meaning with their scores, the value found for each and the decision, then the facts extracted.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem import ids
from kgmem.api import Memory
from kgmem.cli import app
from kgmem.models import Session, Turn
from kgmem.settings import Settings

TURNS = [
    ("user", "Since I'm lactose intolerant, my usual order is an oat flat white."),
    ("assistant", "Good to know! Oat milk foams well."),
    ("user", "I'm thinking about adopting a greyhound."),
]


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    home = tmp_path_factory.mktemp("explain-home")
    mem = Memory(Settings.load({"home": str(home), "store": "networkx"}), llm=False)
    sid = ids.session_id("coffee-chat", 0, ids.session_content_digest(TURNS))
    mem.add_session("me", Session(id=sid, user_id="me", started_at=datetime(2024, 3, 9, 10), source_id="coffee-chat",
                                  turns=[Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)
                                         for i, (r, t) in enumerate(TURNS)]))
    mem.close()
    return home


def run(home: Path, *args: str):  # noqa: ANN201
    return CliRunner().invoke(app, list(args), env={"KGMEM_HOME": str(home), "KGMEM_STORE": "networkx"})


def test_explain_shows_proposals_values_and_decisions(home: Path) -> None:
    res = run(home, "ingest", "--explain", "--user", "me", "--session", "coffee-chat", "--json")
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    drink = next(c for c in rep["clauses"] if "usual order" in c["clause"])
    assert drink["about"] == "mine" and drink["checks"] == "ok"
    assert drink["proposals"][0]["predicate"] == "favourite_drink" and 0 < drink["proposals"][0]["score"] <= 1
    assert {"predicate": "favourite_drink", "value": "oat flat white"} in drink["values"]
    assert drink["decision"].startswith("proposed favourite_drink=oat flat white")
    plan = next(c for c in rep["clauses"] if "greyhound" in c["clause"])
    assert plan["decision"] == "skipped" and plan["checks"] in ("hypothetical", "intended, needed or wished only")
    assert {(f["predicate"], f["value"]) for f in rep["facts"]} >= {("favourite_drink", "oat flat white")}
    assert not any(f["predicate"] == "has_pet" for f in rep["facts"])


def test_explain_in_plain_text_and_its_errors(home: Path) -> None:
    res = run(home, "ingest", "--explain", "--user", "me", "--session", "coffee-chat")
    assert res.exit_code == 0, res.output
    assert "proposals: favourite_drink" in res.stdout and "decision:" in res.stdout and "facts extracted:" in res.stdout
    missing = run(home, "ingest", "--explain", "--user", "me", "--session", "nope")
    assert missing.exit_code == 1 and "no session 'nope'" in missing.stderr
    bare = run(home, "ingest", "--explain", "--user", "me")
    assert bare.exit_code == 1 and "--session" in bare.stderr
