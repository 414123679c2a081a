"""One user's graph in memory: nodes, edges, vectors and the search caches derived from them,
and the commit of a validated :class:`~kgmem.models.SessionWrite` into it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import networkx as nx
import numpy as np
from pydantic import BaseModel

from kgmem.models import SessionWrite
from kgmem.store.networkx_store.files import _COUNT_KEYS, _SEARCH_KINDS
from kgmem.store.textindex import BM25Index, entity_document

M = TypeVar("M", bound=BaseModel)


@dataclass
class _UserGraph:
    """One user's graph, embeddings and derived search caches (in memory)."""

    user_id: str
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    vectors: dict[str, dict[str, np.ndarray]] = field(
        default_factory=lambda: {kind: {} for kind in _SEARCH_KINDS}
    )
    stamp: tuple[int, int, int] | None = None
    #: random id of the persisted version (in the file header); disambiguates equal stamps
    write_id: str = ""
    dirty: bool = False
    #: the body checksum of the file this state was read from or last written as ("" if unknown)
    content_key: str = ""
    #: whether the keyword-index cache beside the file was looked for (once per loaded state)
    postings_checked: bool = False
    _matrices: dict[str, tuple[list[str], np.ndarray]] = field(default_factory=dict)
    _text: dict[str, BM25Index] = field(default_factory=dict)
    _ids: dict[str, list[str]] = field(default_factory=dict)
    #: ids whose text changed since the kind's keyword index was built (updated on next use)
    _text_changed: dict[str, set[str]] = field(default_factory=dict)

    # -- derived data ----------------------------------------------------------------------
    def invalidate_caches(self) -> None:
        """Drop what a write made stale; keyword indexes are updated incrementally instead
        (every changed node went through :meth:`touch`)."""
        self._matrices.clear()
        self._ids.clear()

    def touch(self, kind: str, node_id: str) -> None:
        """Note that ``node_id``'s text may have changed (its keyword index re-reads it)."""
        if kind in self._text:
            self._text_changed.setdefault(kind, set()).add(node_id)

    def document(self, kind: str, node_id: str) -> str:
        """The text a node is keyword-searched by."""
        obj = self.graph.nodes[node_id]["obj"]
        if kind == "entity":
            return entity_document(obj.name, obj.aliases)
        return str(obj.text)

    def set_text_indexes(self, indexes: dict[str, BM25Index]) -> None:
        """Install indexes loaded from the cache beside the file (they match its contents)."""
        self._text.update(indexes)

    def dim(self) -> int | None:
        for kind in _SEARCH_KINDS:
            for vec in self.vectors[kind].values():
                return int(vec.shape[0])
        return None

    def matrix(self, kind: str) -> tuple[list[str], np.ndarray]:
        """Row-normalised float32 matrix of one node kind (ids sorted), rebuilt lazily."""
        cached = self._matrices.get(kind)
        if cached is None:
            vecs = self.vectors[kind]
            ids = sorted(vecs)
            if ids:
                mat = _unit_rows(np.ascontiguousarray(np.stack([vecs[i] for i in ids]), dtype=np.float32))
            else:
                mat = np.zeros((0, 0), dtype=np.float32)
            cached = (ids, mat)
            self._matrices[kind] = cached
        return cached

    def set_matrix(self, kind: str, ids: list[str], rows: np.ndarray) -> None:
        """Install the matrix :meth:`matrix` would build from ``rows`` (float32, one per id of ``ids``,
        which must be the kind's vector ids sorted); ``rows`` is copied. Ids out of order: left to
        :meth:`matrix`."""
        if ids and all(a < b for a, b in zip(ids, ids[1:], strict=False)):
            self._matrices[kind] = (list(ids), _unit_rows(np.array(rows, dtype=np.float32, order="C")))

    def set_ids(self, by_kind: dict[str, list[str]]) -> None:
        """Install each kind's node ids, in the graph's node order (what :meth:`ids_of` lists)."""
        self._ids.update(by_kind)

    def text_index(self, kind: str) -> BM25Index:
        """The kind's BM25 index: built lazily, then updated with the documents writes changed."""
        cached = self._text.get(kind)
        changed = self._text_changed.pop(kind, None)
        if cached is not None and changed:
            cached = cached.updated({i: self.document(kind, i) for i in sorted(changed)})
            self._text[kind] = cached
        if cached is None:
            cached = BM25Index((i, self.document(kind, i)) for i in sorted(self.ids_of(kind)))
            self._text[kind] = cached
        return cached

    # -- lookups ---------------------------------------------------------------------------
    def kind_of(self, node_id: str) -> str | None:
        if node_id not in self.graph:
            return None
        return str(self.graph.nodes[node_id]["kind"])

    def ids_of(self, kind: str) -> list[str]:
        cached = self._ids.get(kind)
        if cached is None:
            cached = self._ids[kind] = [n for n, k in self.graph.nodes(data="kind") if k == kind]
        return list(cached)

    def select(self, kind: str, ids: Sequence[str] | None) -> list[str]:
        """Every id of ``kind``, or those of ``ids`` that are of ``kind`` (in order, once each)."""
        if ids is None:
            return self.ids_of(kind)
        return [i for i in dict.fromkeys(ids) if self.kind_of(i) == kind]

    def obj(self, node_id: str) -> Any:
        return self.graph.nodes[node_id]["obj"]

    def counts(self) -> dict[str, int]:
        out = {key: 0 for key in _COUNT_KEYS}
        for _, kind in self.graph.nodes(data="kind"):
            key = {
                "session": "sessions",
                "turn": "turns",
                "entity": "entities",
                "fact": "facts",
            }.get(kind)
            if key:
                out[key] += 1
        out["supersessions"] = sum(
            1 for _, _, k in self.graph.edges(keys=True) if k == "SUPERSEDES"
        )
        return out

    # -- mutation helpers (used only after validation) -------------------------------------
    def upsert_node(self, node_id: str, kind: str, obj: Any) -> bool:
        g = self.graph
        if node_id in g:
            if g.nodes[node_id]["kind"] == kind and g.nodes[node_id]["obj"] == obj:
                return False
            g.nodes[node_id]["kind"] = kind
            g.nodes[node_id]["obj"] = obj
            self.touch(kind, node_id)
            return True
        g.add_node(node_id, kind=kind, obj=obj)
        self._ids.pop(kind, None)  # session_order() runs mid-commit and must see new nodes
        self.touch(kind, node_id)
        return True

    def set_edge(self, u: str, v: str, rel: str, **attrs: Any) -> bool:
        g = self.graph
        if g.has_edge(u, v, key=rel):
            data = g.edges[u, v, rel]
            if all(data.get(a) == b for a, b in attrs.items()):
                return False
            data.update(attrs)
            return True
        g.add_edge(u, v, key=rel, **attrs)
        return True

    def replace_out_edges(self, u: str, rel: str, targets: Sequence[str]) -> bool:
        g = self.graph
        current = {v for _, v, k in g.out_edges(u, keys=True) if k == rel}
        wanted = set(targets)
        for v in current - wanted:
            g.remove_edge(u, v, key=rel)
        for v in sorted(wanted - current):
            g.add_edge(u, v, key=rel)
        return current != wanted

    def session_order(self) -> list[str]:
        sessions = [(self.obj(s).started_at, s) for s in self.ids_of("session")]
        return [s for _, s in sorted(sessions)]

    def relink_sessions(self) -> bool:
        """Recompute the chronological (Session)-[:NEXT]->(Session) chain."""
        g = self.graph
        order = self.session_order()
        wanted = set(zip(order, order[1:], strict=False))
        current = {(u, v) for u, v, k in g.edges(keys=True) if k == "NEXT"}
        for u, v in current - wanted:
            g.remove_edge(u, v, key="NEXT")
        for u, v in sorted(wanted - current):
            g.add_edge(u, v, key="NEXT")
        return current != wanted


