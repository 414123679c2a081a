"""Values of a changing slot read from a user's line by the slot's kind of value, where the
answer types of :func:`kgmem.answer.spans.typed_spans` do not say it: a device or a vehicle is a
product name ("the iPhone SE is so much faster", "my Pixel 6"), a commute is a means of transport
(a noun WordNet files under conveyance: "I'm going to the office by tram").

:func:`kgmem.answer.slots.slot_timeline` reads these lines beside the stored facts, so a value
extraction missed — most often the newest, told in passing — still counts as the slot's current
value (issue #14 item 4), and "the value before X" finds the line before the newest.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from kgmem import knowledge
from kgmem import predicates as predicate_registry
from kgmem.lexicon import calendar
from kgmem.lexicon.discourse import opener_words, strip_openers

#: a word of a product name: capitalised ("Pixel", "Toyota"), a lower-case maker's mark with a
#: capital inside ("iPhone", "eBike"), or a model code ("SE", "6", "CX-5", "8a")
_NAME_WORD = r"(?:[A-Z][\w-]*|[a-z]+[A-Z][\w-]*)"
_MODEL_WORD = r"(?:[A-Z][\w-]*|[a-z]+[A-Z][\w-]*|\d[\w.-]*)"
_PRODUCT = re.compile(rf"(?<![\w$£€])({_NAME_WORD}(?:\s+{_MODEL_WORD})*)")
#: a value told as the one given up ("the dealer took the old Mazda off my hands")
_OLD = re.compile(r"\b(?:old|former|previous|ex|last|trade(?:d)?\s+in|sold|got\s+rid\s+of|replac(?:ed|ing)|no\s+more|"
                  r"not|never|instead\s+of|rather\s+than|used\s+to\s+\w+)\s+(?:my\s+|the\s+|a\s+|an\s+)?$",
                  re.I)
#: what stands before a one-word product name ("my Prius", "a new Kindle")
_THING = re.compile(r"\b(?:my|our|a|an|the|new)\s+$", re.I)
#: a means of transport after "by" / "on the" ("by tram", "on the ferry", "on foot")
_MEANS = re.compile(r"\b(by|on)\s+((?:the|an?|my)\s+)?([a-z][a-z-]+)\b", re.I)


def _not_a_name(word: str) -> bool:
    low = word.lower()
    return word in ("I", "I'm", "I've", "I'll", "I'd") or low in opener_words() or calendar.month_number(low) is not None or calendar.weekday_number(low) is not None


def product_names(text: str) -> list[str]:
    """Product names in a sentence (a phone, a car), as written, best first: capitalised or model
    words after a thing's determiner ("my Pixel 6", "the iPhone SE", "a new Kindle"); a name after a
    preposition or a verb ("at Whole Foods", "called Verizon") is a place, a firm or a person, and a
    name told as the old one is no new value."""
    body = strip_openers(text.strip(" (\"'"))
    start = len(text) - len(text.lstrip(" (\"'")) + (len(text.strip(" (\"'")) - len(body))
    out: list[str] = []
    for m in _PRODUCT.finditer(body):
        words = m.group(1).split()
        while words and _not_a_name(words[0].strip(",.")):
            words = words[1:]
        if not words:
            continue
        name = " ".join(words).strip(",.!?")
        first = m.start() + m.group(1).find(words[0])
        if first == 0 and len(words) == 1 and knowledge.common_word(name):
            continue  # "Payslip today says …": a sentence's first word is capitalised anyway
        if not _THING.search(body[:first]):
            continue  # a thing's name follows a thing's word ("my Prius", "the iPhone SE"; not "called Verizon", "with Sarah")
        if _OLD.search(text[:start + first]):
            continue
        out.append(name)
    return out


def transport_means(text: str) -> list[str]:
    """Means of transport a sentence names after "by" or "on" ("by tram", "on the ferry", "on foot")."""
    out = []
    for m in _MEANS.finditer(text):
        noun = m.group(3).lower()
        if _OLD.search(text[:m.start()] + " "):
            continue  # "no more on the ferry for me"
        if noun == "foot" or knowledge.kinds_within("conveyance", noun, any_sense=False):
            out.append("on foot" if noun == "foot" else f"{m.group(1).lower()} {m.group(2) or ''}{noun}".replace("my ", "the "))
    return out


#: the WordNet kinds of a place one buys at (a shop, a store, a market)
_SHOP_KINDS = ("mercantile establishment", "marketplace")


def shops(text: str) -> list[str]:
    """Places of trade a sentence names by a common noun, with their words ("got a winter coat at
    the local hardware store", "I paid a thrift shop downtown"): a noun WordNet files under a
    mercantile establishment or a marketplace, the object of at/from or of the verb; a place word
    right after it ("downtown") goes with it."""
    from kgmem.nlp import load_nlp

    out = []
    for tok in load_nlp()(text):
        compound = " ".join(t.lower_ for t in tok.lefts if t.dep_ == "compound")
        names = [tok.lower_, *([f"{compound} {tok.lower_}"] if compound else [])]  # "flea market"
        if tok.pos_ != "NOUN" or not any(knowledge.is_kind_of(n, k) for n in names for k in _SHOP_KINDS):
            continue
        np = tok
        while np.dep_ == "compound" and np.head.pos_ in ("NOUN", "PROPN"):
            np = np.head  # "a thrift shop downtown" parses with "downtown" as the head
        if not (np.dep_ == "pobj" and np.head.lower_ in ("at", "from", "in") or np.dep_ in ("dobj", "dative")):
            continue
        left = [t for t in np.lefts if t.dep_ in ("det", "amod", "compound", "poss", "nmod")]
        start = min((t.left_edge.i for t in left), default=np.i)
        end = np.i + 1
        nxt = np.doc[end] if end < len(np.doc) else None
        if nxt is not None and nxt.pos_ == "ADV" and nxt.dep_ == "advmod" and nxt.lower_ not in ("again", "too", "today"):
            end += 1  # "a thrift shop downtown"
        out.append(np.doc[start:end].text)
    return out


#: the predicate kinds (:mod:`kgmem.predicates`) whose values these readers read
_READERS: dict[str, Callable[[str], list[str]]] = {"device": product_names, "vehicle": product_names,
                                                    "commute": transport_means}


def reader(pred: str) -> Callable[[str], list[str]] | None:
    """The reader of a slot's values from a line, by the slot's kind; ``None`` when its answer type
    is read by :func:`kgmem.answer.spans.typed_spans`."""
    p = predicate_registry.get(pred)
    return _READERS.get(p.kind) if p is not None else None
