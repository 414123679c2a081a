"""The general (entity, attribute, value) frame for other people and things (issue #13 item 7).

kgmem/extraction/zero/entity_frames.py reads a stated clause's topic and typed values;
entity_roles.py types values by their place in the parse; kgmem/memory/anchoring.py anchors a
correction on the slot whose first statement named what it names; manager.FAMILIES keeps one slot
per attribute family. Every sentence here was invented for these tests (none is from a fixture).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.clauses import clauses_of
from kgmem.extraction.zero.entity_roles import role_values
from kgmem.extraction.zero.nlp import load_nlp
from kgmem.memory.manager import MemoryManager
from kgmem.store.networkx_store import NetworkxStore

if TYPE_CHECKING:
    from conftest import OtherFacts, Supersessions

#: the day the first statements are said on (the conftest's ``other_facts`` reads lines on it too)
DAY = datetime(2024, 5, 2, 9, 0)


#: (statement, words of the entity, attribute family, value)
FIRST_STATEMENTS = [
    ("My 2:1 with Priya is Mondays at 11, any agenda ideas?", "priya", ("scheduled_for", "due_date"), "mondays at 11"),
    ("The boiler service has to be done by 12 May, I keep forgetting.", "boiler service",
     ("scheduled_for", "due_date"), "12 may"),
    ("Cousin Ines is on ward 9 after her op.", "ines", ("lives_in",), "ward 9"),
    ("booked my car in, the MOT is on the 3rd at 10.", "mot", ("scheduled_for",), "the 3rd at 10"),
]


@pytest.mark.parametrize(("text", "entity", "attrs", "value"), FIRST_STATEMENTS)
def test_a_stated_clause_gives_its_topic_a_value(other_facts: OtherFacts, text: str, entity: str,
                                                  attrs: tuple[str, ...], value: str) -> None:
    facts = other_facts(text)
    assert any(entity in s and p in attrs and value in v for s, p, v in facts), facts


#: statements that must give no value to another entity's slot of that kind
NEAR_MISSES = [
    ("Explain how photosynthesis works in detail.", "venue"),
    ("Ravi's parents are planning a Goa wedding, help", "person_in_charge"),
    ("The dog is Biscuit and the tortoise is Sheldon.", "provider"),
    ("the printer jammed again this morning", "status"),
    ("Every Sunday it's the same, lunch at theirs in Harrogate.", "venue"),
    ("Last Saturday was Tomas's wedding at the Old Mill.", "venue"),
]


@pytest.mark.parametrize(("text", "attr"), NEAR_MISSES)
def test_near_misses_give_no_slot(other_facts: OtherFacts, text: str, attr: str) -> None:
    assert not [f for f in other_facts(text) if f[1] == attr]


@pytest.mark.parametrize(("text", "expected"), [
    ("the washing machine arrived yesterday", ("arrived", "state")),
    ("He's joined Octopus Energy as an analyst.", ("Octopus Energy", "org")),
    ("She's on a renal diet now.", ("renal", "diet")),
])
def test_values_typed_by_their_place_in_the_parse(text: str, expected: tuple[str, str]) -> None:
    found = [v for c in clauses_of(load_nlp()(text)) for v in role_values(c)]
    assert expected in found, found


def test_a_move_is_no_state() -> None:
    found = [v for c in clauses_of(load_nlp()("the standup moved to Friday")) for v in role_values(c)]
    assert not [v for v in found if v[1] == "state"]


#: (first statement, correction, new value, old value): the correction anchors on the slot
CORRECTIONS = [
    ("My old housemate Bilal works for Arup in Leeds.", "Big news, Bilal has joined Atkins now.", "Atkins", "Arup"),
    ("Our broadband is with Plusnet and it keeps dropping.", "Ditched Plusnet, the broadband is with Vodafone now.",
     "Vodafone", "Plusnet"),
    ("The replacement kettle is still 'awaiting dispatch'.", "the replacement kettle arrived this morning",
     "arrived", "awaiting dispatch"),
]


@pytest.mark.parametrize(("first", "second", "new", "old"), CORRECTIONS)
def test_a_correction_supersedes_the_first_statement(supersessions: Supersessions, first: str, second: str, new: str,
                                                    old: str) -> None:
    sups = supersessions(first, second, DAY, datetime(2024, 5, 20, 9, 0))
    assert any(new.casefold() in a.casefold() and old.casefold() in b.casefold() for a, b in sups), sups


def test_one_slot_per_family(tmp_path, line_session) -> None:  # type: ignore[no-untyped-def]
    """A thing's place said as its venue, then as the organisation it is with: one slot."""
    store = NetworkxStore(tmp_path / "store")
    user = "frames:2"
    manager = MemoryManager(store, user)

    def cand(pred: str, value: str) -> CandidateFact:
        return CandidateFact(subject="pottery class", subject_type="thing", predicate=pred, value=value,
                             text=f"pottery class {pred} {value}", speaker="user", source_turns=[0], confidence=0.6)

    first = manager.plan_session(line_session(user, 0, "a", DAY), [cand("venue", "Clay Studio")])
    store.apply(first.write)
    manager.commit(first)
    second = manager.plan_session(line_session(user, 1, "b", datetime(2024, 5, 9, 9, 0)), [cand("provider", "Kiln Works")])
    assert second.counts.superseded == 1
    assert [f.predicate for f in second.write.facts] == ["venue"]
