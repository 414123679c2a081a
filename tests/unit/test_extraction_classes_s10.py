"""Extraction classes of session 10 (x14): values typed without capitals, and parse walks that end.

The walk up a parse from a place name (impersonal.visited_from_doc) compared tokens by identity;
spaCy makes a new Token object per access, so a root whose dependency label is one the walk climbs
through ("prep" on a fragment's root) was never recognised as the top and the loop never ended.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
import spacy
from spacy.tokens import Doc

from kgmem.extraction.zero import RuleExtractor
from kgmem.extraction.zero.combine import names_more
from kgmem.extraction.zero.impersonal import visited_from_doc
from kgmem.extraction.zero.truecase import truecase_turn

_VOCAB = spacy.blank("en").vocab  # lower-case forms need the language's lexical attributes


def test_walk_up_from_a_place_ends_on_a_root_labelled_prep() -> None:
    # "to Oslo" as a fragment whose root carries the label "prep": the old walk looped for ever
    doc = Doc(_VOCAB, words=["to", "Oslo"], heads=[0, 0], deps=["prep", "pobj"], ents=["O", "B-GPE"])
    got: list[str | None] = []
    worker = threading.Thread(target=lambda: got.append(visited_from_doc(doc)), daemon=True)
    worker.start()
    worker.join(60)
    assert got == [None], "the walk up the parse did not end (or read a visit with no verb of motion)"


def test_walk_up_from_a_place_still_reads_a_motion_verb() -> None:
    words = ["we", "flew", "out", "to", "Oslo"]
    doc = Doc(_VOCAB, words=words, heads=[1, 1, 1, 1, 3], deps=["nsubj", "ROOT", "prt", "prep", "pobj"],
              ents=["O", "O", "O", "O", "B-GPE"])
    assert visited_from_doc(doc) == "Oslo"


# --------------------------------------------------------------------------- values typed without capitals
# Sentences written for each class (names and titles invented, not taken from any data set), typed
# all lower case as people do in chat: a name after a relation noun ranked or aged ("my best friend"),
# or set off by a comma; a name one edit from a keyword, which the typo fixer once "corrected"
# ("latti" → "latte"); words joined by an ampersand; a bare noun phrase after a verb of reading,
# watching or supporting is a title or a team; a car or phone brand of the lexicon after a
# determiner; an organisation's kind after its name; a vowel-less acronym; two unknown words side by
# side are a name and not two typos; a pair of names closing a clause that counts animals.

Triple = tuple[str, str, str]

LOWER_CASES: list[tuple[str, list[Triple], list[Triple]]] = [
    ("my cat latti keeps knocking pens off my desk", [("user", "pet_name", "latti")], [("user", "pet_name", "latte")]),
    ("our dog, bagle, ate a whole sock yesterday", [("user", "pet_name", "bagle")], [("user", "pet_name", "beagle")]),
    ("my best friend grace just moved to nairobi, gutted", [("user", "friend", "grace")], []),
    ("i work at hartley & finch now, mostly conveyancing", [("user", "works_at", "hartley & finch")],
     [("user", "works_at", "hartley")]),
    ("i'm a nurse at a little clinic called birch & vale", [("user", "works_at", "birch & vale")], []),
    ("i watched fallen leaves on the train home", [("user", "watched", "fallen leaves")], []),
    ("finished cloud cuckoo land last week, what a book", [("user", "read_book", "cloud cuckoo land")], []),
    ("i support hibernian, always will", [("user", "favourite_sport", "hibernian")], []),
    # a brand of the lexicon after a determiner or a model year, with the model after the maker
    ("finally sold the old mazda, got a skoda octavia last week", [("user", "drives", "skoda octavia")], []),
    # an organisation named with its kind ("… design", "… labs"), or through something of one's work
    ("i just got an offer from a job at pemberton analytics, start in march",
     [("user", "works_at", "pemberton analytics")], []),
    ("my manager at accenture keeps booking 8am calls", [("user", "works_at", "accenture")], []),
    # animals counted in a clause, then their names as a pair closing it (a name may be a food word)
    ("we got two kittens on saturday, biscuit and gravy.",
     [("user", "pet_name", "biscuit"), ("user", "pet_name", "gravy")], []),
    # a place flown to or arrived in, whatever the model knows of the word
    ("we landed in lima at 6am and went straight to the hostel", [("user", "visited", "lima")], []),
]


@pytest.fixture(scope="module")
def lower_facts(read_classes: Callable[..., list[set[Triple]]], extractor: RuleExtractor) -> list[set[Triple]]:
    return read_classes(extractor, LOWER_CASES)


@pytest.mark.parametrize("i", range(len(LOWER_CASES)), ids=[c[0][:40] for c in LOWER_CASES])
def test_value_typed_without_capitals(lower_facts: list[set[Triple]], check_reading: Callable[..., None], i: int) -> None:
    check_reading(LOWER_CASES[i], lower_facts[i])


@pytest.mark.parametrize(("typed", "raised"), [
    ("my cat latti is sick", "my cat Latti is sick"),  # not "latte": a name the fixer does not know
    ("my sister wroks at a bank", "my sister works at a bank"),  # a typo of a verb is fixed, not raised
    ("my dog, lol, is sick", "my dog, lol, is sick"),  # a chat filler is no name
    ("my best mate josh", "my best mate Josh"),
    ("we bank with smith & sons", "we bank with smith & sons"),  # no name slot before it
    ("i started running in may and watched tv all night", "I started running in may and watched tv all night"),
    ("finished the book and started my dissertation", "finished the book and started my dissertation"),
    ("watched perfect strangers last night", "watched Perfect Strangers last night"),
    ("our new vw golf is in the garage", "our new VW Golf is in the garage"),  # the lexicon's spelling
    ("a 2015 golf with 80k miles", "a 2015 Golf with 80k miles"),  # a brand that is a common word: after a year
    ("grab a seat and play golf", "grab a seat and play golf"),
    ("still waiting on hmrc and the nhs", "still waiting on HMRC and the NHS"),  # an acronym: no vowel
    ("a job at pemberton analytics", "a job at Pemberton Analytics"),
    ("just got a pixel 9 pro xl", "just got a Pixel 9 Pro XL"),  # a model's number and edition go with it
    ("we hired a kia ev6 for the week", "we hired a Kia Ev6 for the week"),  # "ev6": no chat word inside
    ("flew to kansas city on friday", "flew to Kansas City on friday"),
    ("my two kids love football, swimming and chess.", "my two kids love football, swimming and chess."),
    ("bought cat food, tuna and chicken.", "bought cat food, tuna and chicken."),
    ("the mirabel kostova exhibition was great", "the mirabel kostova exhibition was great"),  # not "fixed"
    ("my parents live in leeds and my kids love it", "my parents live in Leeds and my kids love it"),
])
def test_truecase_turn(typed: str, raised: str) -> None:
    assert truecase_turn(typed) == raised


@pytest.mark.parametrize(("short", "full", "clause", "more"), [
    ("Hartley", "Hartley & Finch", "I work at Hartley & Finch now", True),  # the rest of a name cut short
    ("Halvorsen", "Halvorsen Design", "a new job at Halvorsen Design", True),
    ("clinic", "Birch & Vale", "a nurse at a little clinic called Birch & Vale", True),  # the name of the noun
    ("clinic", "Birch", "a nurse at a little clinic near Birch", False),
    ("Oslo", "Oslo now", "I live in Oslo now", False),
    ("Acme", "Acme", "at Acme", False),
])
def test_a_proposal_names_the_rule_value_more_fully(short: str, full: str, clause: str, more: bool) -> None:
    assert names_more(short, full, clause) is more
