"""Answers whose evidence is told in passing (an25, session 25): a purchase told as a side note in a turn
about something else, a dropped-subject past clause followed by a remark ("…, and I'll take it"), a thing's
number asked ("What's my apartment number?"), a relative asked in words near a partner's.

Sentences written by hand for these tests (not the generator's, not a set's)."""

from __future__ import annotations

from datetime import datetime

import pytest

from kgmem.answer.actuality import actuality, clauses
from kgmem.knowledge.kinds import same_thing
from kgmem.retrieval.planner import SLOT_WORDS
from kgmem.retrieval.relation_asked import label_noun, label_slot, relation_slot


@pytest.mark.parametrize(("question", "slot", "want"), [
    ("What's my daughter's name?", "partner_name", "family_member"),
    ("what is my stepson called", "partner_name", "family_member"),
    ("What's the name of my eldest grandson?", "partner_name", "family_member"),
    ("What's my wife's name?", "partner_name", "partner_name"),
    ("Who is my ex-girlfriend?", "partner_name", "partner_name"),
    ("What's my neighbour's name?", "partner_name", "partner_name"),  # no relative: the plan stands
    ("What's my daughter's school?", "works_at", "works_at"),          # only a partner slot gives way
])
def test_a_relative_named_is_no_partner(question: str, slot: str, want: str) -> None:
    assert relation_slot(question, slot) == want


@pytest.mark.parametrize(("question", "noun"), [
    ("What's my apartment number?", "apartment"),
    ("remind me of my hotel room number", "room"),
    ("what was my locker no. again", "locker"),
    ("What's my phone number?", None),
    ("What's my mobile number?", None),
    ("What's the total number of books I've read?", None),
    ("Where's my apartment?", None),
    ("who covers my wages now?", None),        # "no" only as a word
    ("is my flat nowhere near the station?", None),
])
def test_the_thing_whose_number_is_asked(question: str, noun: str | None) -> None:
    assert label_noun(question, SLOT_WORDS["phone"]) == noun
    assert label_slot(question, "lives_in", SLOT_WORDS["phone"]) == ("lives_in" if noun is None else None)


def test_one_thing_by_wordnet() -> None:
    assert same_thing("flat", "apartment") and same_thing("locker", "locker")
    assert not same_thing("boiler", "apartment") and not same_thing("road", "apartment")


# Known limit (left, an25): a past clause with no person of its own ("Legs are jelly after the half marathon this
# morning, 2:05 and I'll take it") stays one line with the remark after it and reads as a plan. Cutting it on a past
# verb form split "Priya moved in on Friday, and the bathroom is still half-tiled" (the event-matching set em-045)
# and cutting on the day said on split dev3's "picking Delphine up … tonight, my stepmom …".
@pytest.mark.parametrize("sentence", [
    "The recital is on Friday and I'll bring flowers.",
    "Collecting Ines from the station tonight, my godmother always overpacks.",
])
def test_a_clause_with_no_person_stays_whole(sentence: str) -> None:
    assert clauses(sentence) == [sentence]


@pytest.mark.parametrize("sentence", [
    "My running club wants me to do the relay next, no chance.",
    "Spent an hour in the bike shop looking at a gravel bike, then walked out without it.",
])
def test_a_wish_for_the_user_or_walking_out_without_it_is_no_doing(sentence: str) -> None:
    assert all(actuality(c) != "actual" for c in clauses(sentence)), [(c, actuality(c)) for c in clauses(sentence)]


_ASKS = [f"Can you explain how {t} works in two sentences?" for t in (
    "compound interest", "a heat pump", "a mortgage offset account", "photosynthesis", "a VPN", "an index fund",
    "a credit score", "the electoral college", "a sourdough starter", "carbon offsetting", "a Roth IRA", "inflation",
    "a lunar eclipse", "a bond yield")]
PASSING = [(datetime(2026, 3, day, 9), text) for day, text in enumerate(_ASKS, start=1)] + [
    (datetime(2026, 3, 20, 19), "Quick one: what's a good stretch for tight hamstrings? By the way, there was a "
                                "clearance at the hardware shop yesterday, so a cordless drill came home with me for $60."),
    (datetime(2026, 3, 22, 8), "The lift in our block broke again, so I hauled the shopping up to flat 12C."),
]


def test_answers_told_in_passing(answers_over) -> None:  # noqa: ANN001
    drill, flat = answers_over("an25-passing", PASSING, "an25p", None, datetime(2026, 4, 2, 9),
                               "When did I buy the cordless drill?", "What's my apartment number?")
    assert "March 19" in drill.text and not drill.abstained, drill.text   # the side note, dated by "yesterday"
    assert flat.text.startswith("12C") and not flat.abstained, flat.text
