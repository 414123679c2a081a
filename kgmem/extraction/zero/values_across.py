"""A proposed predicate's value found outside the parse roles its kind's filler reads.

The meaning stage often picks the right predicate for a clause that does not itself hold the value:
people name a thing in one breath and say what they did with it in the next ("Is $165 too much for
hiking boots? Too late anyway, I paid Costco", "How long should I steep oolong? It's my go-to drink",
"Returned Anxious People to the library today, every page read"), or put a place where the parse
hangs it on a noun ("I live with two flatmates in Peckham"). Two readers, each tried only after the
kind's own filler, the named-argument reader and the same-sentence referent found nothing, and each
value still passing the predicate's checks (``meaning._fits``):

- :func:`known_place`: a place value is a name that general knowledge (GeoNames, :mod:`kgmem.knowledge`)
  knows as a place, after a preposition of place anywhere in the clause; a name that is also a common
  word ("Bath", "Reading") only written capitalised, and never a person NER bounds with a surname.
- :func:`carried`: for the deeds and tastes of :data:`CARRIED`, a clause that points back (a pronoun:
  "it", "that", "ours", "her"; or a payment that names no thing: "I paid Costco") takes the value of
  its kind from another clause of its sentence (nearest first), else from the sentence just before it
  in the turn when that one is a question (the user asked about the thing, then told what they did).
  A clause about someone else lends nothing ("My brother bought a drone. I love it" is no purchase).
  A carried value is the predicate's kind by the kind's filler (read on the clause that holds it), and, where the
  filler's kind is wide (an item is any object phrase), of the kind the predicate declares in
  ``resources/predicates/value_kinds.json`` as WordNet knows it (:func:`of_declared_kind`): the meaning stage
  chose the predicate on the pointing clause, which never saw the value ("Our internet is with Zing and it drops
  every evening" proposes favourite_drink for "it drops…"; "internet" is no food or drink).
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause, clauses_of
from kgmem.extraction.zero.masking import CALENDAR_WORDS
from kgmem.extraction.zero.nlp import entity_at, load_nlp, place_at
from kgmem.extraction.zero.referents import POINTING
from kgmem.extraction.zero.sentences import split_sentences
from kgmem.extraction.zero.value_parse import NOT_NAMES, Value
from kgmem.extraction.zero.values import fill
from kgmem.extraction.zero.values_names import PLACE_PREPS
from kgmem.knowledge import common_word, is_region, readings_of, sense_kind_of
from kgmem.knowledge.kinds import WORD
from kgmem.lexicon import called_off
from kgmem.lexicon.people import USER_POSSESSIVES, USER_PRONOUNS, USER_REFLEXIVES
from kgmem.predicates import declared_kinds
from kgmem.text import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from kgmem.extraction.zero.sentences import Sentence

#: the place prepositions of the kind's own filler, less "of" (a name after "of" is what a thing is about: "a
#: history of Lima" is no trip; the filler reads it only on the clause's own arguments)
_PLACE_PREPS = frozenset(PLACE_PREPS) - {"of"}
#: predicates whose value a clause may leave to the clause or question it points back to
CARRIED = frozenset({"bought", "spent", "watched", "read_book", "visited", "has_pet", "favourite_drink",
                     "favourite_food", "rent"})
#: payments told without the thing paid for ("I paid Costco", "paid up", "forked out"): the thing is elsewhere
_PAID_FOR = frozenset({"bought", "spent"})
#: the referents' pronouns that stand for a thing or a place
_POINTING = POINTING
#: pronouns of the speakers: they point to no thing
_PEOPLE_HERE = USER_PRONOUNS | USER_POSSESSIVES | USER_REFLEXIVES | {"mine", "you", "your", "yourself"}
#: Penn tags of wh-words ("which", "that", "who", "what", "whose"): relative pronouns or a question's words
_WH = frozenset({"WDT", "WP", "WP$"})


def _name_run(t: Token) -> tuple[int, int]:
    """The run of capitalised words (a name) around ``t``, as token indices [start, end)."""
    doc = t.doc
    start, end = t.i, t.i + 1
    while start > t.sent.start and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ == "PROPN":
        start -= 1
    while end < t.sent.end and doc[end].text[:1].isupper() and doc[end].pos_ == "PROPN":
        end += 1
    return start, end


def known_place(kind: str, clause: Clause) -> list[Value]:
    """A name after a preposition of place in the clause that GeoNames knows as a place (``kind`` "place")."""
    if kind != "place":
        return []
    for t in clause.tokens:
        if t.dep_ != "pobj" or t.head.lower_ not in _PLACE_PREPS or t.pos_ not in ("PROPN", "NOUN"):
            continue
        ent = entity_at(t)
        if ent is not None and ent.label_ == "PERSON" and (len(ent) > 1 or t.head.lower_ not in ("in", "to", "into")) \
                or any(ch.dep_ == "case" for ch in t.children):
            continue  # "Florence Welch", "dinner at Jordan's": a person is no place
        # the kind's own reader of a name at a token (nlp.place_at: dates and numbers are none); a lower-case turn's
        # word as typed
        name = place_at(t) or (t.text if clause.lowercase and ent is None else None)
        if name is None or name.casefold() in NOT_NAMES or not (readings_of(name)[0] or is_region(name)):
            continue
        if common_word(name) and (t.i == t.sent.start or not name[:1].isupper()):
            continue  # "in reading", "to bath": a common word is a place only written as a name
        return [(name, "place")]
    return []


def _points_back(pred: str, clause: Clause) -> bool:
    """A payment that names no thing, or a pronoun that is not the user or the assistant ("it", "that", "ours",
    "her": the referents' pronouns and the rest the parser tags as one).

    Not an indefinite ("everything cooks weird up here", "nothing tastes right": it stands for no thing told
    before) nor a wh-word: a question's "what" asks, and a relative pronoun stands for the noun its clause hangs
    on, which the clause reader already gives the clause ("the novel, which I had been reading": the novel, not
    a thing of the sentence's other clauses)."""
    return pred in _PAID_FOR or any(
        t.lower_ in _POINTING or t.pos_ == "PRON" and t.lower_ not in _PEOPLE_HERE and t.tag_ not in _WH
        and "Ind" not in t.morph.get("PronType", []) for t in clause.tokens)


def _calls_off(clause: Clause) -> bool:
    """The clause calls its thing off, puts it off or stops it (the called-off lexicon: "but we cancelled it",
    "then it fell through"): what it points back to did not happen."""
    head = clause.head
    taken = {c.lower_ for c in head.children if c.dep_ in ("prt", "prep", "dobj", "acomp", "advmod")}
    return called_off.says(head.lemma_.lower(), taken, *called_off.SENSES)


@functools.lru_cache(maxsize=512)
def _parse(text: str) -> Doc:
    return load_nlp()(text)


def _question_before(sent: Sentence) -> list[Clause]:
    """The clauses of the sentence just before ``sent`` in its turn, when that sentence is a question."""
    before = sent.before.strip()
    if not before.endswith("?"):
        return []
    last = split_sentences(before)[-1]
    out = clauses_of(_parse(last))
    for c in out:
        c.lowercase = sent.lowercase
    return out


def carried(pred: str, kind: str, clause: Clause, clauses: list[Clause], sent: Sentence) -> list[Value]:
    """Values of ``kind`` that a clause pointing back leaves to its neighbours (see the module's docstring)."""
    if pred not in CARRIED or not _points_back(pred, clause) or _calls_off(clause):
        return []
    at = next((i for i, c in enumerate(clauses) if c is clause), len(clauses))
    near = [c for _, c in sorted(((abs(i - at), i > at), c) for i, c in enumerate(clauses) if c is not clause)]
    out: list[Value] = []
    told = kind_told(pred, clause)
    for other in [*near, *reversed(_question_before(sent))]:
        if other.about == "other":
            continue
        out += [v for v in fill(kind, other) if _a_thing(v[0]) and (told or of_declared_kind(pred, v[0]))]
    return out


def kind_told(pred: str, clause: Clause) -> bool:
    """The pointing clause says its thing is of the kind ``pred`` declares: a copula's complement names it ("it's
    the food I could never give up", "it's my drink of choice"); then the speaker, not WordNet, gave the kind."""
    kinds = declared_kinds(pred)
    return bool(kinds) and any(t.dep_ == "attr" and t.pos_ == "NOUN" and sense_kind_of(t.lemma_, kinds)
                               for t in clause.tokens)


def of_declared_kind(pred: str, value: str) -> bool:
    """Whether ``value`` may be of the kind ``pred`` declares (True where it declares none).

    The value's longest ending WordNet knows as a noun decides ("jollof rice": "rice"; "flat white": "white",
    whose senses include white wine): it passes when any sense of it is a kind of a declared noun. A value
    WordNet does not know passes ("kombucha", "sencha", a brand): only a known word of another kind is refused.
    A known limit: a dish whose last word WordNet knows otherwise ("pad thai": Thai the people) is refused."""
    return of_kinds(value, declared_kinds(pred))


def of_kinds(value: str, kinds: tuple[str, ...]) -> bool:
    """Whether ``value`` may be of one of ``kinds`` (WordNet nouns; True where none is given), read as
    :func:`of_declared_kind` reads it: the longest ending WordNet knows decides, an unknown value passes."""
    if not kinds:
        return True
    words = WORD.findall(fold(value))
    for n in range(len(words)):
        verdict = sense_kind_of(" ".join(words[n:]), kinds)
        if verdict is not None:
            return verdict
    return True
#: words no carried value holds: a question's own words ("How long should I steep oolong") and days
_NOT_IN_A_THING = frozenset({"i", "you", "we", "should", "could", "would", "how", "what", "why", "which", "lol", "today",
                             "yesterday", "tonight", "tomorrow", "week", "weekend", "month", "year"}) \
    | CALENDAR_WORDS


def _a_thing(value: str) -> bool:
    """A carried value is a short phrase naming a thing, not a stretch of the other clause."""
    words = re.findall(r"[\w']+", value.casefold())
    return 0 < len(words) <= 6 and not any(w in _NOT_IN_A_THING for w in words)


#: tastes whose value is a food or drink (value_kinds.json); a name ("Thai") or a phrase ("dim sum") is never refused
_TASTED = frozenset({"favourite_food", "favourite_drink"})


def own_value_of_kind(pred: str, value: str) -> bool:
    """A taste's own value is no plain word WordNet knows as no food, drink or plant ("hands"); see carried()."""
    return pred not in _TASTED or not (value.isalpha() and value.islower()) or of_declared_kind(pred, value) \
        or of_kinds(value, ("plant",))  # a tea or dish named by its plant: "rooibos", "chamomile", "kale"
