"""An earlier value of the user's slot said in passing is history, never the current value (session 28, oe28).

Three layers: the reading (kgmem/extraction/zero/past_values.py), the slot order (kgmem/memory/supersession.py: an
earlier value sits where it ended), and memory (kgmem/memory/past_values.py: before the slot's first value, or
recalled from the turn that said it). The invented set tests/fixtures/extraction/past_values_oe28.jsonl is checked
for shape here and measured by eval/bench_past_values.py.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from kgmem import ids
from kgmem.api import Memory
from kgmem.extraction.zero import RuleExtractor
from kgmem.memory.past_values import placed, split_earlier
from kgmem.memory.supersession import Action, decide, order_key
from kgmem.models import Fact, Session, Turn
from kgmem.predicates import EARLIER_VALUE_SLOTS, told_as_earlier
from kgmem.settings import Settings
from kgmem.store.networkx_store import NetworkxStore

UID = "t:pv"
ME = ids.entity_id(UID, "user")
JAN, MAR, MAY = datetime(2025, 1, 5, 10), datetime(2025, 3, 5, 10), datetime(2025, 5, 5, 10)
SET = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "extraction" / "past_values_oe28.jsonl"


def fact(pred: str, value: str, day: datetime, *, until: datetime | None = None) -> Fact:
    sid = f"s{day:%m%d}"
    return Fact(id=ids.fact_id(UID, ME, pred, value, sid), user_id=UID, subject_id=ME, predicate=pred, value=value,
                text=f"{pred} {value}", observed_at=day, valid_to=until, session_id=sid, source_turn_ids=[f"{sid}:0"])


# ---- the marker ---------------------------------------------------------------------------------------------------
def test_an_earlier_value_is_a_held_slot_with_an_end_and_no_start() -> None:
    assert told_as_earlier("lives_in", None, JAN)
    assert not told_as_earlier("lives_in", JAN, MAR)  # a dated interval is no earlier value
    assert not told_as_earlier("visited", None, JAN)  # a trip's end is its own
    assert not told_as_earlier("lives_in", None, None)
    assert {"lives_in", "works_at", "drives", "phone"} <= EARLIER_VALUE_SLOTS


# ---- the slot order -----------------------------------------------------------------------------------------------
def test_an_earlier_value_said_later_sits_before_the_value_it_ended_at() -> None:
    now = fact("lives_in", "Leeds", JAN)
    before = fact("lives_in", "Manchester", MAR, until=JAN.replace(hour=9))
    assert order_key(before) < order_key(now)
    d = decide(before, [now])
    assert d.action is Action.SUPERSEDE and d.fact is not None
    assert [(s.new_fact_id, s.old_fact_id) for s in d.supersessions] == [(now.id, before.id)]
    assert d.fact.invalid_at == JAN and not d.invalidations  # the current value stays current


def test_an_earlier_value_alone_is_never_current() -> None:
    d = decide(fact("phone", "Pixel 5", MAR, until=MAR.replace(hour=0)), [])
    assert d.action is Action.ADD and d.fact is not None and d.fact.invalid_at == MAR


def test_a_later_value_supersedes_an_earlier_one() -> None:
    before = fact("phone", "Pixel 5", MAR, until=MAR.replace(hour=0)).model_copy(update={"invalid_at": MAR})
    d = decide(fact("phone", "iPhone 15", MAY), [before])
    assert d.action is Action.SUPERSEDE and d.fact is not None and d.fact.invalid_at is None
    assert d.invalidations == {before.id: MAY}


def test_a_value_held_again_does_not_join_its_earlier_statement() -> None:
    """"back when I drove a Golf" then "I drive a Golf again": the second is current, not history merged."""
    before = fact("drives", "Golf", MAR, until=MAR.replace(hour=0)).model_copy(update={"invalid_at": MAR})
    d = decide(fact("drives", "Golf", MAY), [before])
    assert d.action is Action.SUPERSEDE and d.fact is not None and d.fact.invalid_at is None


def test_a_statement_arriving_late_joins_the_earlier_value_it_held_until() -> None:
    """Sessions out of order: "the dealer took the old Mazda CX-5" (stored first, as an earlier value) and then the
    earlier "The Mazda CX-5 is rattling again": one run, so what superseded the earlier value supersedes that."""
    before = fact("drives", "Mazda CX-5", MAR, until=MAR.replace(hour=0)).model_copy(update={"invalid_at": MAR})
    d = decide(fact("drives", "Mazda CX-5", JAN), [before])
    assert d.action is Action.MERGE and d.fact is not None and d.fact.id == before.id
    assert d.fact.observed_at == JAN and d.fact.invalid_at == MAR


# ---- memory: where an earlier value goes ---------------------------------------------------------------------------
def _session(sid: str, day: datetime, *texts: str) -> Session:
    return Session(id=sid, user_id=UID, started_at=day,
                   turns=[Turn(id=f"{sid}:{i}", session_id=sid, idx=i, role="user", text=t) for i, t in enumerate(texts)])


def test_memory_places_an_earlier_value_before_the_slots_first_value() -> None:
    from kgmem.extraction.schema import CandidateFact
    held = fact("lives_in", "Leeds", JAN)
    c = CandidateFact(predicate="lives_in", value="Manchester", valid_to=datetime(2025, 3, 5), source_turns=[0])
    now, before = split_earlier([c, CandidateFact(predicate="lives_in", value="Leeds")])
    assert [x.value for x in before] == ["Manchester"] and [x.value for x in now] == ["Leeds"]
    (s, got, recalled), = placed(_session("s2", MAR, "back when I lived in Manchester"), before,
                                 {"lives_in": {held.id: held}}, lambda _s: [])
    assert not recalled and s.id == "s2" and got.valid_to is not None and got.valid_to < JAN
    # a value the slot already holds adds no history
    assert placed(_session("s2", MAR, "x"), [c.model_copy(update={"value": "Leeds"})], {"lives_in": {held.id: held}},
                  lambda _s: []) == []


def test_memory_recalls_an_earlier_value_from_the_turn_that_said_it() -> None:
    from kgmem.extraction.schema import CandidateFact
    first = _session("s1", JAN, "the camera on my Pixel 8a is useless in low light")
    c = CandidateFact(predicate="phone", value="Pixel 8a", valid_to=datetime(2025, 3, 5), source_turns=[0])
    (s, got, recalled), = placed(_session("s2", MAR, "traded in my Pixel 8a"), [c], {},
                                 lambda _s: [(first, first.turns[0])])
    assert recalled and s.id == "s1" and got.valid_to is None and got.source_turns == [0]


# ---- end to end: the reading and memory ------------------------------------------------------------------------------
Ingest = Callable[[list[tuple[datetime, str]]], list[Fact]]


@pytest.fixture
def ingest(tmp_path: Path) -> Ingest:
    def run(lines: list[tuple[datetime, str]]) -> list[Fact]:
        store = NetworkxStore(tmp_path / "store")
        mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
        user = "pv:1"
        for n, (day, text) in enumerate(lines):
            sid = ids.session_id(f"pv-{n}", n, ids.session_content_digest([("user", text)]))
            mem.add_session(user, Session(id=sid, user_id=user, started_at=day, source_id=f"pv-{n}", turns=[
                Turn(id=ids.turn_id(sid, 0), session_id=sid, idx=0, role="user", text=text),
                Turn(id=ids.turn_id(sid, 1), session_id=sid, idx=1, role="assistant", text="Noted.")]))
        facts = [f for f in store.facts(user) if f.subject_id == ids.entity_id(user, "user")]
        mem.close()
        return facts

    return run


def _slot(facts: list[Fact], pred: str) -> dict[str, bool]:
    """value → current, of the user's facts of ``pred``."""
    return {f.value or "": f.invalid_at is None for f in facts if f.predicate == pred}


