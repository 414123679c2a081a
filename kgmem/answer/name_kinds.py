"""The kind of a name, told by its conversation: "Glastonbury is one of the UK's biggest music festivals".

A user who counts festivals, films or fells often names each one only by its name ("back from Glastonbury", "did
Catbells this morning"), and no model we ship can tell the kind of a bare name (an30's probes). The conversation
around the name usually can: the assistant's reply says what it is ("Aftersun, Charlotte Wells's debut film, …"), or
the user's other line does ("Latitude was my first proper festival"). So a name's kinds are read from the sentences of
the haystack that name it, by their grammar:

- a copula: "X is a lovely little fell", "X are a Dublin post-punk band", "X is one of the best beaches in Britain";
- an apposition: "Green Man, the Welsh festival in the Brecon Beacons", "the festival, Green Man";
- a compound: "the Green Man festival", "Reading Festival".

A name's own session speaks first: "Meeting in Reading all day" answered by "Reading is a big commuter town" is a
town there, whatever another session's "Reading Festival" says; only a name its own session does not type takes the
kinds the rest of the conversation gives it. Only the user's own lines are counted (:mod:`kgmem.answer.counting`), so
the assistant's other examples of a kind ("you might also like End of the Road or Latitude") never count by this, nor a
line telling what the assistant said of a name ("You said Iona was an island worth a look").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import lru_cache

from spacy.tokens import Token

from kgmem.answer.evidence import EvidenceSet, Line, split_sentences
from kgmem.answer.match import norm, terms
from kgmem.nlp import load_nlp

#: "one of the …", "among the …": the kind is the noun after "of"
_PARTITIVE = frozenset({"one", "some", "any", "among", "several", "two", "another"})
#: sentences longer than this are filler, not a remark about a name
_LONGEST = 400


def _kind_words(tok: Token) -> frozenset[str]:
    """A kind phrase's head noun, as a word and as its lemma, in comparison form ("festivals" → festiv)."""
    if tok.lemma_.lower() in _PARTITIVE or tok.lower_ in _PARTITIVE:
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "among") for p in c.children if p.dep_ == "pobj"]
        if of:
            return _kind_words(of[0])
    # "Catbells is a lovely little fell": a complement the tagger calls a verb or an adjective is a noun where an
    # article opens it; "Hades is huge" tells no kind
    if tok.pos_ not in ("NOUN", "PROPN") and next(tok.subtree).pos_ != "DET":
        return frozenset()
    # "a big commuter town west of London": the parser may hang the kind on a later noun as its compound
    nouns = [tok] + [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
    return frozenset(w for t in nouns for w in (norm(t.lower_), norm(t.lemma_.lower())))


@lru_cache(maxsize=8192)
def kinds_in(sentence: str, name: str) -> frozenset[str]:
    """The kinds one sentence gives a name (comparison forms of the kind's head noun; empty when it gives none)."""
    m = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.I)
    if m is None:
        return frozenset()
    doc = load_nlp()(sentence)
    span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
    if span is None or not len(span):
        return frozenset()
    root = span.root
    kinds: set[str] = set()
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":  # "X is a lovely little fell"
        for c in head.children:
            if c.dep_ in ("attr", "acomp"):
                kinds |= _kind_words(c)
    kinds |= {w for c in root.children if c.dep_ == "appos" for w in _kind_words(c)}  # "Green Man, the Welsh festival"
    if root.dep_ == "appos" and head not in span:  # "the festival, Green Man"
        kinds |= _kind_words(head)
    if root.dep_ == "compound" and head not in span and head.i == span.end:  # "the Green Man festival"
        kinds |= _kind_words(head)
    last = doc[span.end - 1]  # "Reading Festival": the name's run ends on its kind
    if len(span) > 1 and last.pos_ == "NOUN" and last.is_lower is False and last.dep_ != "compound":
        kinds |= _kind_words(last)
    return frozenset(kinds)


class NameKinds:
    """The kinds a haystack's conversation gives the names of its user's lines (built per question, read per name)."""

    def __init__(self, ev: EvidenceSet) -> None:
        self._turns = [(t.session_id, t.text) for t in ev.result.all_turns()]
        self._told: dict[str, list[tuple[str, str, frozenset[str]]]] = {}

    def _by_session(self, name: str) -> list[tuple[str, str, frozenset[str]]]:
        if name not in self._told:
            pat = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
            self._told[name] = [(sid, sent, kinds) for sid, text in self._turns if pat.search(text)
                                for sent in split_sentences(text) if len(sent) <= _LONGEST and pat.search(sent)
                                if (kinds := kinds_in(sent, name))]
        return self._told[name]

    def of(self, name: str, session_id: str, line: str = "") -> frozenset[str]:
        """The kinds of ``name`` as said in the session ``session_id``: that session's own, else the others'; never
        by the sentence of ``line`` itself ("the Manchester marathon" names its kind in its own words, which the
        count reads as words)."""
        told = [(sid, kinds) for sid, sent, kinds in self._by_session(name) if not (line and line in sent)]
        own = frozenset(k for sid, kinds in told if sid == session_id for k in kinds)
        return own or frozenset(k for _sid, kinds in told for k in kinds)


#: a capitalised run opening a line ("Latitude was my first proper festival")
_OPENING = re.compile(r"^\W*([A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*)*)")


@lru_cache(maxsize=4096)
def opening_name(text: str) -> str | None:
    """The capitalised run opening a line where the tagger reads its first word, capital and all, as a noun
    ("Latitude was my first proper festival", "Marrowbone for my birthday"; not "Went to …", "Did the …", "I …"), lower
    case: a candidate only, a name where the conversation types it."""
    m = _OPENING.match(text)
    if m is None:
        return None
    first = next((t for t in load_nlp()(text, disable=("parser", "ner")) if t.is_alpha), None)
    return m.group(1).casefold() if first is not None and first.pos_ in ("PROPN", "NOUN") and first.lower_ != "i" else None


@lru_cache(maxsize=4096)
def yours(text: str) -> bool:
    """A line whose doer is the one the user speaks to ("You said Iona was an island worth a look", "You keep telling
    me about the Courtauld"): it tells what the assistant said of the thing, no doing of the user's."""
    first = next((t for t in load_nlp()(text) if t.is_alpha), None)  # the line opens with its doer
    return first is not None and first.lower_ == "you" and first.dep_ in ("nsubj", "nsubjpass")


def typed_as(ev: EvidenceSet, lines: Iterable[Line], kinds: set[str],
             names: Callable[[Line], set[str]]) -> dict[tuple[str, int], frozenset[str]]:
    """The lines naming a name the conversation types as one of ``kinds`` (the counted things' nouns, comparison
    forms), by key (turn id, position), with the names so typed: "Back from Glastonbury" where a reply says Glastonbury
    is a festival. A name opening the line counts too where the tagger reads it as one (:func:`opening_name`)."""
    if not kinds:
        return {}
    told = NameKinds(ev)
    out: dict[tuple[str, int], frozenset[str]] = {}
    for ln in lines:
        said = names(ln) | ({o} if (o := opening_name(ln.text)) else set())
        # "Holiday photos from Crete": a word of the asked kind is that kind's word, not a name of one
        if hit := frozenset(n for n in said if not terms(n) & kinds and told.of(n, ln.session_id, ln.text) & kinds):
            if not yours(ln.text):
                out[(ln.turn_id, ln.position)] = hit
    return out
