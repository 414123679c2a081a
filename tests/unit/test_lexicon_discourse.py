"""Discourse openers are one piece of knowledge, kept as data and written for the class.

kgmem.lexicon.discourse strips what opens a chat sentence without telling anything; the answer
side's readers (what a line is, a taste, a name in a line) all read through it. The openers
below are written here, in wordings the synthetic generator does not use, so the list cannot be
the generator's own connectors.
"""

from __future__ import annotations

import re

import pytest

from kgmem.answer.actuality import actuality
from kgmem.answer.spans import typed_spans
from kgmem.answer.taste import read_taste
from kgmem.datasets.synthetic import templates
from kgmem.lexicon.discourse import opener_words, strip_openers

#: (sentence, what is left once its openers are gone)
STRIPPED = [
    ("To be fair, the ferry was late.", "the ferry was late."),
    ("Long story short, I resigned from the orchestra.", "I resigned from the orchestra."),
    ("Funnily enough, we kept the old kayak.", "we kept the old kayak."),
    ("Come to think of it, I never returned the ladder.", "I never returned the ladder."),
    ("Fun fact: I can solder.", "I can solder."),
    ("Random thought - the attic needs insulating.", "the attic needs insulating."),
    ("Ngl I cried at the recital", "I cried at the recital"),
    ("Welp, the greenhouse blew over.", "the greenhouse blew over."),
    ("Ugh. Yeah, so, I dropped my tablet again.", "I dropped my tablet again."),
    ("Mind you, the quinces were cheap.", "the quinces were cheap."),
    ("Truth be told, I prefer the harbour walk.", "I prefer the harbour walk."),
    ("Small confession: I sold the accordion.", "I sold the accordion."),
    ("P.S. the plumber came.", "the plumber came."),
    ("In other news, we repainted the shed.", "we repainted the shed."),
    ("Admittedly I overpaid for the loom.", "I overpaid for the loom."),
    ("(Quick correction: it was Tuesday.)", "it was Tuesday.)"),
    ("Speaking of which, my godson Ruairí passed his driving test.", "my godson Ruairí passed his driving test."),
    ("I mean, the lease ends in June.", "the lease ends in June."),
]

#: sentences that open with a word that only looks like an opener, or are only an opener
KEPT = [
    "Right now the kiln is cooling.",      # "right" not set off: a time phrase
    "I mean it.",                          # "I mean" not set off
    "Well-being budgets got cut.",         # a hyphen-joined word
    "Sofia sold her loom.",                # a name that starts like "so"
    "Andile rebuilt the pergola.",         # a name that starts like "and"
    "Stillwater is a lovely town.",        # a name that starts like "still"
    "No one came to the jumble sale.",     # "no" not set off
    "Anyway.",                             # only an opener: nothing to strip to
]


@pytest.mark.parametrize(("sentence", "rest"), STRIPPED)
def test_openers_of_the_class_are_stripped(sentence: str, rest: str) -> None:
    assert strip_openers(sentence) == rest


@pytest.mark.parametrize("sentence", KEPT)
def test_words_that_only_look_like_openers_are_kept(sentence: str) -> None:
    assert strip_openers(sentence) == sentence


def _template_text() -> str:
    out: list[str] = []

    def walk(v: object) -> None:
        if isinstance(v, str):
            out.append(v.lower())
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple, set, frozenset)):
            for x in v:
                walk(x)

    for name, value in vars(templates).items():
        if not name.startswith("__"):
            walk(value)
    return "\n".join(out)


def test_the_openers_tested_here_are_not_the_generators() -> None:
    text = _template_text()
    assert "by the way" in text  # the templates were read
    openers = [s[:len(s) - len(rest)].strip(" ,:-.(").lower() for s, rest in STRIPPED]
    seen = [o for o in openers if re.search(rf"(?<!\w){re.escape(o)}(?!\w)", text)]
    assert not seen, seen


def test_a_capitalised_opener_is_no_name() -> None:
    assert {"honestly", "anyway", "welp", "yes"} <= opener_words()
    assert typed_spans("Welp, Harbourside Rowing Club is my club now.", "org")[0] == "Harbourside Rowing Club"


def test_every_reader_strips_the_same_openers() -> None:
    # what a line is: the opener says nothing; the subject after it decides
    assert actuality("To be fair, my landlord repainted the hallway.") == "other"
    assert actuality("Long story short, I repainted the hallway.") == "actual"
    # a taste named before its frame keeps no opener
    assert read_taste("Ngl foggy mornings relax me.") == (True, "foggy mornings")
    assert read_taste("Ok so brass bands cheer me up.") == (True, "brass bands")
    assert read_taste("Funnily enough, foggy mornings relax me.") == (True, "foggy mornings")


@pytest.mark.parametrize(("clause", "thing"), [
    ("I adore brass bands imo", "brass bands"),
    ("we both love sea kayaking to be fair", "sea kayaking"),
    ("I can't stand karaoke nights lmao", "karaoke nights"),
])
def test_a_closing_filler_is_not_part_of_the_thing_liked(clause: str, thing: str) -> None:
    taste = read_taste(clause)
    assert taste is not None and taste[1] == thing, taste
