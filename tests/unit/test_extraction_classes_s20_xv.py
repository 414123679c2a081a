"""Session 20 (xv20): visits, homes and declines read from the parse, the line's time and the turn.

- "nearly"/"almost" on a verb done TO the user is hyperbole, not an unreal deed: "the flight home from Oslo nearly
  broke me" tells a real flight (meaning.hyperbole); "I nearly bought a drone" stays unreal;
- a thing "from" a place is no visit without a word of travel: "my olive oil from Greece ran out", "our wine from
  Bordeaux was corked" (the lead withdrew xv20's dated_origin reading after rev20 found these false visits);
- a named someone's doing somewhere is no trip of the user's: "Ellie and Marcus got engaged in Santorini";
- a home noun the user owns with "in <place>" says where the user lives, whatever the clause's subject
  (homes.owned_home_in): "the heating in my flat in Dundee packed in again"; not an old or holiday home, not a sister's;
- a pasted record (log, config, a tool's `key: value` output) is not the user speaking (slot_nouns.without_record),
  while the user's own label notes ("home: Leeds") still are;
- a refusal that names nothing of its own points back at the sentence before (combine.declined_before): "Looked
  at a flat in Brixton yesterday. Gorgeous, but I said no." — not another person's no, nor a refusal of its own
  object ("I declined an offer from Google"), nor one whose own sentence names what it refuses ("The florist tried
  to sell me a vase too, but I passed on it").

Classes found on dev3 (a development family); every sentence here is invented from general English (other
places, other voices), none is a dev3 line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.combine import declined_before
from kgmem.extraction.zero.slot_nouns import without_record

UserFacts = Callable[[str], set[tuple[str, str]]]


def _fact(predicate: str, value: str, subject: str = "user") -> CandidateFact:
    return CandidateFact(subject=subject, predicate=predicate, value=value, value_type="place", text="", confidence=0.8)


def test_a_pasted_record_is_not_speech_but_label_notes_are() -> None:
    record = ("Here's what the printer's status page says:\nModel: LaserJet M404\nLocation: Room 2B\n"
              "Firmware: 2.4.1\nOwner: facilities")
    assert without_record(record) == "Here's what the printer's status page says:"
    notes = "Updating my details:\nhome: Dundee\ncar: a 2019 Corsa\njob: paramedic"
    assert without_record(notes) == notes  # slot nouns: the user's own notes
    two = "Quick one.\nMeeting: moved to Friday\nRoom: 4C"
    assert without_record(two) == two  # two lines are no record


@pytest.mark.parametrize("later, undone", [
    ("Gorgeous, but I said no, the commute was awful.", True),
    ("I turned it down.", True),
    ("We passed on it though, no garden.", True),
    ("My landlord said no, so that's that.", False),  # someone else's no
    ("Then in March I declined an offer from Google.", False),  # a refusal of its own object
    ("The kitchen was tiny.", False),
    ("The florist tried to sell me a vase too, but I passed on it.", False),  # its own sentence names the thing
    ("They threw in free parking but we turned it down.", False),
])
def test_a_bare_refusal_takes_back_the_sentence_before(later: str, undone: bool) -> None:
    before = [_fact("lives_in", "Headingley"), _fact("visited", "Headingley"), _fact("lives_in", "Leeds", subject="Sam")]
    got = declined_before(before, later)
    assert got == ([before[0]] if undone else [])


@pytest.mark.parametrize("text, fact, present", [
    ("Does anyone sleep on night buses? The one back from Porto yesterday nearly broke me.", ("visited", "porto"), True),
    ("The ferry home from Stornoway almost finished me off last week.", ("visited", "stornoway"), True),
    ("I nearly bought a drone in Lisbon last week.", ("bought", "drone"), False),
    ("Got a parcel from Germany yesterday.", ("visited", "germany"), False),
    ("My honey from Crete is nearly finished already.", ("visited", "crete"), False),
    ("Our cheese from Normandy went mouldy last night.", ("visited", "normandy"), False),
    ("Ellie and Marcus got engaged in Santorini!", ("visited", "santorini"), False),
    ("The heating in my flat in Dundee packed in again.", ("lives_in", "dundee"), True),
    ("My sister's place in Bath is gorgeous.", ("lives_in", "bath"), False),
    ("Our holiday cottage in Pembrokeshire needs a new roof.", ("lives_in", "pembrokeshire"), False),
    ("Looked at a flat in Brixton yesterday. Gorgeous, but I said no, the rent was insane.", ("lives_in", "brixton"),
     False),
    ("We viewed a two-bed in Headingley on Sunday. We passed on it though, no garden.", ("lives_in", "headingley"),
     False),
    ("Output of the diagnostics, since you asked:\nOS: Fedora 39\nHost: Latitude 7440\nKernel: 6.6.8\nShell: fish",
     ("phone", "latitude 7440"), False),
    ("Joined Octopus on Monday as a data analyst. They offered a parking permit but I turned it down.",
     ("works_at", "octopus"), True),
    ("Picked up a new phone, the Galaxy S23. The shop pushed a screen protector, but I passed on it.",
     ("phone", "galaxy s23"), True),
])
def test_visits_homes_and_declines_end_to_end(user_facts: UserFacts, text: str, fact: tuple[str, str],
                                             present: bool) -> None:
    assert (fact in user_facts(text)) is present, user_facts(text)
