"""Neo4j-only behaviour beyond the shared contract: connection and auth errors, schema
migration and dimension changes, LocalDateTime storage, Lucene escaping, per-user vector search
with 200+ users sharing one database, and the local-server helpers.

Tests that need a server use ``NEO4J_URI`` / ``NEO4J_USER`` / ``NEO4J_PASSWORD`` and skip only
when none is reachable (CI always starts one with `kgmem neo4j start`).
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kgmem import neo4j_browser as nb
from kgmem import neo4j_server as ns
from kgmem.store import cypher as q
from kgmem.store.base import EmbeddingDimensionError, FactFilter, StoreError
from kgmem.store.neo4j_store import Neo4jStore, lucene_query, user_key

from .conftest import _neo4j_settings, _neo4j_unreachable
from .factories import T0, fake_embed, make_entity, make_fact, make_session, make_write

# --------------------------------------------------------------------------- no server needed


def test_config_is_loopback_only_and_uses_the_given_ports(tmp_path: Path) -> None:
    text = ns.render_config(
        data_dir=tmp_path / "d", logs_dir=tmp_path / "l", bolt_port=7999, http_port=7499, auth=False
    )
    assert "server.default_listen_address=127.0.0.1" in text
    assert "server.bolt.listen_address=:7999" in text and "server.http.listen_address=:7499" in text
    assert "dbms.usage_report.enabled=false" in text and "dbms.security.auth_enabled=false" in text
    assert f"server.directories.data={(tmp_path / 'd').as_posix()}" in text


def test_status_of_an_empty_home_is_not_installed(tmp_path: Path) -> None:
    st = ns.status(tmp_path / "nohome")
    assert not st.installed and not st.running and st.pid is None
    assert not ns.stop(tmp_path / "nohome")


def test_start_without_install_says_what_to_run(tmp_path: Path) -> None:
    with pytest.raises(ns.Neo4jServerError, match="kgmem neo4j install"):
        ns.start(tmp_path / "nohome")


def test_connection_refused_is_one_clear_store_error() -> None:
    with pytest.raises(
        StoreError,
        match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:1: start it with `kgmem neo4j start`",
    ):
        Neo4jStore(uri="bolt://127.0.0.1:1", password="whatever", connection_timeout_s=2.0)


def test_cli_exits_non_zero_when_neo4j_is_unreachable() -> None:
    from kgmem.cli import app

    result = CliRunner().invoke(app, ["neo4j", "migrate"], env={"NEO4J_URI": "bolt://127.0.0.1:1"})
    assert result.exit_code == 1
    assert "cannot reach Neo4j" in result.output


def test_lucene_query_escapes_and_scopes_to_the_user() -> None:
    query = lucene_query("tag:q1", "text", 'he said "AND" (now): C++ / a*b? x~ [y] {z} ^w \\')
    assert query is not None and query.startswith(f"+user_key:{user_key('tag:q1')} +(")
    assert 'text:"said"' in query and 'text:"c"' in query  # word tokens, quoted
    assert "(now)" not in query and '"AND"' not in query  # syntax never reaches Lucene raw
    assert lucene_query("u", "text", "the and of") is None  # only stopwords: nothing to search
    assert user_key("a") != user_key("b") and user_key("a").isalnum()


def test_schema_files_fill_in_the_dimension_and_reject_bad_ones() -> None:
    stmts = [s for _, s in q.schema_statements(16)]
    assert any("`vector.dimensions`: 16" in s for s in stmts)
    assert all("{embedding_dim}" not in s for s in stmts)
    assert sum("IS UNIQUE" in s for s in stmts) == 6
    with pytest.raises(ValueError, match="embedding dimension"):
        q.schema_statements(0)


def test_saved_browser_queries_and_browse_plan() -> None:
    names = [sq.name for sq in nb.saved_queries()]
    assert {"timeline", "slot_history", "answer_evidence", "true_on_date"} <= set(names)
    plan = nb.browse_plan(
        "o'brien:q1", {"fact_id": "f_1", "fact_ids": ["f_1"], "date": "2023-05-20T00:00:00"}
    )
    assert plan["params_command"].startswith(":params {user_id: 'o\\'brien:q1'")
    assert plan["browser_url"] == "http://127.0.0.1:7474/browser/"
    assert all(
        qq["edit_url"].startswith(plan["browser_url"] + "?cmd=edit&arg=") for qq in plan["queries"]
    )


# --------------------------------------------------------------------------- against a server


@pytest.fixture
def neo() -> Iterator[Neo4jStore]:
    uri, user, password, database = _neo4j_settings()
    reason = _neo4j_unreachable(uri, user, password)
    if reason is not None:
        pytest.skip(
            f"neo4j: no server reachable at {uri} ({reason}) (CI always starts one; run `kgmem neo4j start`)"
        )
    store = Neo4jStore(uri=uri, user=user, password=password, database=database)
    yield store
    store.close()


@pytest.fixture
def uid(neo: Neo4jStore) -> Iterator[str]:
    user = f"t{uuid.uuid4().hex[:10]}:neo"
    yield user
    neo.delete_user(user)


@pytest.mark.neo4j
def test_wrong_password_is_one_clear_store_error(neo: Neo4jStore) -> None:
    uri, user, password, _ = _neo4j_settings()
    if password is None:
        pytest.skip("the test server runs without authentication (NEO4J_PASSWORD unset)")
    with pytest.raises(
        StoreError, match=rf"rejected user '{user}': wrong NEO4J_USER / NEO4J_PASSWORD"
    ):
        Neo4jStore(uri=uri, user=user, password=password + "-wrong")
    with pytest.raises(StoreError, match="requires authentication: set NEO4J_PASSWORD"):
        Neo4jStore(uri=uri, user=user, password=None)


@pytest.mark.neo4j
def test_times_are_stored_as_local_datetime_and_round_trip(neo: Neo4jStore, uid: str) -> None:
    started = datetime(2023, 12, 31, 23, 59, 59, 999999)
    sess = make_session(uid, "s0", started, ["I moved to Oslo"])
    me = make_entity(uid, "me", "person")
    fact = make_fact(uid, me, "lives_in", "Oslo", sess, valid_from=datetime(2024, 1, 1))
    neo.apply(make_write(sess, [me], [fact]))
    rows = neo._read(
        "MATCH (f:Fact {user_id: $u}) MATCH (s:Session {user_id: $u}) "
        "RETURN valueType(f.observed_at) AS ft, valueType(s.started_at) AS st",
        u=uid,
    )
    assert rows[0]["ft"].startswith("LOCAL DATETIME") and rows[0]["st"].startswith("LOCAL DATETIME")
    got = neo.facts(uid)[0]
    assert got.observed_at == started and got.observed_at.tzinfo is None
    assert neo.facts(uid, FactFilter(valid_at=datetime(2024, 1, 1))) == [got]
    assert neo.sessions(uid)[0].started_at == started


@pytest.mark.neo4j
@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "key:value",
        "(open",
        "cats AND dogs",
        "a OR",
        "NOT",
        "x^2 ~ y* \\ /",
        "[1 TO 5]",
        "{}",
        "&&||!",
        "-",
        "?",
    ],
)
def test_lucene_syntax_in_a_query_never_errors(neo: Neo4jStore, uid: str, text: str) -> None:
    sess = make_session(uid, "s0", T0, ['cats AND dogs: "quoted" (maybe) key:value [1 TO 5]'])
    neo.apply(make_write(sess))
    hits = neo.text_search(uid, "turn", text, 5)
    assert all(h.id == "s0:0" for h in hits)


@pytest.mark.neo4j
def test_entities_are_merged_by_id_never_by_name(neo: Neo4jStore, uid: str) -> None:
    sess = make_session(uid, "s0", T0, ["My mom and my friend's mom met"])
    mine = make_entity(uid, "Mom", "person", id="e_mom_mine")
    theirs = make_entity(uid, "Mom", "person", id="e_mom_friend")
    neo.apply(make_write(sess, [mine, theirs]))
    assert [e.id for e in neo.entities(uid)] == ["e_mom_friend", "e_mom_mine"]


@pytest.mark.neo4j
def test_a_write_whose_ids_clash_with_stored_kinds_is_rejected_whole(
    neo: Neo4jStore, uid: str
) -> None:
    s0 = make_session(uid, "s0", T0, ["hello"])
    neo.apply(make_write(s0))
    s1 = make_session(uid, "s1", T0 + timedelta(days=1), ["bye"])
    clash = make_entity(uid, "x", id="s0")  # the id of a stored session
    with pytest.raises(StoreError, match="already a session node"):
        neo.apply(make_write(s1, [clash]))
    assert not neo.has_session(uid, "s1")


@pytest.mark.neo4j
def test_migrate_is_idempotent_and_a_dimension_change_says_how_to_recover(
    neo: Neo4jStore, uid: str
) -> None:
    info = neo.schema_info()
    assert info is not None and info["version"] == q.SCHEMA_VERSION
    dim = int(info["embedding_dim"])
    before = {r["name"] for r in neo.indexes()}
    neo.migrate(dim)
    assert {r["name"] for r in neo.indexes()} == before
    assert {"turn_text", "fact_text", "entity_text", "fact_embedding", "turn_embedding"} <= before
    neo.apply(make_write(make_session(uid, "s0", T0, ["some words"]), dim=dim))
    with pytest.raises(EmbeddingDimensionError, match="KGMEM_EMBED_MODEL back"):
        neo.migrate(dim * 2)
    assert neo.schema_info() == info | {"embedding_dim": dim}


@pytest.mark.neo4j
def test_missing_fulltext_index_is_a_clear_error_until_migrate(neo: Neo4jStore, uid: str) -> None:
    neo.apply(make_write(make_session(uid, "s0", T0, ["espresso time"])))
    neo._write("DROP INDEX fact_text IF EXISTS")
    try:
        with pytest.raises(StoreError, match="run `kgmem neo4j migrate`"):
            neo.text_search_index(uid, "fact", "espresso", 5)
    finally:
        neo.migrate()
    assert neo.text_search_index(uid, "turn", "espresso", 5)


@pytest.mark.neo4j
def test_vector_search_is_exact_per_user_with_200_users_sharing_the_database(
    neo: Neo4jStore,
) -> None:
    """The shared vector index + user filter loses results once many users share it; the exact
    per-user scoring kgmem uses does not."""
    prefix = f"t{uuid.uuid4().hex[:8]}"
    users = [f"{prefix}:u{i:03d}" for i in range(200)]
    # every user says nearly the same things, so the index's global top-k is crowded by others
    texts = [
        "I walked the dog in the park",
        "The dog park was muddy today",
        "My dog loves the park",
        "We bought dog food",
        "Park run on Saturday",
    ]
    try:
        writes = [make_write(make_session(user, "s0", T0 + timedelta(minutes=n), [*texts, f"secret code {n}"]))
                  for n, user in enumerate(users)]
        for i in range(0, len(writes), 50):  # the ingest's batches: 4 transactions, not 200
            neo.apply_many(writes[i:i + 50])
        probe = fake_embed("dog park")
        for user in (users[0], users[99], users[199]):
            hits = neo.vector_search(user, "turn", probe, 6)
            assert len(hits) == 6 and {h.id for h in hits} == {f"s0:{i}" for i in range(6)}
            assert all(neo.turns(user, ids=[h.id])[0].text for h in hits)
        # the index path, asked for k * 2 candidates, comes back short for most users
        short = sum(
            len(neo.vector_search_index(u, "turn", probe, 5, oversample=2)) < 5 for u in users[:20]
        )
        assert short >= 15
    finally:
        # one statement for all 200 users (delete_user per user is covered by the contract suite)
        neo._write("MATCH (n:KgNode) WHERE n.user_id STARTS WITH $p DETACH DELETE n", p=prefix + ":")
        assert not [u for u in neo.users() if u.startswith(prefix)]


@pytest.mark.neo4j
def test_status_reports_a_server_started_by_kgmem() -> None:
    st = ns.status()
    if not st.running:
        pytest.skip("no server started by `kgmem neo4j start` from the default NEO4J_HOME")
    assert st.pid and st.bolt_uri and st.version and st.version.startswith("5.26")
    assert os.path.isdir(st.data_dir or "")
