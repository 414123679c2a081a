"""The user's phone or car changed, told by letting the held one go (oe27, issue #13 point 6).

Sentences invented for these tests (none from a pair file or the synthetic templates); :func:`things_changed`
over held facts written here by hand, and :func:`named_changes` through a manager for the whole path.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.memory.user_news import _others_told, said_as_old
from kgmem.memory.user_things import KINDS, by_kind, names_of_kind, things_changed
from kgmem.models import Fact, Session, Turn

if TYPE_CHECKING:
    from conftest import Supersessions

UID = "u"
EARLIER = datetime(2033, 2, 1, 9, 0)


def _held(pred: str, value: str, session_id: str = "s-earlier") -> dict[str, Fact]:
    return {pred: Fact(id=f"f-{pred}", user_id=UID, subject_id="user", predicate=pred, value=value, text=value,
                       observed_at=EARLIER, session_id=session_id)}


def _session(*user_lines: str) -> Session:
    turns: list[tuple[str, str]] = []
    for line in user_lines:
        turns += [("user", line), ("assistant", "Okay.")]
    return Session(id="s-now", user_id=UID, started_at=datetime(2033, 3, 9, 18, 0),
                   turns=[Turn(id=f"s-now:{i}", session_id="s-now", idx=i, role=r, text=t) for i, (r, t) in enumerate(turns)])


def _others(raw: str) -> bool:
    return _others_told(raw, [], lambda name: False)


def _run(held: dict[str, Fact], line: str, cands: list[CandidateFact] | None = None) -> tuple[list[CandidateFact], set[int]]:
    return things_changed(_session(line), cands or [], held, _others, said_as_old)


@pytest.mark.parametrize(("text", "kind", "want"), [
    ("Sold my iPhone 11 and got a Pixel 8 Pro instead.", "phone", ["iPhone 11", "Pixel 8 Pro"]),
    ("The Skoda Octavia estate is parked next to a Honda Jazz.", "drives", ["Skoda Octavia", "Honda Jazz"]),
    ("I played golf and then went to the mini golf place.", "drives", []),  # no capital: no maker's name
    ("Samsung Galaxy S23, I think.", "phone", ["Samsung Galaxy S23"]),
])
def test_names_of_a_kind_start_with_a_maker_written_as_a_name(text: str, kind: str, want: list[str]) -> None:
    assert [v for v, _, _ in names_of_kind(text, KINDS[kind])] == want


@pytest.mark.parametrize(("pred", "held", "line", "want"), [
    ("phone", "Galaxy A52", "Gave my Galaxy A52 to a charity shop and picked up a Fairphone 5 yesterday.", "Fairphone 5"),
    ("phone", "iPhone 8", "Finally upgraded from the iPhone 8 to an iPhone 14, the camera is unreal.", "iPhone 14"),
    ("drives", "Ford Focus", "Swapped the Focus for a Toyota Corolla hybrid at the weekend.", "Toyota Corolla"),
    ("drives", "Renault Clio", "Said goodbye to the old Clio this morning, there's a Dacia Sandero in the drive now.",
     "Dacia Sandero"),
])
def test_a_held_thing_let_go_and_another_named_gives_the_new_value(pred: str, held: str, line: str, want: str) -> None:
    got, drop = _run(_held(pred, held), line)
    assert [(c.predicate, c.value) for c in got] == [(pred, want)]
    assert got[0].subject == "user" and got[0].source_turns == [0] and not drop


@pytest.mark.parametrize(("pred", "held", "line"), [
    # a question, a wish, a condition: nothing changed
    ("phone", "iPhone 8", "Should I sell the iPhone 8 and get a Pixel 8?"),
    ("drives", "Ford Focus", "Thinking about trading the Focus for a Kia Picanto."),
    ("drives", "Ford Focus", "If I sold the Focus I could get a Kia Picanto."),
    # someone else's
    ("phone", "iPhone 8", "My sister sold her iPhone 8 and bought a Pixel 7."),
    ("drives", "Ford Focus", "He traded the Focus in for a Kia Picanto."),
    # the held one not let go
    ("phone", "iPhone 8", "My iPhone 8 takes better photos than Dan's Pixel 7."),
    # two other names: which one is unsaid
    ("drives", "Ford Focus", "Sold the Focus; it's between a Kia Picanto and a Toyota Aygo now."),
    # no other name of the kind
    ("phone", "iPhone 8", "Sold the iPhone 8 on eBay for £60."),
])
def test_nothing_is_read_without_a_held_thing_let_go_and_one_new_name(pred: str, held: str, line: str) -> None:
    got, _ = _run(_held(pred, held), line)
    assert got == []


def test_the_held_thing_read_again_from_the_turn_is_dropped() -> None:
    again = CandidateFact(subject="user", predicate="drives", value="Focus", text="…", source_turns=[0], confidence=0.8)
    got, drop = _run(_held("drives", "Ford Focus"), "Scrapped the Focus, and I'm getting about in a Kia Picanto now.",
                     [again])
    assert id(again) in drop
    assert [c.value for c in got] == ["Kia Picanto"]


def test_a_readers_own_new_value_stands() -> None:
    read = CandidateFact(subject="user", predicate="phone", value="Pixel 7", text="…", source_turns=[0], confidence=0.8)
    line = "Sold the iPhone 8, my new phone is a Pixel 7."
    got, drop = _run(_held("phone", "iPhone 8"), line, [read])
    assert got == [] and not drop
    alone, _ = _run(_held("phone", "iPhone 8"), line)  # without the reader's value, this module reads it
    assert [c.value for c in alone] == ["Pixel 7"]


def test_a_thing_held_from_this_very_session_is_not_replaced() -> None:
    got, _ = _run(_held("phone", "iPhone 8", session_id="s-now"), "Sold the iPhone 8 and bought a Pixel 7.")
    assert got == []


def _cand(pred: str, value: str, subject: str = "user") -> CandidateFact:
    return CandidateFact(subject=subject, predicate=pred, value=value, text="…", source_turns=[0], confidence=0.8)


@pytest.mark.parametrize(("line", "cand", "want"), [
    # a phone or a car is no home
    ("Spent the evening moving my contacts over to the new Galaxy S24.", ("lives_in", "Galaxy S24"), None),
    ("Moved the child seat across to the Skoda Octavia this morning.", ("lives_in", "Skoda Octavia"), None),
    # a place named like a maker stays a place; so does another person's reading
    ("We moved to Dodge City in May.", ("lives_in", "Dodge City"), "Dodge City"),
    # a phone or car cut short to its maker is read in full where the turn names one such
    ("Switched over to the Pixel 8 last night, setting it up now.", ("phone", "Pixel"), "Pixel 8"),
    ("Picked up the Kia Niro from the dealer today.", ("drives", "Kia"), "Kia Niro"),
    # two names that start alike: which one is unsaid
    ("The Pixel 8 replaced the Pixel 6 today.", ("phone", "Pixel"), "Pixel"),
])
def test_readings_put_right_by_the_names_kind(line: str, cand: tuple[str, str], want: str | None) -> None:
    got = by_kind(_session(line), [_cand(*cand)])
    assert [c.value for c in got] == ([want] if want else [])


def test_someone_elses_reading_is_left_alone() -> None:
    other = _cand("venue", "Galaxy S24", subject="the launch")
    assert by_kind(_session("The launch moved to the Galaxy S24 stand."), [other]) == [other]


D1, D2 = datetime(2033, 2, 1, 9), datetime(2033, 3, 9, 18)


def test_ingest_a_phone_let_go_for_another(supersessions: Supersessions) -> None:
    # main (76b50d9) stored no change for either: the new name is said as arriving, or as parked outside
    sups = supersessions("My phone is a Galaxy A52 and the battery is going.",
                         "Sold the Galaxy A52 on Vinted; a Pixel 8a arrived on Tuesday.", D1, D2)
    assert ("Pixel 8a", "Galaxy A52") in sups


def test_ingest_a_car_let_go_for_another(supersessions: Supersessions) -> None:
    sups = supersessions("I drive a Ford Focus, it's ten years old.",
                         "Scrapped the Focus last week, and a Toyota Aygo is parked outside now.", D1, D2)
    assert ("Toyota Aygo", "Ford Focus") in sups


def test_ingest_someone_elses_car_changes_nothing(supersessions: Supersessions) -> None:
    sups = supersessions("I drive a Ford Focus, it's ten years old.",
                         "My dad sold the Ford Focus he had and bought a Kia Picanto.", D1, D2)
    assert not any(old == "Ford Focus" for _, old in sups)


# oe29: a thing named as wished for, still to come, or borrowed is not held (sentences invented for these tests;
# before the change 7 of these 12 gave the slot the wished or borrowed name)
@pytest.mark.parametrize(("pred", "held", "line"), [
    ("drives", "Ford Focus", "Sold my Ford Focus last week, probably a Kia next."),
    ("drives", "Mazda 3", "The Mazda 3 went to the scrapyard; I'm on the waiting list for the Kia EV6."),
    ("drives", "Honda Civic", "Scrapped the Civic after the MOT, driving a rental Fiat 500 until the insurance pays out."),
    ("phone", "iPhone 11", "Traded in my iPhone 11, I've got my eye on a Pixel 9 but haven't ordered it."),
    ("phone", "Galaxy S20", "Sold the Galaxy S20 on eBay; borrowing my brother's old iPhone XR for now."),
    ("drives", "Toyota Yaris", "Said goodbye to the Yaris today, the garage lent me a Vauxhall Corsa while they look."),
    ("drives", "Nissan Leaf", "Gave the Nissan Leaf back at the end of the lease, hoping for a Tesla Model 3 but we'll see."),
    ("phone", "Pixel 6", "Smashed my Pixel 6 and got rid of it, the shop gave me a loaner Moto G while I decide."),
    ("drives", "Volkswagen Golf", "Sold the Golf. Next car will be a Skoda Enyaq, fingers crossed."),
    ("phone", "iPhone 12", "Handed the iPhone 12 down to my daughter; saving up for a Galaxy S24 now."),
    ("drives", "Audi A3", "Part-exchanged the Audi A3 yesterday and the dealer has a Volvo XC40 on hire for me till mine comes."),
    ("phone", "Pixel 7", "Sold the old Pixel 7, I quite fancy the Nothing Phone 2 next."),
])
def test_a_thing_wished_for_planned_or_borrowed_is_not_the_new_one(pred: str, held: str, line: str) -> None:
    got, _ = _run(_held(pred, held), line)
    assert got == []


@pytest.mark.parametrize(("pred", "held", "line", "want"), [
    ("drives", "Ford Focus", "Sold my Ford Focus last week and picked up a Kia Ceed on Saturday.", "Kia Ceed"),
    ("phone", "iPhone 11", "Traded in my iPhone 11 for a Pixel 9.", "Pixel 9"),
    ("phone", "Galaxy S20", "Sold the Galaxy S20 on eBay and I'm using an iPhone 15 now.", "iPhone 15"),
    # a wish told about another name of the clause, or a word of waiting far from the name, leaves it held
    ("drives", "Ford Focus", "I wanted something bigger for ages, so I sold the Focus and finally got a Skoda Kodiaq.",
     "Skoda Kodiaq"),
    ("drives", "Toyota Yaris", "Said goodbye to the Yaris today, collected the new Honda Jazz parked next to the house.",
     "Honda Jazz"),
])
def test_a_thing_got_stays_the_new_one_beside_words_of_wishing(pred: str, held: str, line: str, want: str) -> None:
    got, _ = _run(_held(pred, held), line)
    assert [c.value for c in got] == [want]