def fill_graph(g: nx.MultiDiGraph, nodes: Iterable[tuple[str, dict[str, Any]]],
               edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    """Add ``nodes`` (id, attributes) then ``edges`` (u, v, key, attributes) to ``g`` exactly as
    ``add_nodes_from`` and one ``add_edge`` per edge would (the same nodes, adjacency, key order and
    attribute dicts), writing networkx's adjacency dicts directly. why: a store's first question
    loads ~500 nodes and ~600 edges, and the public calls' checks cost ~3 ms of its ~15 ms decode."""
    if type(g) is not nx.MultiDiGraph:  # the layout below is MultiDiGraph's own (dict factories)
        raise TypeError(f"fill_graph fills a MultiDiGraph, not {type(g).__name__}")
    node, succ, pred = g._node, g._succ, g._pred
    for n, attrs in nodes:
        if n in node:
            node[n].update(attrs)
        else:
            node[n] = dict(attrs)
            succ[n] = {}
            pred[n] = {}
    for u, v, key, attrs in edges:
        if u not in succ or v not in succ:
            g.add_edge(u, v, key=key, **attrs)  # an edge to a node the file did not list
            continue
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = {}
            pred[v][u] = keydict
        data = keydict.get(key)
        if data is None:
            keydict[key] = dict(attrs)
        else:
            data.update(attrs)
    nx._clear_cache(g)


def _unit_rows(mat: np.ndarray) -> np.ndarray:
    """``mat`` (float32, owned) with each row divided by its norm, in place."""
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    # a zero vector scores 0 against everything instead of producing NaN
    norms[norms == 0.0] = 1.0
    mat /= norms
    return mat


def _clone(obj: M) -> M:
    """A copy callers may mutate freely: shallow model copy plus fresh list fields
    (a deep copy costs ~30x more and strings are immutable anyway)."""
    copy = obj.model_copy()
    for name, value in copy.__dict__.items():
        if isinstance(value, list):
            copy.__dict__[name] = list(value)
    return copy


def _commit(state: _UserGraph, write: SessionWrite) -> bool:
    """Apply a validated SessionWrite to the in-memory graph; returns whether anything changed."""
    uid = write.user_id
    changed = False
    if uid not in state.graph:
        state.graph.add_node(uid, kind="user", obj=None)
        changed = True
    session = write.session.model_copy(update={"turns": []}, deep=True)
    changed |= state.upsert_node(session.id, "session", session)
    changed |= state.set_edge(session.id, uid, "OF_USER")
    for turn in write.session.turns:
        changed |= state.upsert_node(turn.id, "turn", _clone(turn))
        changed |= state.replace_out_edges(turn.id, "IN_SESSION", [turn.session_id])
    for ent in write.entities:
        changed |= state.upsert_node(ent.id, "entity", _clone(ent))
    for fact in write.facts:
        old = state.obj(fact.id) if state.kind_of(fact.id) == "fact" else None
        if old is not None and old.invalid_at is not None and fact.invalid_at is None:
            # re-applying an earlier session must not erase a later invalidation
            fact = fact.model_copy(update={"invalid_at": old.invalid_at})
        changed |= state.upsert_node(fact.id, "fact", _clone(fact))
        changed |= state.replace_out_edges(fact.id, "SUBJECT", [fact.subject_id])
        changed |= state.replace_out_edges(
            fact.id, "OBJECT", [fact.object_id] if fact.object_id else []
        )
        changed |= state.replace_out_edges(fact.id, "FROM_TURN", fact.source_turn_ids)
    for sup in write.retracted_supersessions:
        # removed before the additions, so a write may re-link an edge with a new `at`
        if state.graph.has_edge(sup.new_fact_id, sup.old_fact_id, key="SUPERSEDES"):
            state.graph.remove_edge(sup.new_fact_id, sup.old_fact_id, key="SUPERSEDES")
            changed = True
    for sup in write.supersessions:
        changed |= state.set_edge(sup.new_fact_id, sup.old_fact_id, "SUPERSEDES", at=sup.at)
    for fid, at in write.invalidations.items():
        fact = state.obj(fid)
        if fact.invalid_at != at:
            state.graph.nodes[fid]["obj"] = fact.model_copy(update={"invalid_at": at})
            state.touch("fact", fid)
            changed = True
    for field_name, kind in (
        ("turn_embeddings", "turn"),
        ("fact_embeddings", "fact"),
        ("entity_embeddings", "entity"),
    ):
        store = state.vectors[kind]
        for node_id, values in getattr(write, field_name).items():
            vec = np.asarray(values, dtype=np.float32).reshape(-1)
            if node_id not in store or not np.array_equal(store[node_id], vec):
                store[node_id] = vec
                changed = True
    changed |= state.relink_sessions()
    if changed:
        state.invalidate_caches()
    return changed
