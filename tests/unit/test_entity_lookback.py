"""The first statement a later correction points back to (kgmem.memory.lookback, issue #13 item 7).

Every sentence here is invented for these tests (none is from a pair set): a first statement the
extractor does not store on its own (said inside a question, beside a plan, in a tracker's words),
then a correction in a later session. Through a real store, ingested as the CLI does: the earlier
statement is written dated at its own session and the correction supersedes it.
"""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from kgmem.api import Memory
from kgmem.extraction.zero.entity_lookback import said_values
from kgmem.memory.lookback import Correction, Lookback
from kgmem.models import Haystack
from kgmem.settings import Settings
from kgmem.store.networkx_store import NetworkxStore

DAY = datetime(2024, 6, 3, 9, 0)
LATER = datetime(2024, 6, 24, 18, 0)


@pytest.mark.parametrize(("text", "value", "cls"), [
    ("My sister Jade's train from Leeds gets in at 7:40 on Sunday, should I bring snacks?", "7:40", "when"),
    ("I have to finish the tender pack, the client portal shuts on 9 October. Any tips?", "9 October", "when"),
    ("Ewan is heading up the warehouse audit, so I report to him this month.", "Ewan", "person"),
    ("bought a rug from Dunelm and the courier app just says label created, is that normal?", "label created", "state"),
])
def test_a_statement_beside_a_question_or_plan_is_read(text: str, value: str, cls: str) -> None:
    assert any(value in s.value and s.cls == cls for s in said_values(text, DAY)), said_values(text, DAY)


@pytest.mark.parametrize("text", [
    "If the tasting were on Friday I could go.",
    "They offered 6:45 or 8:15 for the table.",
    "The launch isn't on Monday.",
])
def test_no_value_from_a_condition_an_offer_or_a_negation(text: str) -> None:
    assert not [s for s in said_values(text, DAY) if s.cls == "when"], said_values(text, DAY)


#: (first session's user turns, correction, new value, old value)
RECOVERED = [
    (["what's a good stretch for tight hips",
      "My sister Jade's train from Leeds arrives at 7:40 on Sunday, what time should I leave for the station?"],
     "Jade texted, the train is delayed and gets in at 8:55 now.", "8:55", "7:40"),
    (["I have to finish the tender pack, the client portal shuts on 9 October. Any tips?"],
     "Good news, the client extended the tender deadline to 16 October.", "16 October", "9 October"),
    (["Ewan is heading up the warehouse audit, so I report to him this month. How do I write a status note?"],
     "They moved Ewan onto logistics and Marta leads the warehouse audit now.", "Marta", "Ewan"),
    # session 12: "it" after a sentence naming two things is the second's (the first has no statement)
    (["my tasting with Olive Tree Catering is Wednesday at 3, any questions I should ask?"],
     "the wedding planner moved my Olive Tree tasting, it's Friday at 10 now.", "Friday at 10", "Wednesday at 3"),
    # session 13: "he" is who the sentence named just before the pronoun's clause
    (["Baking for my grandad on Saturday, he's vegetarian, any pie ideas?"],
     "Grandad's gone fully vegan now, so the pie plan is off.", "vegan", "vegetarian"),
    # session 17: told with no word of change, by what happened: a later time of the same type (a time of day)
    (["what's a good stretch for tight hips",
      "My sister Jade's train from Leeds arrives at 7:40 on Sunday, what time should I leave for the station?"],
     "Jade's train pulled in at 8:55, she was starving.", "8:55", "7:40"),
]


def _facts(store: NetworkxStore, user: str) -> tuple[dict, set[tuple[str, str]]]:
    facts = {f.id: f for f in store.facts(user)}
    return facts, {(s.new_fact_id, s.old_fact_id) for s in store.supersessions(user)}


def _superseded(facts: dict, links: set[tuple[str, str]], new: str, old: str) -> list:
    return [(facts[a], facts[b]) for a, b in links if a in facts and b in facts
            and new.casefold() in (facts[a].value or "").casefold() and old.casefold() in (facts[b].value or "").casefold()]


@pytest.mark.parametrize(("first", "second", "new", "old"), RECOVERED)
def test_the_first_statement_is_stored_at_its_own_session(line_session, tmp_path, first: list[str], second: str, new: str,
                                                           old: str) -> None:
    store = NetworkxStore(tmp_path / "store")
    mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
    user = "lookback:1"
    s0, s1 = line_session(user, 0, first, DAY), line_session(user, 1, [second], LATER)
    mem.add_session(user, s0)
    before = {f.value for f in store.facts(user)}
    mem.add_session(user, s1)  # a fresh manager per session: the earlier turns come from the store
    facts, links = _facts(store, user)
    mem.close()
    assert not any(old in (v or "") for v in before)  # the first session alone stores no such fact
    pairs = _superseded(facts, links, new, old)
    assert pairs, [(f.subject_id, f.predicate, f.value) for f in facts.values()]
    _, was = pairs[0]
    assert was.session_id == s0.id and was.observed_at == DAY and was.invalid_at is not None
    assert was.source_turn_ids and all(t.startswith(s0.id) for t in was.source_turn_ids)


