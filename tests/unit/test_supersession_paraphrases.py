"""Supersession beyond the wording: a new employer, a move or a new phone number told in many
ways supersedes the old value; facts about another entity do too; out-of-order sessions re-link.

Each case is ingested (zero-LLM tier, networkx store, no embeddings) as an older and a newer
session of one user; the newer fact must SUPERSEDE the older one in the same slot.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from kgmem.memory.ingest import ingest_session
from kgmem.store.networkx_store import NetworkxStore

if TYPE_CHECKING:
    from conftest import LineSession

    from kgmem.extraction.zero import RuleExtractor

OLD, NEW = datetime(2024, 1, 10, 9), datetime(2024, 4, 2, 9)

CASES = [
    # (slot subject, predicate, old statement, old value, new statement, new value)
    ("user", "works_at", "I work at Deloitte as an analyst.", "Deloitte", "I've joined Stripe, first day was Monday!", "Stripe"),
    ("user", "works_at", "I work at Deloitte.", "Deloitte", "Stripe hired me last month.", "Stripe"),
    ("user", "works_at", "I work at Deloitte.", "Deloitte", "My new job at Stripe starts next week.", "Stripe"),
    ("user", "works_at", "I work at Deloitte.", "Deloitte", "I accepted the offer from Stripe.", "Stripe"),
    ("user", "lives_in", "I live in Leeds.", "Leeds", "We got the keys to our place in Porto yesterday!", "Porto"),
    ("user", "lives_in", "I live in Leeds.", "Leeds", "We finally relocated to Porto.", "Porto"),
    ("user", "lives_in", "I live in Leeds.", "Leeds", "Home is Porto now.", "Porto"),
    ("user", "phone_number", "My number is 555-0134.", "555-0134", "I changed my phone number to 555-0199.", "555-0199"),
    ("user", "phone_number", "You can reach me at 555-0134.", "555-0134", "My new number is 555-0199.", "555-0199"),
    ("Priya", "lives_in", "My friend Priya lives in Leeds.", "Leeds", "Priya moved to Sheffield in the end.", "Sheffield"),
    ("movers", "scheduled_for", "The movers are booked for the 3rd.", "the 3rd",
     "Bad news, the movers can only do the 5th now.", "the 5th"),
]


def _edge(store: NetworkxStore, user: str, predicate: str, old: str, new: str) -> bool:
    facts = {f.id: f for f in store.facts(user) if f.predicate == predicate}
    by_value = {f.value.casefold(): f for f in facts.values()}
    if old.casefold() not in by_value or new.casefold() not in by_value:
        return False
    o, n = by_value[old.casefold()], by_value[new.casefold()]
    return (n.id, o.id) in {(s.new_fact_id, s.old_fact_id) for s in store.supersessions(user)} \
        and o.invalid_at == n.observed_at


@pytest.mark.parametrize(("subject", "predicate", "old_text", "old", "new_text", "new"), CASES)
@pytest.mark.parametrize("order", ["chronological", "newest_first"])
def test_newer_value_supersedes_however_worded(tmp_path: Path, extractor: RuleExtractor, line_session: LineSession,
                                               subject: str, predicate: str, old_text: str, old: str, new_text: str,
                                               new: str, order: str) -> None:
    store = NetworkxStore(tmp_path / "store")
    user = "t:paraphrase"
    sessions = [line_session(user, 0, old_text, OLD), line_session(user, 1, new_text, NEW)]
    for s in sessions if order == "chronological" else sessions[::-1]:
        ingest_session(store, user, s, extractor=extractor, embedder=None)
    assert _edge(store, user, predicate, old, new), [(f.predicate, f.value) for f in store.facts(user)]
    store.close()
