"""Same kind, another instance: the event's own head noun and the words that name it.

"My woodwork course" and "a ceramics course" share their head noun (course) and nothing else:
the modifier is the course's name, and a line whose course has another modifier tells another
course, however close the sentences are (rev12's probe: a husband's woodwork course got the dates
of the user's ceramics course). Names of places, nationalities and people are judged by
:mod:`kgmem.answer.event_instance`; this module judges the common nouns that name an instance:
the noun modifiers of the head ("*kitchen* renovation", "*first aid* course", "my *niece's*
christening", "*driving theory* test").

From the parse of the phrase and of the line (the shared pipeline, cached parses): for each noun
of the phrase that has modifiers, the same noun in the line (same stem or synonym group: course,
class, lessons …) and its own modifiers. The line CARRIES the instance when it has every modifier
of the phrase (anywhere in the line, synonyms folded); it names OTHER when it lacks one and its
noun has a modifier noun the phrase does not have; else NONE (the line does not say which one:
"the last session of the course"). Time words are no names ("an *evening* course", "the *summer*
term"); adjectives of the line are not read ("my new course"). Synonyms are the word lists of
:mod:`kgmem.answer.match` (pottery = ceramics); the embedding is not asked (it puts siblings as
close as synonyms: niece ~ nephew 0.63, pottery ~ ceramics 0.66).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from kgmem.answer.event_instance import CARRIES, NONE, OTHER
from kgmem.answer.event_roles import time_nouns
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.answer.match import GENERIC, expand, norm, terms
from kgmem.retrieval.question import nlp as question_nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: dependency labels of a modifier that names the head's instance
_NAMING_DEPS = {"compound", "poss", "nmod", "amod", "npadvmod"}
#: the parts of speech a line's modifier must have to name another instance (nouns, not "new")
_NOUN_TAGS = {"NOUN", "PROPN"}
#: entity labels that are times and counts, not names ("the 8-week course", "an evening class")
_NOT_NAME_ENTS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"}


def _naming(c: Token, nouns_only: bool) -> str | None:
    """A modifier's comparison word, or ``None`` when it names nothing (a pronoun, a count, a time)."""
    if c.pos_ == "PRON" or c.like_num or c.ent_type_ in _NOT_NAME_ENTS or c.lower_ in time_nouns():
        return None
    if nouns_only and c.pos_ not in _NOUN_TAGS and c.dep_ != "compound":
        return None
    word = norm(c.lower_)
    return word if word and word not in GENERIC else None


def _heads(doc: Doc, nouns_only: bool) -> dict[str, frozenset[str]]:
    """Each noun with the content words that modify it: its naming children and their own
    modifiers. A noun inside such a run is a head too, of the words left of it in the run ("bathroom
    renovation finish": finish {bathroom, renovation}, renovation {bathroom}; a fragment's parse often
    hangs every word on the last one)."""
    out: dict[str, set[str]] = {}
    for tok in doc:
        if tok.pos_ not in _NOUN_TAGS:
            continue
        run, stack = [], [c for c in tok.children if c.dep_ in _NAMING_DEPS and c.i < tok.i]
        while stack:
            c = stack.pop()
            stack += [g for g in c.children if g.dep_ in _NAMING_DEPS and g.i < c.i]
            run.append(c)
        words = [(c.i, c.pos_, _naming(c, nouns_only)) for c in run]
        out.setdefault(norm(tok.lower_), set()).update(w for _, _, w in words if w)
        for i, pos, w in words:
            if w and pos in _NOUN_TAGS:
                out.setdefault(w, set()).update(v for j, _, v in words if v and j < i)
    return {h: frozenset(m) for h, m in out.items()}


@lru_cache(maxsize=2048)
def phrase_heads(phrase: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The phrase's nouns that have naming modifiers, each with them ("my woodwork course" →
    (course, {woodwork})); empty without the tagger."""
    nlp = question_nlp()
    if nlp is None:
        return ()
    return tuple((h, m) for h, m in _heads(nlp(phrase), nouns_only=False).items() if m)


@lru_cache(maxsize=4096)
def _line_heads(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    nlp = question_nlp()
    if nlp is None:
        return ()
    return tuple(_heads(nlp(text), nouns_only=True).items())


def verdict(phrase: str, text: str) -> str:
    """Whether a line tells the phrase's instance of its head noun (``CARRIES``), another one
    (``OTHER``: "a ceramics course" for "my woodwork course"), or does not say (``NONE``)."""
    heads = phrase_heads(phrase)
    have = terms(text)
    have |= expand(have)
    heads = tuple((h, mods) for h, mods in heads if h in have)
    if not heads:
        return NONE
    if all(_within(mods, have) for _, mods in heads):
        return CARRIES
    asked = terms(phrase)
    asked |= expand(asked)
    for head, mods in heads:
        if _within(mods, have):
            continue
        for line_head, line_mods in _line_heads(text):
            if line_head == head and not _within(line_mods, asked):
                return OTHER
    return NONE


def _within(words: frozenset[str], have: set[str]) -> bool:
    """Every word is in ``have``, as itself or another form of it (dental / dentist: one stem)."""
    return all(any(_same(w, h) for h in have) for w in words)


def _same(a: str, b: str) -> bool:
    """One word in two forms: equal, or sharing a stem of 4+ letters that is most of the shorter."""
    if a == b:
        return True
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return n >= 4 and n >= 0.6 * min(len(a), len(b))


def line_verdicts(phrase: str, lines: list[Line], ev: EvidenceSet) -> list[str]:
    """Per line, as :func:`verdict`; a line that does not say which instance takes its turn's
    ("Started a ceramics course tonight. Loved the first class!": a turn tells one event). A question
    of the turn asks and tells no instance ("Picked up my suit … Do you think a navy suit works with
    brown shoes?")."""
    if not phrase_heads(phrase):
        return [NONE for _ in lines]
    out = []
    for ln in lines:
        own = verdict(phrase, ln.text)
        if own == NONE:
            turn = {verdict(phrase, s.text) for s in ev.turn_lines(ln.turn_id)
                    if s.text != ln.text and not s.text.rstrip().endswith("?")}
            own = CARRIES if CARRIES in turn else OTHER if OTHER in turn else NONE
        out.append(own)
    return out
