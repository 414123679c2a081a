"""The pure reconciliation function: ADD / SUPERSEDE / MERGE / NOOP, including out-of-order."""

from __future__ import annotations

from datetime import datetime

from kgmem import ids
from kgmem.memory.supersession import Action, decide
from kgmem.models import Fact

UID = "t:q"
SUBJ = ids.entity_id(UID, "user")


def fact(pred: str, value: str, day: datetime, sid: str | None = None, turn: int = 0) -> Fact:
    sid = sid or f"s{day:%m%d}"
    return Fact(
        id=ids.fact_id(UID, SUBJ, pred, value, sid), user_id=UID, subject_id=SUBJ,
        predicate=pred, value=value, object_id=ids.entity_id(UID, value), text=f"{pred} {value}",
        observed_at=day, session_id=sid, source_turn_ids=[f"{sid}:{turn}"],
    )


JAN, MAR, MAY = datetime(2023, 1, 5), datetime(2023, 3, 5), datetime(2023, 5, 5)


def test_first_value_is_added() -> None:
    d = decide(fact("lives_in", "Denver", JAN), [])
    assert d.action is Action.ADD and d.fact is not None and not d.supersessions


def test_newer_value_supersedes_latest_older() -> None:
    old = fact("lives_in", "Denver", JAN)
    new = fact("lives_in", "Boston", MAR)
    d = decide(new, [old])
    assert d.action is Action.SUPERSEDE
    assert [(s.new_fact_id, s.old_fact_id, s.at) for s in d.supersessions] == [(new.id, old.id, MAR)]
    assert d.invalidations == {old.id: MAR}
    assert d.fact is not None and d.fact.invalid_at is None


def test_same_value_again_merges_evidence() -> None:
    old = fact("lives_in", "Denver", JAN)
    again = fact("lives_in", "denver", MAR, turn=3)
    d = decide(again, [old])
    assert d.action is Action.MERGE and d.fact is not None
    assert d.fact.id == old.id
    assert d.fact.source_turn_ids == [*old.source_turn_ids, *again.source_turn_ids]


def test_exact_same_fact_is_noop() -> None:
    old = fact("lives_in", "Denver", JAN)
    assert decide(old.model_copy(), [old]).action is Action.NOOP


def test_moving_back_is_a_new_fact_not_a_merge() -> None:
    a = fact("lives_in", "Denver", JAN)
    b = fact("lives_in", "Boston", MAR).model_copy()
    a_inv = a.model_copy(update={"invalid_at": MAR})
    d = decide(fact("lives_in", "Denver", MAY), [a_inv, b])
    assert d.action is Action.SUPERSEDE
    assert d.supersessions[0].old_fact_id == b.id


def test_multi_valued_adds_and_merges() -> None:
    a = fact("bought", "Kindle", JAN)
    assert decide(fact("bought", "Kindle", MAR), [a]).action is Action.MERGE
    d = decide(fact("bought", "blender", MAR), [a])
    assert d.action is Action.ADD and not d.supersessions and not d.invalidations


def test_multi_valued_same_value_on_different_dates_is_two_occurrences() -> None:
    a = fact("visited", "Paris", JAN).model_copy(update={"valid_from": datetime(2022, 12, 1)})
    b = fact("visited", "Paris", MAY).model_copy(update={"valid_from": datetime(2023, 4, 20)})
    assert decide(b, [a]).action is Action.ADD


def test_unknown_predicate_never_supersedes() -> None:
    a = fact("collects", "stamps", JAN)
    assert decide(fact("collects", "coins", MAR), [a]).action is Action.ADD


def test_out_of_order_older_statement_is_superseded_by_stored_newer() -> None:
    newer = fact("lives_in", "Boston", MAY)
    late_old = fact("lives_in", "Denver", JAN)
    d = decide(late_old, [newer])
    assert d.action is Action.SUPERSEDE and d.fact is not None
    assert d.fact.invalid_at == MAY  # the older fact is invalid from the newer statement on
    assert [(s.new_fact_id, s.old_fact_id) for s in d.supersessions] == [(newer.id, late_old.id)]
    assert not d.invalidations and not d.retracted


