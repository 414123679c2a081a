"""Another person's thing is not the user's thing of the same name (oe29): "my flatmate's ethics essay" named after
"the ethics essay" the user spoke of is a new entity, where "the design sync" = "the weekly design team sync" still."""

from __future__ import annotations

from kgmem.memory.entities import EntityResolver


def test_a_kin_or_peer_owner_keeps_a_thing_apart() -> None:
    r = EntityResolver("u")
    essay = r.resolve("essay", "thing")
    assert r.resolve("flatmate ethics essay", "thing").id != essay.id
    lesson = r.resolve("swimming lesson", "thing")
    assert r.resolve("sister swimming lesson", "thing").id != lesson.id


def test_names_without_another_owner_still_meet() -> None:
    r = EntityResolver("u")
    sync = r.resolve("the design sync", "thing")
    assert r.resolve("the weekly design team sync", "thing").id == sync.id
    evening = r.resolve("parents evening", "thing")  # an occasion, not the parents' thing
    assert r.resolve("the parents evening meeting", "thing").id == evening.id
    appt = r.resolve("Mum hospital appointment", "thing")
    assert r.resolve("Mum appointment", "thing").id == appt.id  # one owner both times


def test_a_kin_or_peer_owner_names_no_slot_of_the_users_thing() -> None:
    r = EntityResolver("u")
    essay = r.resolve("essay", "thing")
    holders = [(essay.id, "Essay due date: the 3rd of May. (Final essay for my ethics module is due on the 3rd of May.)")]
    assert r.same_slot("flatmate ethics essay", "My flatmate's ethics essay is due the 6th.", holders) is None
    assert r.same_slot("ethics essay", "The ethics essay is due the 10th now.", holders) is not None
