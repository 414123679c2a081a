"""Known wrong readings of other people and things, fixed one by one (oe26, issue #13 items 6-7).

Sentences invented for these tests (none from a pair file or the generator's templates).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.extraction.zero.extractor import RuleExtractor
from kgmem.memory.entities import EntityResolver
from kgmem.memory.open_slots import held_slot
from kgmem.models import Entity, Fact

_DATE = datetime(2033, 4, 2, 10, 0)


def _facts(extractor: RuleExtractor, *lines: str) -> set[tuple[str, str, str]]:
    turns: list[tuple[str, str]] = []
    for line in lines:
        turns += [("user", line), ("assistant", "Noted.")]
    return {(f.subject, f.predicate, f.value) for f in extractor.extract(turns, _DATE).facts}


@pytest.mark.parametrize("line", ["Bumped into my colleague Ingrid, her husband Bartek and their twins at the zoo.",
                                  "My neighbour Sunita, her husband Dev."])
def test_someone_elses_partner_is_not_the_users(extractor: RuleExtractor, line: str) -> None:
    got = _facts(extractor, line)
    assert not any(s == "user" and p == "partner_name" for s, p, _ in got), got


def test_the_users_own_partner_is_still_read(extractor: RuleExtractor) -> None:
    assert ("user", "partner_name", "Bartek") in _facts(extractor, "My husband Bartek is a paramedic.")


def _fact(eid: str, pred: str, value: str, text: str) -> Fact:
    return Fact(id=f"f-{eid}-{pred}-{value}", user_id="u", subject_id=eid, predicate=pred, value=value, text=text,
                observed_at=datetime(2033, 3, 1), session_id="s1")


def test_two_slots_that_fit_equally_are_none() -> None:
    milo = Entity(id="e1", user_id="u", name="Milo", type="person")
    slots = {("e1", "attr:shoe_size"): {"a": _fact("e1", "attr:shoe_size", "11", "Milo shoe size: 11.")},
             ("e1", "attr:hat_size"): {"b": _fact("e1", "attr:hat_size", "54", "Milo hat size: 54.")}}
    assert held_slot("Milo", "attr:size", "12", milo, "user", {"e1": milo}.get, slots, None) is None


def test_a_specific_attribute_keeps_off_a_slot_said_of_another() -> None:
    milo = Entity(id="e1", user_id="u", name="Milo", type="person")
    # the "size" slot holds the shoe size (said "Milo shoe size" and merged into it)
    slots = {("e1", "attr:size"): {"a": _fact("e1", "attr:size", "11", "Milo shoe size: 11. (Milo's shoe size is 11)")}}
    assert held_slot("Milo", "attr:hat_size", "54", milo, "user", {"e1": milo}.get, slots, None) is None
    assert held_slot("Milo", "attr:shoe_size", "12", milo, "user", {"e1": milo}.get, slots, None) == ("e1", "attr:size")


def test_a_thing_and_its_meeting_are_one_entity() -> None:
    r = EntityResolver("u")
    club = r.resolve("the film club meeting", "thing")
    assert r.resolve("Film club", "thing").id == club.id
    physio = r.resolve("physio", "thing")
    assert r.resolve("the physio appointment", "thing").id == physio.id
    # a trip or a flight to a place is not the place
    dublin = r.resolve("Dublin", "thing")
    assert r.resolve("the Dublin flight", "thing").id != dublin.id


def test_a_time_called_gone_is_no_new_time(extractor: RuleExtractor) -> None:
    got = _facts(extractor, "Barber texted, Thursday 16:00 is gone")
    assert not any(p == "scheduled_for" and "16:00" in v for _, p, v in got), got
    # known limit: "Garage rang, Friday 9:30 is gone." still stores the time (on a thing named "Garage rang")


# oe25's risk, checked here and real: "Lunch, 12:30." right after "The choir rehearsal is at 7:15 on Thursday."
# is read by entity_bare as a correction of the rehearsal's time (12:30). Not fixed this session (no time to
# re-gate an extraction change); a bare noun before the value that names a meal or a thing should refuse it.
# Not fixed (tried, dropped: each fix held for one wording only): an open slot with no possessive takes the
# compound's first word as its owner ("the wifi password" -> owner wifi, also when "at the lodge" was said
# before); "The DVSA moved me to 13:40" / "The council moved me to 15:10" give the mover a scheduled_for.
