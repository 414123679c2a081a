"""Events the user went to, told by the act's name: "six60 at eden park last nite!!!!", "saw the
paper kites at the forum", "just back from wet leg at the ritz".

"How many concerts have I been to" is told in lines that never say "concert", and MiniLM does not
know that "wet leg" is a band (it scores "my brother went to a gig" far above "Saw Fontaines D.C.
at the Academy"). The line's frame says it instead, by the parse: a **name** at a **venue**
("<name> at <the venue>"), the name being the object of a verb of seeing ("saw the paper kites at
the forum") or the thing the user is back from, or the head of the clause itself ("benee at the
powerstation on saturday was UNREAL"), in a line that is the user's own actual one (not a plan). A name is two words or more ("lime cordiale"), or one
word the language model does not know ("mitski", "six60"): "lunch at the crown" and "drinks at
the anchor" name no act. A ticket line ("sold my l.a.b. tix", "got tix for … in december") tells
an arrangement, not the event.

Used by :mod:`kgmem.answer.counting` only when the count question asks about going somewhere
("been to", "gone to", "attended", "seen"). Words: ``kgmem/resources/lexicon/counting.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from kgmem import packaged
from kgmem.answer.evidence import EvidenceSet, Line
from kgmem.lexicon.people import people_noun, titles
from kgmem.models import Fact
from kgmem.nlp import has_user_subject, known_words, load_nlp


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in packaged.entries("lexicon", "counting.json").items()}


_AT = re.compile(r"\bat\b", re.I)
#: how the words of a name hang on its head ("*paper* kites", "*fontaines* dc", "lime *cordiale*"
#: read as a verb and its object); not "lunch *with sam*", "… *tonight*"
_NAME_DEPS = frozenset({"compound", "amod", "dobj", "appos", "flat", "nmod"})


def asks_attending(lemmas: tuple[str, ...]) -> bool:
    """A count question about events the user went to: its verb is one of going or seeing
    ("how many gigs have I *been* to", "how many plays have we *seen*")."""
    return bool(set(lemmas) & _words()["asking_verbs"])


def spectating_verbs() -> frozenset[str]:
    """Lemmas of verbs of watching a thing rather than doing it ("watched the tennis final", "cheered at the rugby")."""
    return _words()["spectating_verbs"]


def ticket_line(text: str) -> bool:
    """A line about tickets ("sold my ticket to the spacey jane gig", "got tix for …"): an
    arrangement for an event, not the event."""
    return bool(set(re.findall(r"[a-z]+", text.lower())) & _words()["ticket_nouns"])


@lru_cache(maxsize=4096)
def attended_name(text: str) -> str | None:
    """The name of the act a line says the user went to (see the module docstring), lower case;
    ``None`` when the line has no such frame."""
    if not _AT.search(text):
        return None
    doc = load_nlp()(text)
    for at in doc:
        if at.lower_ != "at" or not any(c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") for c in at.children):
            continue
        head = at.head
        while head.pos_ in ("ADV", "ADJ") and head.head.i != head.i:
            head = head.head  # "caught khruangbin *live* at brixton academy": the verb it describes
        if head.lemma_.lower() in _words()["seeing_verbs"]:
            named = [c for c in head.children if c.dep_ in ("dobj", "ccomp", "attr") and c.i < at.i]
        elif any(c.lower_ == "from" for c in head.children):  # "back from wet leg at the ritz"
            named = [g for c in head.children if c.lower_ == "from" for g in c.children if g.dep_ == "pobj"]
        elif head.i < at.i and (head.pos_ in ("NOUN", "PROPN", "INTJ", "X")
                                or head.pos_ == "VERB" and head.dep_ in ("nsubj", "csubj", "ccomp")):
            named = [head]  # the clause's own head: "benee at …", "lime cordiale at …" (a name read as a verb)
        else:
            named = []
        for noun in named:
            if any(c.dep_ in ("nummod", "poss") or c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children):
                continue  # "a 6 hr shift at …", "my first day at …": a common noun, counted or owned, not a name
            words = [t for t in doc[noun.left_edge.i:at.i] if t.i == noun.i or (
                t.dep_ in _NAME_DEPS and t.head.i in (noun.i, *(c.i for c in noun.children)))]
            if _is_name(words):
                return " ".join(t.lower_ for t in words)
    return None


@lru_cache(maxsize=1)
def _titles() -> frozenset[str]:
    return frozenset(t.lower() for t in titles())


def _is_name(words: list[Any]) -> bool:
    """Two words or more, or one the model does not know; never a person word, a title or a
    pronoun ("my brother", "dr patel", "her")."""
    if not words or any(t.pos_ == "PRON" or people_noun(t.lower_) or t.lower_ in _titles() for t in words):
        return False
    if any(t.ent_type_ in ("DATE", "TIME") or t.pos_ == "VERB" and t.lemma_ in ("be", "have") for t in words):
        return False
    return len(words) >= 2 or words[0].lower_ not in known_words()


def framed(lines: Sequence[Line]) -> dict[tuple[str, int], str]:
    """The lines naming an act the user went to, not a ticket line: (turn id, position) → the
    name. The caller passes the user's own actual lines (a plan — "benee at the powerstation next
    week" — is not one)."""
    out: dict[tuple[str, int], str] = {}
    for ln in lines:
        if not ticket_line(ln.text) and (name := attended_name(ln.text)) is not None:
            out[(ln.turn_id, ln.position)] = name
    return out


@lru_cache(maxsize=4096)
def retelling(text: str) -> bool:
    """A line that tells again what the user told before: its main verb is one of telling, said by
    the user to the assistant, about a clause ("I told you I gave blood in September", "like I
    mentioned, the boiler is in"): not a new event."""
    doc = load_nlp()(text)
    for tok in doc:
        if tok.lemma_.lower() not in _words()["retelling_verbs"] or tok.pos_ != "VERB":
            continue
        kids = list(tok.children)
        by_user = has_user_subject(tok)
        to_you = any(c.lower_ == "you" and c.dep_ in ("dative", "dobj") for c in kids)
        as_said = any(c.dep_ == "mark" and c.lower_ in ("as", "like") for c in kids) or (  # "like I mentioned, …"
            tok.dep_ == "parataxis" and any(c.lower_ in ("as", "like") and c.i < tok.i for c in tok.head.children))
        asking = any(c.dep_ == "aux" and c.lower_ in ("did", "do", "have") for c in kids)  # "did i tell you …?"
        if by_user and (to_you or as_said) and not asking:
            return True
    return False


#: what a venue is, by the parse's entity types ("in Hackney", "at the Roundhouse")
_PLACE_TYPES = frozenset({"GPE", "FAC", "ORG", "LOC"})


def went_fact(fact: Fact, ev: EvidenceSet) -> bool:
    """A stored item of an act the user went to, for a going question that names none of its
    words: an act's name (as :func:`attended_name` reads one) "User attended: Khruangbin", or "User watched: Nilufer Yanya" from a line that puts it at
    a place ("saw nilufer yanya play a tiny venue in hackney"; not "watched succession in bed")."""
    words = list(load_nlp()(fact.value or ""))
    if fact.predicate not in ("attended", "watched") or not _is_name(words) or not any(
            t.pos_ == "PROPN" or t.lower_ not in known_words() for t in words):
        return False  # "User attended: three nights", "… yoga class" name no act
    if fact.predicate == "attended":
        return True
    doc = load_nlp()(ev.source_sentence(fact))
    return any(t.dep_ == "pobj" and t.head.lower_ in ("at", "in") and (t.ent_type_ in _PLACE_TYPES or t.lemma_ == "venue")
               for t in doc)
