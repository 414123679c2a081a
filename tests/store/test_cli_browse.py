"""``kgmem ingest --store neo4j`` then ``kgmem browse`` through Typer's CliRunner, on a real server."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem.cli import app
from kgmem.datasets.registry import package_sample_dir

from .conftest import _neo4j_settings, _neo4j_unreachable

pytestmark = pytest.mark.neo4j


@pytest.fixture
def one_haystack(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A one-record copy of the sample split with a unique file tag and question id."""
    uri, user, password, database = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one)")
    records = json.loads((package_sample_dir() / "sample.json").read_text(encoding="utf-8"))
    tag = f"cli{uuid.uuid4().hex[:10]}"
    qid = f"q{uuid.uuid4().hex[:10]}"
    path = tmp_path / f"{tag}.json"
    path.write_text(json.dumps([{**records[0], "question_id": qid}]), encoding="utf-8")
    yield path, f"{tag}:{qid}"
    from kgmem.store.neo4j_store import Neo4jStore

    store = Neo4jStore(uri=uri, user=user, password=password, database=database)
    store.delete_user(f"{tag}:{qid}")
    store.close()


def test_browse_resolves_a_bare_question_id_and_fills_the_parameters(
    one_haystack: tuple[Path, str], tmp_path: Path
) -> None:
    path, namespace = one_haystack
    env = {"KGMEM_HOME": str(tmp_path / "home")}
    runner = CliRunner()
    res = runner.invoke(app, ["ingest", str(path), "--store", "neo4j", "--no-embed", "--json"], env=env)
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["sessions_written"] == 10

    res = runner.invoke(app, ["browse", "--user", namespace.split(":", 1)[1], "--json"], env=env)
    assert res.exit_code == 0, res.output
    plan = json.loads(res.stdout)
    params = plan["params"]
    assert params["user_id"] == namespace
    assert params["fact_id"] and params["fact_ids"] and params["date"].startswith("20")
    assert [q["name"] for q in plan["queries"]][:1] and plan["params_command"].startswith(":params {user_id: ")

    res = runner.invoke(app, ["browse", "--user", namespace], env=env)
    assert res.exit_code == 0 and res.stdout.startswith("Neo4j Browser: http://")
    res = runner.invoke(app, ["browse", "--user", f"nobody-{uuid.uuid4().hex[:6]}"], env=env)
    assert res.exit_code == 1 and "no user namespace 'nobody-" in res.stderr
