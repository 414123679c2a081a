"""Retrieval: RRF fusion, supersession resolution by intent, hybrid search over a real store,
as-of, recipes, and the context builder's token budget."""

from __future__ import annotations

from datetime import datetime

import pytest
from retrieval_fixture import QUESTION_DATE, USER, HashEmbedder, build_store

from kgmem.llm.tokens import approx_token_count
from kgmem.models import Fact, Intent
from kgmem.retrieval.context import build_context, trim_turn
from kgmem.retrieval.fusion import project, resolve_supersession, rrf
from kgmem.retrieval.planner import plan_query
from kgmem.retrieval.recipes import RECIPES, get_recipe
from kgmem.retrieval.search import Retriever
from kgmem.temporal import describe_delta


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    s = build_store(tmp_path_factory.mktemp("store"))
    yield s
    s.close()


def _retrieve(store, question: str, as_of: datetime | None = None, recipe: str | None = None):  # noqa: ANN001,ANN202
    plan = plan_query(question, QUESTION_DATE, as_of=as_of)
    return Retriever(store, HashEmbedder(), recipe).retrieve(USER, plan)


# --------------------------------------------------------------------------- fusion


def test_rrf_orders_by_summed_reciprocal_rank() -> None:
    fused = rrf({"a": ["x", "y", "z"], "b": ["y", "x"], "c": ["y"]})
    assert [i for i, _ in fused] == ["y", "x", "z"]
    score = dict(fused)
    assert score["y"] == pytest.approx(1 / 62 + 1 / 61 + 1 / 61)
    assert score["z"] == pytest.approx(1 / 63)


def test_rrf_weights_duplicates_and_ties() -> None:
    assert [i for i, _ in rrf({"a": ["x"], "b": ["y"]}, weights={"b": 2.0})] == ["y", "x"]
    assert dict(rrf({"a": ["x", "x", "y"]}))["x"] == pytest.approx(1 / 61)
    # equal scores: the id ranked higher by the earlier list wins, deterministically
    assert [i for i, _ in rrf({"a": ["p", "q"], "b": ["q", "p"]})] == ["p", "q"]


def test_project_keeps_first_seen_order() -> None:
    rel = {"f1": ["t2"], "f2": ["t1", "t2"], "f3": ["t3"]}
    assert project(["f1", "f2", "f3"], lambda f: rel[f]) == ["t2", "t1", "t3"]


def _f(fid: str, when: datetime, value: str, invalid_at: datetime | None = None) -> Fact:
    return Fact(id=fid, user_id="u", subject_id="e", predicate="lives_in", value=value, text=f"lives in {value}",
                observed_at=when, invalid_at=invalid_at, session_id="s", source_turn_ids=[])


def test_supersession_resolution_by_intent() -> None:
    old = _f("old", datetime(2023, 1, 1), "Boston", invalid_at=datetime(2023, 3, 1))
    new = _f("new", datetime(2023, 3, 1), "Seattle")
    chains = {"old": [new, old], "new": [new, old]}
    assert [f.id for f in resolve_supersession([old], Intent.CURRENT_VALUE, chains)] == ["new"]
    assert [f.id for f in resolve_supersession([old], Intent.SINGLE_FACT, chains)] == ["new", "old"]
    assert [f.id for f in resolve_supersession([new], Intent.HISTORY, chains)] == ["new", "old"]
    # no chain known: the superseded fact stays (it may be all the evidence there is)
    assert [f.id for f in resolve_supersession([old], Intent.CURRENT_VALUE, {})] == ["old"]


# --------------------------------------------------------------------------- search


def test_hybrid_finds_the_evidence_session(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "Who did I go to the jazz concert with?")
    assert r.session_ids[0] == "s2"
    assert r.facts[0].id == "f3"
    assert r.turns[0].id.startswith("s2:")
    assert {"fact:vec_fact", "fact:bm25_fact", "turn:vec_turn", "turn:bm25_turn", "turn:facts→turns"} <= set(r.lists)


def test_current_value_drops_superseded_value(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "Where do I live now?")
    ids = [f.id for f in r.facts]
    assert "f4" in ids and "f1" not in ids


def test_history_keeps_every_version(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "Where did I live before I moved to Seattle?")
    ids = [f.id for f in r.facts]
    assert "f4" in ids and "f1" in ids


def test_as_of_hides_later_sessions_and_revives_old_value(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "Where do I live?", as_of=datetime(2023, 2, 1))
    assert set(r.sessions) == {"s1"}
    f1 = r.all_facts["f1"]
    assert f1.invalid_at is None  # not yet superseded on 2023-02-01
    assert all(t.session_id == "s1" for t in r.turns)


def test_time_window_prefers_sessions_inside_it(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "What did I do last month?")
    assert r.plan.window is not None
    assert r.session_ids[0] in {"s4", "s5", "s6"}  # April sessions


@pytest.mark.parametrize("name", sorted(RECIPES))
def test_every_recipe_runs(store, name: str) -> None:  # noqa: ANN001
    r = _retrieve(store, "What road bike did I buy?", recipe=name)
    assert r.recipe == name
    assert "s4" in r.session_ids[:2]


def test_unknown_recipe_names_the_known_ones() -> None:
    with pytest.raises(ValueError, match="hybrid-rrf"):
        get_recipe("nope")


# --------------------------------------------------------------------------- context


def test_context_is_dated_sorted_and_within_budget(store) -> None:  # noqa: ANN001
    r = _retrieve(store, "When did I buy the road bike?")
    ctx = build_context(r, count_tokens=approx_token_count, budget=2000, computed=["x is 3 days before today."])
    assert ctx.text.startswith("Today is 2023-05-01 (Mon).")
    assert "Computed from memory:" in ctx.text
    dates = [ln for ln in ctx.text.splitlines() if ln.startswith("[2023-")]
    assert dates == sorted(dates)
    assert ctx.tokens == approx_token_count(ctx.text) <= 2000
    for budget in (60, 120, 250):
        small = build_context(r, count_tokens=approx_token_count, budget=budget)
        assert approx_token_count(small.text) <= budget
        assert len(small.fact_ids) + len(small.turn_ids) < len(ctx.fact_ids) + len(ctx.turn_ids)
    superseded = build_context(_retrieve(store, "Where did I live before?"), count_tokens=approx_token_count)
    assert "no longer true since 2023-03-20" in superseded.text


def test_trim_turn_keeps_the_relevant_sentence() -> None:
    text = " ".join([f"Filler sentence number {i} about nothing." for i in range(40)]
                    + ["My sister Maya loves jazz concerts."] + ["More filler here." for _ in range(20)])
    out = trim_turn(text, {"maya", "jazz"}, max_words=20)
    assert "Maya loves jazz" in out and len(out.split()) <= 22


def test_describe_delta() -> None:
    assert describe_delta(datetime(2023, 3, 4), datetime(2023, 4, 18), relation=False) == "45 days (about 6 weeks)"
    assert describe_delta(datetime(2023, 3, 4), datetime(2023, 3, 5), relation=False) == "1 day"
