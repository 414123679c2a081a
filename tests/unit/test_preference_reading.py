"""Stated tastes are read by their grammar, not by the synthetic generator's phrases.

kgmem.answer.taste reads "the user likes / dislikes X" from a clause through frames of the class
(speaker + verb of liking, be + attachment, a thing + its effect on the speaker, my favourite,
negation). Its word lists must not be the dev templates' fixed phrases, and statements written
here (never by the generator), in several registers, must be read with the right polarity and
thing."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest
from conftest import strings_in

from kgmem.answer import taste
from kgmem.datasets.synthetic import templates
from kgmem.models import Answer
from kgmem.text import STOPWORDS


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w'\s-]", " ", text.lower().replace("\u2019", "'")).split())


def _template_phrases() -> set[str]:
    """The dev templates' fixed text between slots, as phrases: two words or more, one of them a
    content word ("I can't stand", "make me happy"; not "for me")."""
    phrases: set[str] = set()
    for name, value in vars(templates).items():
        if name.startswith("__"):
            continue
        for s in strings_in(value):
            for seg in re.split(r"\{[^}]*\}", s):
                words = _norm(seg).split()
                if len(words) >= 2 and any(w.strip("'") not in STOPWORDS for w in words):
                    phrases.add(" ".join(words))
    return phrases


def _inside(small: str, big: str) -> bool:
    return re.search(rf"(?<![\w']){re.escape(small)}(?![\w'])", big) is not None


def test_no_lexicon_entry_is_a_dev_template_phrase() -> None:
    phrases = _template_phrases()
    assert len(phrases) > 50  # the templates were read
    copied = []
    for name, entries in taste.LEXICON.items():
        for entry in entries:
            e = _norm(entry)
            # the whole phrase, a phrase inside the entry, or a piece of a phrase with a content word
            piece = len(e.split()) >= 2 and any(w.strip("'") not in STOPWORDS for w in e.split())
            if e in phrases or any(_inside(p, e) for p in phrases) or (piece and any(_inside(e, p) for p in phrases)):
                copied.append((name, entry))
    assert copied == []


# (statement, likes it?, the thing) — written for this test in several registers
READ = [
    # plain / formal
    ("I must admit I have always admired Japanese woodblock prints.", True, "Japanese woodblock prints"),
    ("I find that I cannot tolerate strong perfume.", False, "strong perfume"),
    ("We both adore long train journeys.", True, "long train journeys"),
    ("Personally, I detest reality television.", False, "reality television"),
    ("My favourite band is Radiohead.", True, "Radiohead"),
    ("Jazz is my all-time favourite.", True, "Jazz"),
    ("I would prefer tea over coffee.", True, "tea"),
    ("Nothing compares to a hot bath after a long run.", True, "hot bath after a long run"),
    # chatty
    ("I'm a sucker for a good courtroom thriller", True, "good courtroom thriller"),
    ("Old westerns relax me more than anything", True, "Old westerns"),
    ("loud bars wear me out these days", False, "loud bars"),
    ("I've got a soft spot for cheesy 80s synth pop", True, "cheesy 80s synth pop"),
    ("Honestly, karaoke isn't really for me", False, "karaoke"),
    ("Spicy food doesn't agree with me", False, "Spicy food"),
    ("I never get tired of Studio Ghibli films", True, "Studio Ghibli films"),
    ("I usually opt for the window seat", True, "window seat"),
    ("I'd rather walk than take the bus", True, "walking"),  # the doing preferred, as a thing (pf19)
    # terse texter
    ("not into cruises", False, "cruises"),
    ("ngl I'm obsessed with pickleball rn", True, "pickleball"),
    ("honestly can't get enough of spicy ramen lol", True, "spicy ramen"),
    ("loving the new sourdough place", True, "new sourdough place"),
    # non-native, typos
    ("i am very enjoy the korean drama", True, "korean drama"),
    ("Me I love very much the football", True, "football"),
    ("I am not keen on the seafood", False, "seafood"),
    ("i dont really like musicals", False, "musicals"),
    # verbless verdicts
    ("A firm no to cruises.", False, "cruises"),
    ("thumbs down to anything with raisins", False, "raisins"),  # (pf19: a thing named by what it has)
    ("Hell yes to road trips", True, "road trips"),
    ("oh and a huge yes for anything with mushrooms", True, "mushrooms"),
    # a comparison's degree is the frame's, not the thing's (review14 M2: "pecan pie more")
    ("I love treacle tart more than anything", True, "treacle tart"),
    ("we like board games a lot more than cards", True, "board games"),
    ("I hate lukewarm tea even more than cold coffee", False, "lukewarm tea"),
]


@pytest.mark.parametrize(("statement", "likes", "thing"), READ)
def test_invented_statements_are_read(statement: str, likes: bool, thing: str) -> None:
    assert taste.read_taste(statement) == (likes, thing)


@pytest.mark.parametrize("statement", [
    "My brother loves opera.",                 # someone else's taste
    "I'd like a window seat, please.",         # a request
    "It was like a sauna in there.",           # a comparison
    "I'm like two stops away",                 # a filler
    "We got into an argument about it.",       # not an attachment
    "I don't hate it.",                        # neither
    "It makes me happy.",                      # no thing named
    "Nothing happened at the meeting.",
    "Yes to the 3pm slot, that works.",        # a bare yes/no answers a question
    "Pass on the salt, please.",               # a request
    "no to the meeting on friday, im busy",
])
def test_what_is_not_a_stated_taste_is_not_read(statement: str) -> None:
    assert taste.read_taste(statement) is None


def test_a_suggestion_uses_tastes_stated_in_other_words(answers_over: Callable[..., list[Answer]]) -> None:
    said = [(datetime(2024, 2, 3), "ngl I'm obsessed with bouldering rn", "Crowded gyms just don't do it for me."),
            (datetime(2024, 2, 17), "Old westerns relax me more than anything.")]
    [a] = answers_over("tess", said, "t", "Noted!", datetime(2024, 3, 1),
                       "Any ideas for something active to do this weekend?")
    assert a.extra["path"] == "preference", a.extra["decision"]
    assert "bouldering" in a.text and "avoid Crowded gyms" in a.text, a.text