def test_out_of_order_middle_statement_relinks_the_chain() -> None:
    first = fact("lives_in", "Denver", JAN).model_copy(update={"invalid_at": MAY})
    last = fact("lives_in", "Austin", MAY)
    middle = fact("lives_in", "Boston", MAR)
    d = decide(middle, [first, last])
    assert d.action is Action.SUPERSEDE and d.fact is not None
    assert d.fact.invalid_at == MAY
    assert {(s.new_fact_id, s.old_fact_id) for s in d.supersessions} == {
        (middle.id, first.id), (last.id, middle.id)}
    assert [(s.new_fact_id, s.old_fact_id) for s in d.retracted] == [(last.id, first.id)]
    assert d.invalidations == {first.id: MAR}


def test_out_of_order_same_value_as_earliest_stored_merges() -> None:
    stored = fact("lives_in", "Denver", MAR)
    d = decide(fact("lives_in", "Denver", JAN), [stored])
    assert d.action is Action.MERGE and d.fact is not None and d.fact.id == stored.id


def test_a_late_statement_inside_a_merged_fact_splits_it() -> None:
    # Lisbon said in January and again in May (merged into one fact); the March move to Boston
    # arrives last: Lisbon (Jan) -> Boston (Mar) -> Lisbon (May, current)
    lisbon = fact("lives_in", "Lisbon", JAN)
    lisbon = lisbon.model_copy(update={"source_turn_ids": [*lisbon.source_turn_ids, "s0505:2"]})
    move = fact("lives_in", "Boston", MAR)
    d = decide(move, [lisbon], {"s0505": MAY})
    assert d.action is Action.SUPERSEDE and d.fact is not None and d.fact.invalid_at == MAY
    kept, again = d.also
    assert (kept.id, kept.source_turn_ids, kept.invalid_at) == (lisbon.id, lisbon.source_turn_ids[:1], MAR)
    assert (again.observed_at, again.source_turn_ids, again.invalid_at) == (MAY, ["s0505:2"], None)
    assert again.id == ids.fact_id(UID, SUBJ, "lives_in", "Lisbon", "s0505")
    assert {(s.new_fact_id, s.old_fact_id) for s in d.supersessions} == {(move.id, kept.id), (again.id, move.id)}


def test_earlier_evidence_moves_a_stored_value_start_and_its_predecessor_end() -> None:
    first = fact("lives_in", "Denver", JAN).model_copy(update={"invalid_at": MAY})
    boston = fact("lives_in", "Boston", MAY)
    d = decide(fact("lives_in", "Boston", MAR), [first, boston])
    assert d.action is Action.MERGE and d.fact is not None
    assert (d.fact.id, d.fact.observed_at) == (boston.id, MAR)
    assert d.invalidations == {first.id: MAR}
    assert [(s.new_fact_id, s.old_fact_id, s.at) for s in d.supersessions] == [(boston.id, first.id, MAR)]


def test_same_session_order_uses_turn_index() -> None:
    a = fact("job_title", "analyst", MAR, sid="sx", turn=1)
    b = fact("job_title", "senior analyst", MAR, sid="sx", turn=5)
    d = decide(b, [a])
    assert d.action is Action.SUPERSEDE and d.supersessions[0].old_fact_id == a.id


# --------------------------------------------------------------------------- entity resolution

from kgmem.memory.entities import EntityResolver  # noqa: E402


def test_entities_resolve_by_normalised_name_not_shared_words() -> None:
    r = EntityResolver(UID)
    ny = r.resolve("New York", "place")
    assert r.resolve("new york", "place").id == ny.id
    assert r.resolve("York", "place").id != ny.id
    assert r.resolve("the Kindle", "item").id == r.resolve("Kindle", "item").id
    assert r.resolve("Zürich", "place").id == r.resolve("Zurich", "place").id
    assert r.lookup("me") == r.user and r.user.name == "user"
    assert ny.id == ids.entity_id(UID, "New York")


def test_entities_seeded_from_store_keep_ids_and_gain_aliases() -> None:
    first = EntityResolver(UID)
    max_ = first.resolve("Max", "person")
    second = EntityResolver(UID, first.new_entities())
    again = second.resolve("MAX", "person")
    assert again.id == max_.id


def test_embedding_similarity_links_spelling_variants_only() -> None:
    import numpy as np

    def embed(texts: list[str]) -> np.ndarray:  # every name looks alike: only the guards decide
        return np.ones((len(texts), 4), dtype=np.float32) / 2.0

    r = EntityResolver(UID, embed=embed)
    a = r.resolve("Dr. Patel's clinic", "org")
    assert r.resolve("Dr Patels clinic", "org").id == a.id
    assert r.resolve("Patel", "org").id != a.id  # shared word, different token count
