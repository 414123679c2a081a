"""What the user says they left is not theirs any more: "I quit my job at Deloitte" tells no employer.

The patterns read "my job at Deloitte" and the meaning stage reads "job … Deloitte" as an employer,
whatever verb the phrase hangs on. A slot the user holds (where they work or live, their gym, car or
phone) is not asserted when its value sits, in the parse, under a verb of leaving or letting go —
in that verb's object ("quit my job at Deloitte", "sold my Golf") or after its "from"/"out of"
("resigned from Barclays", "moved out of Leeds"). The first verb above the value decides, so the
value of a new clause of the same sentence stays ("left Deloitte to join KPMG", "quit my job at
Deloitte and started at Monzo"), and so does a place a verb of leaving goes *to* ("left for Leeds").
Decided from the parse and from verb meanings written from general English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kgmem.extraction.schema import CandidateFact
from kgmem.extraction.zero.lexicon import DEPART, EVENT_NOUNS, LETTING_GO, RELOCATE
from kgmem.lexicon import called_off
from kgmem.lexicon.people import USER_OBJECTS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: verbs by which one stops working somewhere ("resigned from", "was laid off from", "lost my job at"): the one
#: leaving lexicon's "leave_work" sense, each with what it must take (kgmem/resources/lexicon/called_off.json)
_END_WORK = called_off.lemmas("leave_work")
#: the verbs that end each held slot ("quit", "leave"… end them all)
ENDING: dict[str, frozenset[str]] = {
    "works_at": DEPART | _END_WORK,
    "job_title": DEPART | _END_WORK,
    "lives_in": DEPART | RELOCATE,
    "gym": DEPART | frozenset({"cancel"}),
    "drives": DEPART | LETTING_GO,
    "phone": DEPART | LETTING_GO,
    # "resigned from Barclays" names an employer left, no place visited ("left Rome" still tells a visit)
    "visited": _END_WORK - DEPART,
}
#: the senses of leaving a held thing (a phrasal verb of these takes its particle: "pack in", "hand in")
_LEAVING_SENSES = ("leave_work", "depart", "let_go")
#: prepositions after a verb that name where one was ("moved from Leeds", "resigned from Barclays")
_AWAY = frozenset({"from", "of", "out"})
#: prepositions that place the verb's object ("my job at Deloitte", "my flat in Leeds")
_WHERE_OF_OBJECT = frozenset({"at", "with", "in", "on"})
#: how a value may hang on its verb's object or "from" phrase
_INSIDE = frozenset({"compound", "amod", "nmod", "poss", "appos", "flat", "pobj", "prep", "det", "conj", "cc", "nummod",
                     "advmod"})


def _value_token(doc: Doc, value: str) -> Token | None:
    at = doc.text.casefold().find(value.casefold())
    if at < 0:
        return None
    span = doc.char_span(at, at + len(value), alignment_mode="expand")
    if span is None or not len(span):
        return None
    if (span.root.ent_type_ in ("DATE", "TIME") or span.root.dep_ == "npadvmod") and span[0].i != span.root.i \
            and span[0].ent_type_ not in ("DATE", "TIME"):
        return span[0]  # "Barclays yesterday": a value that swallowed the line's time is its first word
    return span.root


def _ending_verb(t: Token) -> tuple[Token, str] | None:
    """The first verb above ``t`` and how ``t`` hangs on it: "obj" (in its object), "away" (after
    its "from"/"out of"/"away from"), or "" (any other way)."""
    how = ""
    prep_seen = False  # the nearest preposition tells the value's role ("from Auckland to Leipzig": to)
    placed = False  # the value places a noun ("my role at Oxfam"): where that noun is left from, the value is
    cur = t
    while cur.head.i != cur.i:
        parent = cur.head
        if cur.dep_ == "prep" and not prep_seen:
            prep_seen = True
            how = "away" if cur.lower_ in _AWAY else ""
            placed = cur.lower_ in _WHERE_OF_OBJECT and parent.pos_ in ("NOUN", "PROPN")
        elif cur.dep_ == "prep" and placed and cur.lower_ in _AWAY:
            how = "away"  # "stepped down from my role at Oxfam", "moved out of my parents' place in Bristol"
        if parent.pos_ in ("VERB", "AUX") and cur.dep_ not in ("amod", "compound"):
            if cur.dep_ in ("dobj", "nsubjpass") or _particle(parent, cur):
                return parent, "obj"  # "packed in my job at Tesco": the parse reads the particle as a preposition
            if cur.dep_ == "prep" and cur.lower_ in _WHERE_OF_OBJECT and cur.i == _nearest_prep(t).i \
                    and any((c.dep_ in ("dobj", "nsubjpass") or _particle(parent, c)) and _takes_noun(c)
                            for c in parent.children):
                return parent, "obj"  # "quit my job at Deloitte": the parse hangs "at Deloitte" on the verb
            if cur.dep_ == "prep" and cur.lower_ in _WHERE_OF_OBJECT and cur.i == _nearest_prep(t).i \
                    and _left_noun_before(parent, cur):
                return parent, "away"  # "walked out of my job at the Crown": "at the Crown" hung on the verb
            return parent, how if cur.dep_ in ("prep", "prt", "advmod", "oprd", "acomp") else ""
        if cur.dep_ not in _INSIDE:
            return None
        cur = parent
    return None


def _particle(verb: Token, prep: Token) -> bool:
    """``prep`` is the particle of a phrasal verb of leaving that the parse read as a preposition ("packed in my
    job", "jacked in the job": "pack in" is the lexicon's, "in" is no place)."""
    return prep.dep_ == "prep" and called_off.says(verb.lemma_.lower(), {prep.lower_}, *_LEAVING_SENSES) \
        and "" not in called_off.verb_rests(*_LEAVING_SENSES).get(verb.lemma_.lower(), frozenset({""}))


def _takes_noun(t: Token) -> bool:
    """A verb's object, or its particle's, is a noun ("quit my job", "packed in my job")."""
    return t.pos_ == "NOUN" or (t.dep_ == "prep" and any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in t.children))