def test_one_haystack_planned_ahead_of_its_writes(line_session, tmp_path) -> None:
    """Planned in one pass (the pipeline writes later): the earlier session's turns come from the
    manager's own sessions, and the write that references them is accepted."""
    store = NetworkxStore(tmp_path / "store")
    mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
    first, second, new, old = RECOVERED[0]
    user = "lookback:2"
    hay = Haystack(user_id=user, question_id="q", question="When does Jade's train get in?", question_date=LATER,
                   sessions=[line_session(user, 0, first, DAY), line_session(user, 1, [second], LATER)])
    report = mem.ingest_haystack(hay, embed=False)
    facts, links = _facts(store, user)
    mem.close()
    assert not report.failures
    assert _superseded(facts, links, new, old)


@pytest.mark.parametrize(("first", "second"), [
    # the earlier turn names another thing
    (["The pottery class is on Tuesdays at 6, what should I wear?"], "The choir moved to Thursdays now."),
    # told with no word of change, a time of another type (a date for a weekday): no earlier value replaced (session 17)
    (["The pottery class is on Tuesdays at 6, what should I wear?"], "The pottery class on the 14th was a riot."),
    # the earlier value was only a condition
    (["If the quiz were on Friday I could host it."], "The quiz is on Wednesday now."),
    # asked, not stated
    (["Is the standup at 9:15? I forget."], "The standup is at 10 now."),
    # two different values of the class in the earlier turn: which one was corrected is unknown
    (["ugh, the standup is at 9:15 and the retro at 9:30, what a morning"], "The standup is at 10 now."),
    # the value was said of another person in the same turn
    (["doing a picnic for 4, Tove is vegan and Rafe's gluten-free, any ideas?"], "Rafe's gone vegetarian now."),
    # the pronoun's clause follows another person's name (session 13)
    (["Baking for my grandad and Priya on Saturday, she's vegetarian, any pie ideas?"],
     "Grandad's gone fully vegan now, so the pie plan is off."),
    # said by the assistant, not the user
    (["When is the standup?"], "The standup is at 10 now."),
    # "it" after two names, neither of which an earlier turn gave a time (session 12)
    (["my tasting with Olive Tree Catering is Wednesday at 3, any questions I should ask?"],
     "rang the plumber about the boiler, it's Friday at 10 now."),
])
def test_nothing_recovered_without_a_statement_of_that_entity(line_session, tmp_path, first: list[str], second: str) -> None:
    store = NetworkxStore(tmp_path / "store")
    mem = Memory(Settings.load({"home": str(tmp_path / "home")}), store=store, llm=False)
    user = "lookback:3"
    s0 = line_session(user, 0, first, DAY)
    mem.add_session(user, s0)
    stated = {f.id for f in store.facts(user)}
    mem.add_session(user, line_session(user, 1, [second], LATER))
    facts, links = _facts(store, user)
    mem.close()
    assert not [f for f in facts.values() if f.session_id == s0.id and f.id not in stated], \
        [(f.predicate, f.value) for f in facts.values()]
    assert not [old for _, old in links if old not in stated]


def test_the_latest_earlier_statement_is_taken(line_session, tmp_path) -> None:
    store = NetworkxStore(tmp_path / "store")
    user = "lookback:4"
    sessions = [line_session(user, 0, ["The drains survey is on 2 July, can you remind me?"], DAY),
                line_session(user, 1, ["Quick one: the drains survey is on 9 July, what do I need to clear?"],
                         datetime(2024, 6, 10, 9, 0))]
    look = Lookback(store, user)
    for s in sessions:
        look.remember(s)
    got = look.find(Correction("drains survey", "thing", ("scheduled_for",), "16 July", "when"),
                    line_session(user, 2, ["x"], LATER))
    assert got is not None and got.session.id == sessions[1].id and "9 July" in got.candidate.value
    assert got.candidate.subject == "drains survey" and got.candidate.predicate == "scheduled_for"


def test_an_earlier_value_of_any_class_the_new_value_has(line_session) -> None:
    """Session 13: "relocated to Derby" types Derby as a place and an organisation; the correction
    read from the organisation class still finds the earlier place ("lives in Exeter"), and a class
    the new value does not have (a time) never does."""
    store = NetworkxStore(Path(tempfile.mkdtemp()) / "store")
    user = "lookback:5"
    first = line_session(user, 0, ["Yusuf lives in Exeter, any ideas for a day out there?"], DAY)
    look = Lookback(store, user)
    look.remember(first)
    later = line_session(user, 1, ["x"], LATER)
    both = Correction("Yusuf", "person", ("lives_in",), "Derby", "org", classes=("where", "org"))
    got = look.find(both, later)
    assert got is not None and got.candidate.value == "Exeter" and got.session.id == first.id
    assert look.find(Correction("Yusuf", "person", ("lives_in",), "Derby", "org"), later) is None