@pytest.mark.parametrize(("current", "passing", "pred", "value", "old"), [
    ("I live in Leeds these days, right by the canal.", "Back when I lived in Manchester I never needed a car, honestly.",
     "lives_in", "Leeds", "Manchester"),
    ("I've got an iPhone 15 now.", "my previous phone, a Pixel 5, had way better battery life tbh",
     "phone", "iPhone 15", "Pixel 5"),
    ("I drive a Tesla Model 3.", "back when I drove the VW Golf, parking was never this stressful",
     "drives", "Tesla Model 3", "VW Golf"),
])
def test_a_value_said_in_passing_stays_history(ingest: Ingest, current: str, passing: str, pred: str, value: str,
                                                old: str) -> None:
    slot = _slot(ingest([(JAN, current), (MAR, passing)]), pred)
    assert slot.get(value) is True and slot.get(old) is False


def test_a_plan_to_leave_keeps_the_current_value(ingest: Ingest) -> None:
    slot = _slot(ingest([(JAN, "I work at Aviva in the claims team."),
                         (MAR, "honestly thinking about leaving Aviva, the commute is killing me")]), "works_at")
    assert slot == {"Aviva": True}


def test_a_phone_let_go_with_none_held_is_recalled_and_replaced(ingest: Ingest) -> None:
    facts = ingest([(JAN, "the camera on my Pixel 8a really can't handle low light, all my concert photos are mush."),
                    (MAR, "Traded in my Pixel 8a at the shop today, they gave me forty bucks toward the Pixel 7.")])
    slot = _slot(facts, "phone")
    assert slot.get("Pixel 7") is True and slot.get("Pixel 8a") is False
    old = next(f for f in facts if f.predicate == "phone" and f.value == "Pixel 8a")
    assert old.observed_at == JAN  # recalled where it was said


