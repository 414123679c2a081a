"""Session 20 (xv20): visits, homes and declines read from the parse, the line's time and the turn.

- "nearly"/"almost" on a verb done TO the user is hyperbole, not an unreal deed: "the flight home from Oslo nearly
  broke me" tells a real flight (meaning.hyperbole); "I nearly bought a drone" stays unreal;
- a thing the user has "from" a place, told as past, names a place the user was at (meaning.dated_origin over
  impersonal.brought_back_from): "my sunburn is a souvenir from Crete four days ago"; not "got a parcel from
  Germany yesterday" (a verb by which things are sent or bought);
- a named someone's doing somewhere is no trip of the user's: "Ellie and Marcus got engaged in Santorini";
- a home noun the user owns with "in <place>" says where the user lives, whatever the clause's subject
  (homes.owned_home_in): "the heating in my flat in Dundee packed in again"; not an old or holiday home, not a sister's;
- a pasted record (log, config, a tool's `key: value` output) is not the user speaking (slot_nouns.without_record),
  while the user's own label notes ("home: Leeds") still are;
- a refusal that names nothing of its own points back at the sentence before (combine.declined_before): "Looked
  at a flat in Brixton yesterday. Gorgeous, but I said no." — not another person's no, nor a refusal of its own
  object ("I declined an offer from Google").

Classes found on dev3 (a development family); every sentence here is invented from general English (other
places, other voices), none is a dev3 line.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.combine import declined_before
from kgmem.extraction.zero.slot_nouns import without_record
from kgmem.extraction.zero.trips import dated_origin

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


@pytest.mark.parametrize("text, place, visit", [
    ("My sunburn is a souvenir from Crete four days ago.", "Crete", True),
    ("The pasta from Italy we had at dinner last night was amazing.", "Italy", False),  # rev20: an origin, no trip
    ("The chocolate from Belgium that was in my stocking was gone by noon.", "Belgium", False),
    ("The one home from Porto yesterday nearly broke me.", "Porto", False),  # no owner: read by its travel word
    ("I got a parcel from Germany yesterday.", "Germany", False),  # a verb by which things are sent or bought
    ("My friend from Leeds came over last week.", "Leeds", False),  # a person from a place
    ("Tom's photos from Rome last week are stunning.", "Rome", False),  # another's thing
    ("Mum rang from Leeds yesterday.", "Leeds", False),  # "from" on a verb
])
def test_a_thing_of_the_users_from_a_place_names_a_visit(text: str, place: str, visit: bool) -> None:
    from kgmem.extraction.zero.clauses import clauses_of
    from kgmem.extraction.zero.nlp import load_nlp

    clauses = clauses_of(load_nlp()(text))
    assert any(dated_origin(place, c) for c in clauses if place in c.text) is visit


@pytest.mark.parametrize("later, undone", [
    ("Gorgeous, but I said no, the commute was awful.", True),
    ("I turned it down.", True),
    ("We passed on it though, no garden.", True),
    ("My landlord said no, so that's that.", False),  # someone else's no
    ("Then in March I declined an offer from Google.", False),  # a refusal of its own object
    ("The kitchen was tiny.", False),
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
])
def test_visits_homes_and_declines_end_to_end(user_facts: UserFacts, text: str, fact: tuple[str, str],
                                             present: bool) -> None:
    assert (fact in user_facts(text)) is present, user_facts(text)
