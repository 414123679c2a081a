"""Reading a clause's arguments for value filling: its noun arguments with their roles, noun
phrases, names, and the order in which competing values are preferred ("from X to Y" means Y)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from kgmem.extraction.zero.clauses import Clause, user_relative
from kgmem.extraction.zero.lexicon import NOT_GOODS, PEOPLE_NOUNS, PETS, VALUE_BLOCKLIST
from kgmem.extraction.zero.nlp import entity_at, noun_phrase
from kgmem.lexicon import calendar

if TYPE_CHECKING:
    from spacy.tokens import Token

Value = tuple[str, "str | None"]  # (value text, entity type for the memory manager)
Filler = Callable[[Clause], list[Value]]
NOT_NAMES = frozenset({"i", "i'm", "i've", "mom", "dad", "god", *calendar.WEEKDAYS, *calendar.MONTHS, "today", "tonight"})
GENERIC_HEADS = frozenset({"favourite", "favorite", "thing", "things", "go-to", "jam", "fan", "lot", "bit", "kind",
                            "sort", "type", "way", "time", "stuff", "one", "deal", "vibe", "cup", "tea", "choice", "drink", "food", "meal", "snack", "dish"})


def np_of(t: Token) -> str:
    return noun_phrase(t, ("nummod", "compound", "npadvmod", "amod"))


#: prepositions that introduce the value a statement moves to / away from
_TO_PREPS = ("to", "into", "in", "at", "for", "with", "near", "around", "through", "across", "outside", "joined", "join")


def preference(role: str) -> int:
    """Order of argument roles when a clause holds several values: "from X to Y" means Y."""
    if role.startswith("prep:"):
        p = role[5:]
        return 0 if p in _TO_PREPS else 2 if p in ("from", "of", "than", "instead") else 1
    return 1


def ok_value(value: str) -> bool:
    v = value.strip().lower()
    return bool(v) and v not in VALUE_BLOCKLIST and len(v) <= 80 and any(ch.isalnum() for ch in v)


def args_of(c: Clause) -> list[tuple[Token, str]]:
    """Noun arguments of the clause with their role: "obj", "attr", "subj", "prep:<p>", "appos"
    (a verbless fragment's head noun — "A road bike from Target, $780." — is its "obj")."""
    out: list[tuple[Token, str]] = []
    if c.head.pos_ in ("NOUN", "PROPN") and c.head.dep_ == "ROOT":
        out.append((c.head, "obj"))
    if user_relative(c.head) and not any(t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN") for t in c.head.children):
        out.append((c.head.head, "obj"))  # "the Bosch washing machine I bought": the noun it modifies
    for t in c.tokens:
        if t.pos_ not in ("NOUN", "PROPN", "NUM", "PRON", "ADJ", "X"):
            continue
        if t.dep_ in ("dobj", "dative", "oprd"):
            out.append((t, "obj"))
        elif t.dep_ in ("attr", "acomp"):
            out.append((t, "attr"))
        elif t.dep_ in ("nsubj", "nsubjpass"):
            out.append((t, "subj"))
        elif t.dep_ == "pobj" and t.head.dep_ in ("prep", "agent", "prt", "dative"):
            out.append((t, "prep:" + t.head.lower_))
        elif t.dep_ == "appos":
            out.append((t, "appos"))
        elif t.dep_ == "conj" and t.head.dep_ in ("dobj", "pobj", "attr"):
            out.append((t, "obj"))
    return out


def capital(c: Clause, text: str) -> bool:
    """Capitalised as a name is (or the turn was typed without capitals)."""
    return text[:1].isupper() or text[:1].isdigit() or c.lowercase and text[:1].isalpha()


def proper_np(t: Token, c: Clause | None = None) -> str | None:
    ent = entity_at(t)
    if ent is not None and ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "ORDINAL", "PERCENT", "QUANTITY"):
        return None
    if ent is not None and ent.label_ not in ("NORP",) and t.i >= ent.start:
        text = re.sub(r"^(?:the|my|our)\s+", "", ent.text, flags=re.IGNORECASE)
        if text[:1].isupper() or text[:1].isdigit():
            return text
    lower = c is not None and c.lowercase
    if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN") and t.i > 0 or t.pos_ == "PROPN" \
            or lower and t.pos_ in ("PROPN", "NOUN") and t.lower_ not in GENERIC_HEADS:
        np = noun_phrase(t)
        return np if np[:1].isupper() or np[:1].isdigit() or lower and np[:1].isalpha() else None
    return None



#: titles that belong to the name they precede ("Prof. Ruiz", "Mr. Patel")
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "coach", "mx"})


def _honorific(t: Token) -> bool:
    return t.lower_.rstrip(".") in HONORIFICS and t.i + 1 < len(t.doc) and t.doc[t.i + 1].pos_ == "PROPN"


def names_in(c: Clause) -> list[str]:
    """Names of people in the clause, in reading order, a title kept with its name ("Prof. Ruiz")."""
    out = []
    for t in c.tokens:
        ent = entity_at(t)
        if _honorific(t):
            nxt = t.doc[t.i + 1]
            e2 = entity_at(nxt)
            out.append(f"{t.text} {e2.text if e2 is not None and e2.label_ == 'PERSON' else nxt.text}")
        elif t.i > 0 and _honorific(t.doc[t.i - 1]):
            continue
        elif ent is not None and ent.label_ == "PERSON" and t.i == ent.start:
            out.append(ent.text.split()[0] if len(ent) > 2 else ent.text)
        elif ent is None and (t.pos_ == "PROPN" and t.text[:1].isupper() or c.lowercase and t.pos_ in ("PROPN", "NOUN")
                              and t.dep_ in ("appos", "npadvmod", "oprd")) and t.i > 0 and t.dep_ in (
                "appos", "attr", "dobj", "npadvmod", "oprd", "conj", "nsubj", "compound", "pobj"):
            out.append(t.text)
        elif c.lowercase and t.i > 0 and t.doc[t.i - 1].lower_ in ("named", "called") and t.is_alpha:
            out.append(t.text)
    return [n for n in dict.fromkeys(out) if n.lower() not in NOT_NAMES and capital(c, n)
            and n.lower() not in PEOPLE_NOUNS and n.lower() not in PETS]


def has_lemma(c: Clause, words: frozenset[str]) -> bool:
    return any(t.lemma_.lower() in words or t.lower_ in words for t in c.tokens)



def object_tokens(c: Clause) -> list[Token]:
    """The clause's object noun phrases: direct objects, then objects of on/for/in/with."""
    args = args_of(c)
    objs = [t for t, r in args if r == "obj"]
    objs += [t for t, r in args if r in ("prep:on", "prep:for", "prep:in", "prep:with", "prep:to", "prep:into",
                                         "prep:of", "prep:about", "prep:up", "prep:out", "prep:off", "prep:than")]
    # a copula's complement is the value, its subject the slot ("my usual order is an oat flat white")
    attrs = [t for t, r in args if r == "attr"]
    subjects = [t for t, r in args if r == "subj" and c.about in ("mine", "thing")]
    objs += attrs + subjects if c.head.lemma_.lower() == "be" else subjects + attrs
    # an appositive names the object more precisely ("a new phone, an iPhone SE"): right after it
    objs = [x for t in objs for x in (t, *(a for a in t.children if a.dep_ == "appos"))]
    return [t for t in objs if t.pos_ in ("NOUN", "PROPN", "X") and t.lower_ not in NOT_GOODS]


