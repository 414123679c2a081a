"""One SessionWrite validator (:mod:`kgmem.store.validate`), exercised through both backends.

Every malformed write below is refused whole by each store with the same message, and leaves
nothing behind; the pure half (:func:`plan_write`) is also checked without a store.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from kgmem.models import SessionWrite, Supersession
from kgmem.store.base import EmbeddingDimensionError, MemoryStore, StoreError
from kgmem.store.validate import Reference, check_against, plan_write

from .factories import T0, fake_embed, make_entity, make_fact, make_session, make_write

NewUser = Callable[[str], str]
AWARE = datetime(2023, 5, 21, 9, 0, tzinfo=UTC)


def _write(user: str, sid: str = "s1") -> SessionWrite:
    """A valid write: one session, the user entity, one fact citing turn 0."""
    sess = make_session(user, sid, T0 + timedelta(days=1), ["I moved to Valparaíso", "Nice!"])
    me = make_entity(user, "me", "person")
    return make_write(sess, [me], [make_fact(user, me, "lives_in", "Valparaíso", sess)])


def _tz_session(w: SessionWrite) -> None:
    # model_copy skips pydantic validation: the store is the last line of defence
    w.session = w.session.model_copy(update={"started_at": AWARE})


def _tz_fact(w: SessionWrite) -> None:
    w.facts[0] = w.facts[0].model_copy(update={"valid_from": AWARE})


def _tz_supersession(w: SessionWrite) -> None:
    other = w.facts[0].model_copy(update={"id": "f-other"})
    w.facts.append(other)
    w.supersessions = [Supersession.model_construct(
        user_id=w.user_id, new_fact_id=other.id, old_fact_id=w.facts[0].id, at=AWARE)]


def _clash_with_stored(w: SessionWrite) -> None:
    w.entities.append(make_entity(w.user_id, "x", id="s0"))  # s0 is a stored session


def _both_kinds(w: SessionWrite) -> None:
    w.entities.append(make_entity(w.user_id, "x", id=w.facts[0].id))


def _twice(w: SessionWrite) -> None:
    w.facts.append(w.facts[0].model_copy(update={"text": "another text"}))


def _empty_id(w: SessionWrite) -> None:
    w.entities.append(make_entity(w.user_id, "x").model_copy(update={"id": ""}))


def _user_id_as_node(w: SessionWrite) -> None:
    w.entities.append(make_entity(w.user_id, "x", id=w.user_id))


def _nan(w: SessionWrite) -> None:
    tid = w.session.turns[0].id
    w.turn_embeddings[tid] = [float("nan")] * len(w.turn_embeddings[tid])


def _empty_vec(w: SessionWrite) -> None:
    w.turn_embeddings[w.session.turns[0].id] = []


def _mixed_dims(w: SessionWrite) -> None:
    w.turn_embeddings[w.session.turns[0].id] = fake_embed("x", 16)


def _stored_dim(w: SessionWrite) -> None:
    w.turn_embeddings = {t.id: fake_embed(t.text, 16) for t in w.session.turns}
    w.fact_embeddings, w.entity_embeddings = {}, {}


def _vec_unknown(w: SessionWrite) -> None:
    w.turn_embeddings["ghost-turn"] = fake_embed("x")


def _vec_wrong_kind(w: SessionWrite) -> None:
    w.turn_embeddings[w.entities[0].id] = fake_embed("x")


def _self_supersede(w: SessionWrite) -> None:
    f = w.facts[0]
    w.supersessions = [Supersession(user_id=w.user_id, new_fact_id=f.id, old_fact_id=f.id, at=T0)]


def _ghost_supersession(w: SessionWrite) -> None:
    w.supersessions = [Supersession(user_id=w.user_id, new_fact_id=w.facts[0].id, old_fact_id="ghost",
                                    at=T0)]


def _ghost_session(w: SessionWrite) -> None:
    w.facts[0] = w.facts[0].model_copy(update={"session_id": "no-such-session"})


def _ghost_turn(w: SessionWrite) -> None:
    w.facts[0] = w.facts[0].model_copy(update={"source_turn_ids": ["no-such-turn"]})


def _ghost_invalidation(w: SessionWrite) -> None:
    w.invalidations = {"ghost": T0}


def _foreign_fact(w: SessionWrite) -> None:
    w.facts[0] = w.facts[0].model_copy(update={"user_id": "someone-else"})


CASES: dict[str, tuple[Callable[[SessionWrite], None], type[StoreError], str]] = {
    "tz-aware session time": (_tz_session, StoreError, r"session\.started_at: datetime .* is tz-aware"),
    "tz-aware fact time": (_tz_fact, StoreError, r"facts\[0\] .*\.valid_from: datetime .* is tz-aware"),
    "tz-aware supersession time": (_tz_supersession, StoreError, r"supersessions\[0\]\.at: .* is tz-aware"),
    "id of a stored node of another kind": (_clash_with_stored, StoreError,
                                            r"entity id 's0' is already a session node"),
    "one id, two kinds": (_both_kinds, StoreError, r"is used as both entity and fact"),
    "one id, two contents": (_twice, StoreError, r"fact .* appears twice with different content"),
    "empty id": (_empty_id, StoreError, r"entities\[1\] has an empty id"),
    "node id equals the user id": (_user_id_as_node, StoreError, r"equals the user id"),
    "NaN embedding": (_nan, StoreError, r"turn_embeddings\[.*\]: embedding contains NaN or infinite"),
    "empty embedding": (_empty_vec, StoreError, r"turn_embeddings\[.*\]: empty embedding"),
    "two dimensions in one write": (_mixed_dims, EmbeddingDimensionError,
                                    r"embeddings of different dimensions \[16, 384\]"),
    "another dimension than stored": (_stored_dim, EmbeddingDimensionError,
                                      r"holds 384-dim vectors .* makes 16-dim .*KGMEM_EMBED_MODEL"),
    "vector for an unknown node": (_vec_unknown, StoreError, r"turn_embeddings\['ghost-turn'\]: no turn"),
    "vector for a node of another kind": (_vec_wrong_kind, StoreError,
                                          r"no turn with that id \(it is an entity in this write\)"),
    "self-supersession": (_self_supersede, StoreError, r"cannot supersede itself"),
    "supersedes an unknown fact": (_ghost_supersession, StoreError,
                                   r"old_fact_id 'ghost' is not a known fact"),
    "fact of an unknown session": (_ghost_session, StoreError,
                                   r"session_id 'no-such-session' is not a known session"),
    "fact citing an unknown turn": (_ghost_turn, StoreError, r"unknown turn 'no-such-turn'"),
    "invalidates an unknown fact": (_ghost_invalidation, StoreError,
                                    r"invalidations\['ghost'\] is not a known fact"),
    "fact of another user": (_foreign_fact, StoreError, r"facts\[0\] .* has user_id 'someone-else'"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_both_stores_refuse_a_bad_write_whole_with_one_message(
    store: MemoryStore, new_user: NewUser, case: str
) -> None:
    user = new_user("val")
    store.apply(make_write(make_session(user, "s0", T0, ["hello"])))
    before = (store.sessions(user), store.turns(user), store.entities(user), store.facts(user))
    mutate, error, pattern = CASES[case]
    write = _write(user)
    mutate(write)
    with pytest.raises(error, match=pattern):
        store.apply(write)
    assert (store.sessions(user), store.turns(user), store.entities(user), store.facts(user)) == before
    store.apply(_write(user))  # the same write, unbroken, goes through
    assert store.has_session(user, "s1")


def test_plan_write_needs_no_store_and_lists_what_the_store_must_confirm() -> None:
    w = _write("u1")
    w.facts[0] = w.facts[0].model_copy(update={"session_id": "s-stored"})
    plan = plan_write(w)
    assert plan.claims[w.session.id] == "session" and plan.claims[w.facts[0].id] == "fact"
    assert plan.dim == 384
    assert [(r.node_id, r.kind) for r in plan.refs] == [("s-stored", "session")]
    stored = {"s-stored": "session"}
    check_against(plan, stored.get)
    with pytest.raises(StoreError, match="'s-stored' is not a known session"):
        check_against(plan, {}.get)
    with pytest.raises(StoreError, match="fact id .* is already a turn node"):
        check_against(plan, {**stored, w.facts[0].id: "turn"}.get)
    assert isinstance(plan.refs[0], Reference)
