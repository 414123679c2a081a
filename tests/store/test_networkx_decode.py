"""Loading a user file builds what the public graph calls and the lazy caches would build: the graph filled in
bulk (``fill_graph``), each kind's ids and the normalised vector matrices taken from the file's order, the payload
read in one validating pass, and a damaged payload still named record by record."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pytest

from kgmem.store.base import StoreError
from kgmem.store.networkx_store import NetworkxStore, user_file_name
from kgmem.store.networkx_store.graph import _UserGraph, fill_graph

from .factories import T0, make_entity, make_fact, make_session, make_write, supersede

USER = "sample:q-decode"


def _shape(g: nx.MultiDiGraph) -> Any:
    """Everything about a graph that iteration order or identity could show."""
    adj = {n: ([(v, list(g._succ[n][v])) for v in g._succ[n]], list(g._pred[n])) for n in g}
    shared = all(g._succ[u][v] is g._pred[v][u] for u in g for v in g._succ[u])
    return list(g.nodes(data=True)), list(g.edges(keys=True, data=True)), adj, shared


def test_fill_graph_builds_what_the_public_calls_build() -> None:
    nodes = [("a", {"kind": "x", "obj": 1}), ("b", {"kind": "y"}), ("c", {}), ("a", {"extra": 2})]
    edges = [("a", "b", "R", {"at": 1}), ("b", "a", "R", {}), ("a", "b", "S", {}), ("a", "b", "R", {"w": 3}),
             ("c", "c", "LOOP", {}), ("a", "ghost", "R", {"k": 1}), ("ghost", "b", "Q", {})]
    public = nx.MultiDiGraph()
    public.add_nodes_from(nodes)
    for u, v, key, attrs in edges:
        public.add_edge(u, v, key=key, **attrs)
    bulk = nx.MultiDiGraph()
    fill_graph(bulk, nodes, edges)
    assert _shape(bulk) == _shape(public)
    assert _shape(bulk)[3] is True
    given = {"kind": "z"}
    fill_graph(bulk, [("d", given)], [])
    assert bulk.nodes["d"] == given and bulk.nodes["d"] is not given  # attribute dicts are the graph's own
    with pytest.raises(TypeError):
        fill_graph(nx.DiGraph(), [], [])


def _user(store: NetworkxStore) -> None:
    me = make_entity(USER, "me", "person")
    dog = make_entity(USER, "Biscuit", "pet")
    old = None
    for n in range(4):
        sess = make_session(USER, f"s{n:03d}", T0 + timedelta(days=n), [f"session {n} tells about Biscuit", "ok"])
        fact = make_fact(USER, me, "walks", f"route {n}", sess)
        sups = [supersede(fact, old)] if old is not None else []
        store.apply(make_write(sess, [me, dog], [fact], sups))
        old = fact


def test_a_loaded_user_has_the_ids_and_matrices_its_graph_gives(tmp_path: Path) -> None:
    root = tmp_path / "networkx"
    writer = NetworkxStore(root)
    _user(writer)
    writer.close()
    loaded = NetworkxStore(root)._state(USER)
    lazy = _UserGraph(user_id=USER, graph=loaded.graph, vectors=loaded.vectors)  # the caches built on demand
    for kind in ("user", "session", "turn", "fact", "entity", "none"):
        assert loaded.ids_of(kind) == lazy.ids_of(kind)
    assert loaded.ids_of("fact") and loaded.ids_of("turn")
    for kind in ("turn", "fact", "entity"):
        (ids, mat), (ids_lazy, mat_lazy) = loaded.matrix(kind), lazy.matrix(kind)
        assert ids == ids_lazy and mat.dtype == mat_lazy.dtype == np.float32 and np.array_equal(mat, mat_lazy)
        assert np.allclose(np.linalg.norm(mat, axis=1), 1.0)
        raw = loaded.vectors[kind][ids[0]]
        assert not np.shares_memory(mat, raw)  # normalising never touches the stored vectors
    assert [k for _, _, k in loaded.graph.edges(keys=True) if k == "SUPERSEDES"] == ["SUPERSEDES"] * 3


def _rewrite_payload(path: Path, edit: Any) -> None:
    """Replace the file's JSON payload by ``edit(payload)`` with a valid checksum (a well-formed file)."""
    raw = path.read_bytes()
    newline = raw.find(b"\n")
    header = json.loads(raw[:newline])
    body = raw[newline + 1:]
    payload = json.loads(body[: header["payload_bytes"]])
    new = json.dumps(edit(payload)).encode("utf-8")
    rest = new + body[header["payload_bytes"]:]
    header.update(payload_bytes=len(new), sha256=hashlib.sha256(rest).hexdigest())
    path.write_bytes(json.dumps(header).encode("ascii") + b"\n" + rest)


def _bad_fact(payload: dict[str, Any]) -> dict[str, Any]:
    fact = next(i for i, r in enumerate(payload["nodes"]) if r["kind"] == "fact")
    del payload["nodes"][fact]["data"]["predicate"]
    return payload


def _bad_kind(payload: dict[str, Any]) -> dict[str, Any]:
    payload["nodes"][0]["kind"] = "planet"
    return payload


def _bad_edges(payload: dict[str, Any]) -> dict[str, Any]:
    payload["edges"][0] = ["only", "two"]
    return payload


def _node(kind: str) -> Any:
    """An edit of the first node of ``kind`` (rev27: each of these raised a bare KeyError, TypeError or ValueError
    that named neither the file nor the record)."""
    def edit(payload: dict[str, Any], change: Any) -> dict[str, Any]:
        i = next(i for i, r in enumerate(payload["nodes"]) if r["kind"] == kind)
        payload["nodes"][i] = change(payload["nodes"][i])
        return payload
    return edit


_NOT_A_RECORD = r"node #\d+ is not a record with a 'kind' and a 'data' object"


def _supersedes_at(payload: dict[str, Any]) -> dict[str, Any]:
    next(e for e in payload["edges"] if e[2] == "SUPERSEDES")[3]["at"] = "the day after"
    return payload


@pytest.mark.parametrize(("edit", "message"), [
    (_bad_fact, r"node #\d+ \(fact .*\) is invalid"),
    (_bad_kind, "node #0 has unknown kind 'planet'"),
    (_bad_edges, "corrupted payload"),
    (lambda p: [p], "corrupted payload"),
    pytest.param(lambda p: _node("fact")(p, lambda r: {"data": r["data"]}), _NOT_A_RECORD, id="no-kind"),
    pytest.param(lambda p: _node("turn")(p, lambda r: 42), _NOT_A_RECORD, id="not-an-object"),
    pytest.param(lambda p: _node("entity")(p, lambda r: {"kind": "entity"}), _NOT_A_RECORD, id="no-data"),
    pytest.param(lambda p: _node("user")(p, lambda r: {"kind": "user", "data": {}}),
                 r"(?s)corrupted payload.*nodes\.\d+\.user\.data\.id", id="user-without-id"),
    pytest.param(lambda p: {**p, "vector_ids": {}}, "vector block 'turn' has no ids in the payload's vector_ids",
                 id="vector-block-without-ids"),
    pytest.param(_supersedes_at, r"edge '[^']+' -SUPERSEDES-> '[^']+' has an unreadable 'at'", id="supersedes-at"),
])
def test_a_damaged_payload_is_named(tmp_path: Path, edit: Any, message: str) -> None:
    root = tmp_path / "networkx"
    writer = NetworkxStore(root)
    _user(writer)
    writer.close()
    _rewrite_payload(root / user_file_name(USER), edit)
    with pytest.raises(StoreError, match=message):
        NetworkxStore(root).facts(USER)