def deed_of(verb: Token) -> tuple[Token, set[str]]:
    """The verb that carries a leaving and what it takes in the parse: "let" for "let go" and "let me go" (the parse
    hangs "go" on "let" as its complement), else the verb itself."""
    taken = {c.lemma_.lower() for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "oprd", "acomp", "advmod")}
    taken |= {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if verb.dep_ in ("xcomp", "ccomp") and called_off.says(verb.head.lemma_.lower(), {verb.lemma_.lower()}, "leave_work") \
            and all(c.lower_ in USER_OBJECTS for c in verb.children if c.dep_ == "nsubj"):
        return verb.head, taken | {verb.lemma_.lower()}  # "they let me go", never "I let him go"
    return verb, taken


def idiom_object(t: Token) -> bool:
    """``t`` is the noun of an idiom of leaving work, no thing got ("got the sack"): the object, with "the", of a verb
    that with it says leaving work (the lexicon's "get sack")."""
    verb = t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" else t.head
    if t.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return False
    if not any(c.lower_ == "the" for c in t.children) or any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return False  # the idiom's own words: "got the sack", never "got a sack of potatoes"
    return t.lemma_.lower() in called_off.verb_rests("leave_work").get(verb.lemma_.lower(), frozenset())


def _left_noun_before(verb: Token, prep: Token) -> bool:
    """The verb's preposition just before ``prep`` is one of leaving ("out of", "from") and takes a noun
    ("walked out of my job at …"; not "moved from London to a flat in …")."""
    before = [c for c in verb.children if c.dep_ == "prep" and c.i < prep.i]
    if not before or before[-1].lower_ not in _AWAY:
        return False
    return any(g.dep_ == "pobj" and g.pos_ == "NOUN" for g in before[-1].subtree)


def _left_an_occasion(t: Token, verb: Token) -> bool:
    """What the verb leaves is an occasion ("walked out of the meeting at Deloitte", "left the party at the
    Crown"): the noun the value places, or the noun after the verb's "out of"/"from", is an event noun."""
    prep = _nearest_prep(t)
    placed = [prep.head] if prep.dep_ == "prep" and prep.head.pos_ == "NOUN" else []
    left = [g for c in verb.children if c.dep_ in ("prep", "dobj") and (c.dep_ == "dobj" or c.lower_ in _AWAY)
            for g in ([c] if c.dep_ == "dobj" else c.subtree) if g.pos_ == "NOUN" and g.dep_ in ("pobj", "dobj")]
    return any(n.lemma_.lower() in EVENT_NOUNS for n in placed + left[:1])


def _nearest_prep(t: Token) -> Token:
    cur = t
    while cur.dep_ != "prep" and cur.head.i != cur.i:
        cur = cur.head
    return cur


def left_behind(f: CandidateFact, doc: Doc | None) -> bool:
    """``f`` is a slot of the user's that the sentence says was left, quit or let go."""
    verbs = ENDING.get(f.predicate)
    if doc is None or verbs is None or f.subject != "user":
        return False
    tok = _value_token(doc, f.value)
    if tok is None:
        return False
    found = _ending_verb(tok)
    if found is None:
        return False
    verb, how = found
    said_on = verb.i
    verb, taken = deed_of(verb)
    lemma = verb.lemma_.lower()
    if lemma not in verbs:
        return False
    alone = "" in called_off.verb_rests("leave_work").get(lemma, frozenset({""}))  # "resign" says it alone
    if not how and not (lemma in _END_WORK and not alone and called_off.says(lemma, taken, "leave_work")
                        and _nearest_prep(tok).lower_ in _WHERE_OF_OBJECT and _nearest_prep(tok).head.i in (verb.i, said_on)):
        return False  # "They let me go at Argos": a whole idiom of leaving work, the workplace on its verb
    if _left_an_occasion(tok, verb):
        return False  # "walked out of the meeting at Deloitte": an occasion left, not the job
    if lemma in RELOCATE:
        return how == "away"  # "moved to Leeds" is the new home; "moved from/out of Leeds" the old one
    if lemma in _END_WORK and lemma not in DEPART and (how != "away" or not alone) \
            and not called_off.says(lemma, taken, "leave_work"):
        return False  # "stepped down from", "handed in my notice at", "lost my job at": not every step or loss
    return True
