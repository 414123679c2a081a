"""Events the user went to, told in passing by the event's noun: "my voice is shot after a film festival screening",
"the wristband from a board game night is still on", "I ended up at a baseball game (a friend had a spare ticket)" for
"how many events have I attended".

MiniLM scores such a line no nearer "I have attended events" than "I'm not sure I follow" (the side note is a small
part of the line), and the predicate bank's neighbours vote for what the rest of the line is about (a camera, a gym).
What the line does say is a noun WordNet knows, by one of its senses, as an occasion one goes to: a social event, a
gathering or meeting, a show or performance, a contest, a party, an occasion, a course of study ("pottery workshop"), a
diversion ("festival"); not a mere happening ("my voice", "the ending") and not a meal ("after dinner"). Such a noun
(the head of its phrase or a word compounded onto it: "board *game* night") names an instance of the counted thing
when it is also, by one of its senses, a kind of the counted noun ("reunion" of "event", "summit" of "conference").
Whether the line is the user's own actual doing stays with :func:`kgmem.answer.countable.why_not`.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.answer.evidence import Line
from kgmem.knowledge.kinds import kind_table
from kgmem.nlp import load_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

#: WordNet noun senses of occasions one goes to (any sense of a noun under one of them)
OUTING_KINDS = ("social event", "gathering", "meeting", "show", "performance", "contest", "party", "occasion",
                "course of study", "diversion")
#: ... and the senses that make a noun no outing told in passing ("after dinner" tells a meal)
_MEAL = ("meal",)
#: how the words of an event's phrase hang on its head ("film *festival* screening", "*college* reunion")
_PHRASE_DEPS = frozenset({"compound", "amod", "nmod"})


#: how many of a noun's senses are read, most frequent first: a rare sense makes "the house" an audience, "a couple"
#: a gathering and "compound interest" a social group
SENSES = 2
#: the prepositions of going to an outing or coming away from one ("ended up *at*", "shot *after*", "the wristband
#: *from*"); "at" only on a verb or an adjective, "to" only on a verb of going ("sold my ticket *to* the gala" tells
#: no going)
_AWAY = frozenset({"after", "from", "since"})
_GOING = frozenset({"go", "be", "come", "get", "head", "make", "return"})


def _senses_under(noun: str, kinds: tuple[str, ...]) -> bool:
    """One of the noun's first :data:`SENSES` senses is, or is a kind of, a sense of one of ``kinds``."""
    table = kind_table()
    wanted = {k for kind in kinds for k in table.lemmas.get(kind, ())}
    return any(s in wanted or wanted & set(table.ancestors(s)) for s in table.lemmas.get(noun.casefold(), ())[:SENSES])


@lru_cache(maxsize=4096)
def _outing(noun: str) -> bool:
    return _senses_under(noun, OUTING_KINDS) and not _senses_under(noun, _MEAL)


def _framed(tok: Token) -> bool:
    """The noun is where the user went or came away from: the object of "at" on a verb or an adjective, of "to" on a
    verb of going, or of "after"/"from"/"since" ("my voice is shot after …", "the wristband from …")."""
    prep = tok.head
    if tok.dep_ != "pobj":
        return False
    if prep.lower_ == "to":
        return prep.head.lemma_.lower() in _GOING
    return prep.lower_ in _AWAY or prep.lower_ == "at" and prep.head.pos_ in ("VERB", "AUX", "ADJ")


@lru_cache(maxsize=4096)
def outing_phrases(text: str, counted: tuple[str, ...]) -> tuple[str, ...]:
    """The phrases of a text (lower case) whose noun names an outing of a counted kind (``counted``: the counted
    things' head nouns, lemmas): "a film festival screening" → "film festival screening" for ("event",)."""
    out: list[str] = []
    for tok in load_nlp()(text):
        if tok.pos_ != "NOUN" or not _framed(tok):
            continue
        words = [c for c in tok.lefts if c.dep_ in _PHRASE_DEPS and c.pos_ in ("NOUN", "PROPN", "ADJ")] + [tok]
        nouns = [w.lemma_.lower() for w in words if w.pos_ == "NOUN"]
        if any(_outing(n) for n in nouns) and any(_senses_under(n, counted) for n in nouns):
            out.append(" ".join(w.text.lower() for w in words))
    return tuple(out)


@lru_cache(maxsize=1024)
def _above_outings(noun: str) -> bool:
    """The noun is wider than every outing ("event": a social event is one), too wide for a kind test of its own."""
    table = kind_table()
    mine = set(table.lemmas.get(noun, ()))
    return bool(mine) and any(mine & set(table.ancestors(s)) for k in OUTING_KINDS for s in table.lemmas.get(k, ()))


def went_to(lines: Sequence[Line], counted: set[str]) -> dict[tuple[str, int], str]:
    """The lines naming an outing of the counted kind, each with the phrase that names it (by (turn id, position));
    empty when the counted noun is no outing ("how many books"). A counted noun wider than every outing ("events")
    takes any outing."""
    kinds = tuple(sorted(n for n in counted if _outing(n)))
    if not kinds and any(_above_outings(n) for n in counted):
        kinds = OUTING_KINDS
    if not kinds:
        return {}
    out: dict[tuple[str, int], str] = {}
    for ln in lines:
        phrases = outing_phrases(ln.text, kinds)
        if phrases:
            out[(ln.turn_id, ln.position)] = phrases[0]
    return out
