"""Reconciliation does not depend on the order sessions arrive in.

The same sessions ingested one by one in many shuffled orders (real zero-LLM extraction without
spaCy, real MemoryManager built from the store for each session as a re-run does, real networkx
store) must give the same graph as in-order ingest: the same facts with the same values, times,
evidence, validity and confidence, and the same supersession chains. Fact ids are compared
through content (a run's id comes from the session that created it, which may be a later one
when the earliest statement arrived last). Resolved dates (valid_from) are left out: a stored
merge keeps one set of dates per fact, so a re-assertion split out of it has none of its own
(documented in kgmem.memory.supersession).
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from kgmem import ids
from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.ingest import ingest_session
from kgmem.models import Fact, Session, Turn
from kgmem.store.networkx_store import NetworkxStore

T0 = datetime(2023, 1, 2, 9, 30)
UID = "order:u1"
# (user turns of each session): moves away and back, a job and title, a pet, likes; the same
# value said again in several sessions (merges) and again after a change (a new fact)
SCRIPT = [
    ["I live in Lisbon.", "I work at Acme as a nurse."],
    ["I live in Lisbon.", "My favourite colour is blue."],
    ["I moved to Prague last month.", "I adopted a cat named Miso."],
    ["I live in Lisbon.", "I just started a new job at Globex."],
    ["I live in Lisbon.", "I work at Acme as a nurse."],
    ["I moved to Oslo last month.", "My favourite colour is green."],
    ["I live in Oslo.", "I work at Acme as a teacher."],
]


def make_session(position: int, started_at: datetime, texts: list[tuple[str, str]]) -> Session:
    """A session with deterministic ids (as the loaders derive them)."""
    sid = ids.session_id(f"o_{position}", position, ids.session_content_digest(texts))
    turns = [Turn(id=ids.turn_id(sid, i), session_id=sid, idx=i, role=r, text=t)  # type: ignore[arg-type]
             for i, (r, t) in enumerate(texts)]
    return Session(id=sid, user_id=UID, started_at=started_at, turns=turns, source_id=f"o_{position}")


def _random_script(seed: int) -> list[list[str]]:
    """Six sessions of two statements each from few values, so values recur (merges, moves back,
    two statements of one slot in one session)."""
    rng = random.Random(seed)
    options = ["I live in {c}.", "I moved to {c} last month.", "I work at {o}.", "My favourite colour is {k}."]
    return [[rng.choice(options).format(c=rng.choice(["Lisbon", "Prague", "Oslo"]),
                                        o=rng.choice(["Acme", "Globex"]), k=rng.choice(["blue", "red"]))
             for _ in range(2)] for _ in range(6)]


def _sessions(script: list[list[str]] = SCRIPT) -> list[Session]:
    out = []
    for i, user_turns in enumerate(script):
        texts: list[tuple[str, str]] = []
        for t in user_turns:
            texts += [("user", t), ("assistant", "Noted, happy to help.")]
        out.append(make_session(i, T0 + timedelta(days=7 * i, hours=i % 3), texts))
    return out


def _ingest(root: Path, order: list[int], script: list[list[str]] = SCRIPT) -> NetworkxStore:
    store = NetworkxStore(root)
    extractor = RuleExtractor(use_spacy=False)
    sessions = _sessions(script)
    for i in order:
        # no embedder: vectors are not what this test is about
        ingest_session(store, UID, sessions[i], extractor=extractor, embedder=None)
    return store


def _content(f: Fact) -> tuple[Any, ...]:
    return (f.subject_id, f.predicate, (f.value or "").casefold(), f.observed_at)


def _graph(store: NetworkxStore) -> dict[str, Any]:
    facts = store.facts(UID)
    by_id = {f.id: f for f in facts}
    return {
        "facts": sorted((*_content(f), f.session_id, f.text, f.object_id, f.invalid_at,
                         tuple(f.source_turn_ids), f.confidence) for f in facts),
        "chains": sorted((_content(by_id[s.new_fact_id]), _content(by_id[s.old_fact_id]), s.at)
                         for s in store.supersessions(UID)),
        "current": sorted((f.predicate, f.value or "") for f in facts if f.is_current),
    }


def _lives_in(store: NetworkxStore) -> list[tuple[str, bool]]:
    return [(f.value or "", f.is_current) for f in sorted(store.facts(UID), key=lambda f: f.observed_at)
            if f.predicate == "lives_in"]


@pytest.fixture(scope="module")
def in_order(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    store = _ingest(tmp_path_factory.mktemp("in_order"), list(range(len(SCRIPT))))
    # the script is not trivial: moves away and back are separate facts in one chain
    assert _lives_in(store) == [("Lisbon", False), ("Prague", False), ("Lisbon", False), ("Oslo", True)]
    graph = _graph(store)
    assert len(graph["chains"]) >= 5
    store.close()
    return graph


def test_a_late_move_between_two_statements_of_a_value_splits_it(tmp_path: Path) -> None:
    # n17b's case: Lisbon (s1), Lisbon again (s3) stored first, then the Prague move (s2) arrives
    store = _ingest(tmp_path, [0, 1, 3, 2])
    assert _lives_in(store) == [("Lisbon", False), ("Prague", False), ("Lisbon", True)]
    in_order = _ingest(tmp_path / "ref", [0, 1, 2, 3])
    assert _graph(store) == _graph(in_order)


def test_earlier_evidence_for_a_stored_value_moves_its_start(tmp_path: Path) -> None:
    # Lisbon (s0), Prague (s2) stored; then s1 says Lisbon again and s3 Lisbon after Prague
    store = _ingest(tmp_path, [0, 3, 2, 1])
    in_order = _ingest(tmp_path / "ref", [0, 1, 2, 3])
    assert _graph(store) == _graph(in_order)


@pytest.mark.parametrize("seed", range(12))
def test_shuffled_arrival_gives_the_in_order_graph(tmp_path: Path, in_order: dict[str, Any], seed: int) -> None:
    order = list(range(len(SCRIPT)))
    random.Random(seed).shuffle(order)
    store = _ingest(tmp_path, order)
    got = _graph(store)
    assert got["current"] == in_order["current"], order
    assert got["chains"] == in_order["chains"], order
    assert got["facts"] == in_order["facts"], order


@pytest.mark.parametrize("seed", range(8))
def test_random_scripts_in_shuffled_orders(tmp_path: Path, seed: int) -> None:
    script = _random_script(seed)
    ref = _graph(_ingest(tmp_path / "ref", list(range(len(script))), script))
    assert ref["facts"]
    for k in range(3):
        order = list(range(len(script)))
        random.Random(f"{seed}:{k}").shuffle(order)
        assert _graph(_ingest(tmp_path / str(k), order, script)) == ref, (script, order)