def test_a_phone_kept_is_no_earlier_value() -> None:
    """rev28: "I'd never sell my Pixel 8a" lets nothing go (user_things' negation check, shared)."""
    from kgmem.memory.user_news import said_as_old, tells_of_others
    from kgmem.memory.user_things import let_go_unheld
    kept = _session("s2", MAR, "I'd never sell my Pixel 8a, it still works fine.")
    gone = _session("s2", MAR, "Traded in my Pixel 8a at the shop today.")
    assert let_go_unheld(kept, {}, tells_of_others, said_as_old) == []
    assert [c.value for c in let_go_unheld(gone, {}, tells_of_others, said_as_old)] == ["Pixel 8a"]


def test_the_reader_marks_only_earlier_values(extractor: RuleExtractor) -> None:
    def earlier(text: str) -> set[str]:
        res = extractor.extract([("user", text)], MAR)
        return {f.value for f in res.facts if told_as_earlier(f.predicate, f.valid_from, f.valid_to)}
    assert "Manchester" in earlier("Back when I lived in Manchester I never needed a car.")
    assert "vegetarian" in earlier("When I was vegetarian I basically lived on halloumi.")
    assert not earlier("I live in Leeds and I love it.")
    assert not earlier("honestly thinking about leaving Aviva, the commute is killing me")


@pytest.mark.parametrize(("text", "left"), [
    ("I quit my job at Deloitte last month.", ("works_at", "deloitte")),
    ("I resigned from Barclays in April.", ("works_at", "barclays")),
    ("I worked at Barclays until 2022.", ("works_at", "barclays")),
    ("I lived in Leeds before moving to York.", ("lives_in", "leeds")),
    ("My phone is a Pixel 8, I was on an iPhone until 2023.", ("phone", "iphone")),
])
def test_a_slot_left_or_ended_is_kept_as_an_earlier_value(extractor: RuleExtractor, text: str,
                                                           left: tuple[str, str]) -> None:
    """What the leaving and closed-period checks used to drop is history now (tests/unit/test_extraction_classes_s14
    and _typed_s15 check it is no current value)."""
    res = extractor.extract([("user", text)], datetime(2025, 6, 18))
    assert left in {(f.predicate, f.value.casefold()) for f in res.facts
                    if f.subject == "user" and told_as_earlier(f.predicate, f.valid_from, f.valid_to)}


# ---- the invented set's shape ----------------------------------------------------------------------------------------
def test_the_invented_set_is_well_formed() -> None:
    rows = [json.loads(line) for line in SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 30 and sum(r["kind"] == "past" for r in rows) >= 25
    assert {r["kind"] for r in rows} == {"past", "distractor", "keep"}
    assert len({r["slot"] for r in rows}) >= 8 and len({r["question"] for r in rows}) == len(rows)
    for r in rows:
        said = " ".join(t["content"] for s in r["sessions"] for t in s["turns"] if t["role"] == "user").casefold()
        assert r["answer"].casefold() in said and r["other_value"].casefold() in said, r["id"]
        assert r["slot"] in EARLIER_VALUE_SLOTS, r["id"]
