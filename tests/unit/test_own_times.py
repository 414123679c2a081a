"""The user's own time for a thing, told by calling the held time gone (oe25, issue #13 item 7).

Sentences invented for these tests (none from a pair file); :func:`own_times` over a resolver and the
slots a manager holds, written here by hand.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.memory.entities import EntityResolver
from kgmem.memory.own_times import own_times
from kgmem.models import Entity, Fact, Session, Turn

UID = "u"
EARLIER = datetime(2032, 6, 1, 9, 0)


def _setup(held: dict[str, str]) -> tuple[EntityResolver, dict[tuple[str, str], dict[str, Fact]]]:
    ents = [Entity(id=f"e{i}", user_id=UID, name=name, type="thing") for i, name in enumerate(held)]
    resolver = EntityResolver(UID, ents)
    slots = {(e.id, "scheduled_for"): {f"f{e.id}": Fact(
        id=f"f{e.id}", user_id=UID, subject_id=e.id, predicate="scheduled_for", value=held[e.name], text=held[e.name],
        observed_at=EARLIER, session_id="s-earlier")} for e in ents}
    return resolver, slots


def _session(*user_lines: str) -> Session:
    turns = []
    for line in user_lines:
        turns += [("user", line), ("assistant", "Okay.")]
    return Session(id="s-now", user_id=UID, started_at=datetime(2032, 6, 8, 12, 0),
                   turns=[Turn(id=f"s-now:{i}", session_id="s-now", idx=i, role=r, text=t) for i, (r, t) in enumerate(turns)])


@pytest.mark.parametrize(("held", "line", "want"), [
    ({"eye test": "Friday at 9:40"}, "Optician phoned, 9:40 is off, I've got 15:10 now.", ("eye test", "15:10")),
    ({"ferry to Arran": "07:15"}, "CalMac cancelled the 07:15, they've put us on the 11:00.", ("ferry to Arran", "11:00")),
    ({"MOT": "8.30am on Monday", "tennis lesson": "6pm on Tuesday"}, "Garage rang. The 8.30am has gone, I'm in at 1.15pm",
     ("MOT", "1.15pm")),
])
def test_the_held_time_called_gone_gives_the_new_time(held: dict[str, str], line: str, want: tuple[str, str]) -> None:
    resolver, slots = _setup(held)
    got = own_times(_session(line), resolver, slots)
    assert [(f.subject, f.value) for f in got] == [want]
    assert got[0].predicate == "scheduled_for"


@pytest.mark.parametrize(("held", "line"), [
    # the held time said, but not as gone
    ({"eye test": "Friday at 9:40"}, "I'll leave work at 9:00 to make the 9:40."),
    # no held time said
    ({"eye test": "Friday at 9:40"}, "Dinner is at 19:30 tonight, the 18:00 table was gone."),
    # two new times: which one is unsaid
    ({"ferry to Arran": "07:15"}, "CalMac cancelled the 07:15, they offered 10:00 or 11:00."),
    # a question
    ({"ferry to Arran": "07:15"}, "if they cancel the 07:15, is there an 11:00?"),
    # two held slots at one time
    ({"eye test": "9:40", "school run": "9:40"}, "9:40 is gone, I've got 15:10 now."),
])
def test_no_new_time_without_one_held_time_called_gone(held: dict[str, str], line: str) -> None:
    resolver, slots = _setup(held)
    assert own_times(_session(line), resolver, slots) == []


def test_a_slot_of_this_session_is_not_held() -> None:
    resolver, slots = _setup({"eye test": "9:40"})
    for slot in slots.values():
        for f in list(slot):
            slot[f] = slot[f].model_copy(update={"session_id": "s-now"})
    assert own_times(_session("9:40 is gone, I've got 15:10 now."), resolver, slots) == []
